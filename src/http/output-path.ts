/**
 * Output addresses shared by POST /v1/render/… and GET /v1/reports/{ref}/…:
 * document.html, narrative.html, glossary.html, tables/{01..09}.{html,csv,json,png,svg}, figures/{n}.{svg,png}.
 */
import type { OutputSpec } from '../render/output';

const TABLE = /^tables\/(\d{2})\.(html|csv|json|png|svg)$/;
const FIGURE = /^figures\/(\d{1,2})\.(svg|png)$/;

/** Returns null for an address that is not an output (the route answers 404). */
export function parseOutputPath(path: string): OutputSpec | null {
  if (path === 'document.html') return { kind: 'document', format: 'html' };
  if (path === 'narrative.html') return { kind: 'narrative', format: 'html' };
  if (path === 'glossary.html') return { kind: 'glossary', format: 'html' };
  const table = TABLE.exec(path);
  if (table) return { kind: 'table', id: table[1], format: table[2] as 'html' };
  const figure = FIGURE.exec(path);
  if (figure) return { kind: 'figure', id: figure[1], format: figure[2] as 'svg' };
  return null;
}

export function outputPath(spec: OutputSpec): string {
  switch (spec.kind) {
    case 'table':
      return `tables/${spec.id}.${spec.format}`;
    case 'figure':
      return `figures/${spec.id}.${spec.format}`;
    default:
      return `${spec.kind}.html`;
  }
}
