/**
 * Output addresses shared by POST /v1/render/… and GET /v1/reports/{ref}/…:
 * document.html, narrative.html, glossary.html, tables/{01..09}.{html,csv,json,png,svg}, figures/{n}.{svg,png}.
 */
import type { OutputSpec } from './types';

/** What a client reads when it asks for an output that does not exist. */
export const UNKNOWN_OUTPUT =
  '没有这种输出。可用：document.html、narrative.html、glossary.html、tables/01–09.{html,csv,json,png,svg}、figures/N.{svg,png}';

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

/**
 * Parses the undecoded output part of a URL path. A malformed escape (e.g. "%E4%B8") is just an
 * unknown output: null, so the route answers 404 instead of throwing.
 */
export function parseEncodedOutputPath(encoded: string): OutputSpec | null {
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return parseOutputPath(path);
}
