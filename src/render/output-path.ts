/**
 * Output addresses shared by POST /v1/render/… and GET /v1/reports/{ref}/…:
 * document.html, narrative.html, glossary.html, tables/{表号}.{html,csv,json,png,svg} (numbers as the template
 * set gives them: 01–09 national, 1–11 Yunnan), figures/{n}.{svg,png}.
 */
import { OUTPUT_FORMATS, PAGE_KINDS } from './formats';
import type { FigureFormat, FigureVariant, OutputSpec } from './types';

const alternatives = (formats: readonly string[]) => formats.join('|');
const braces = (formats: readonly string[]) => (formats.length === 1 ? formats[0] : `{${formats.join(',')}}`);

/** What a client reads when it asks for an output that does not exist. */
export const UNKNOWN_OUTPUT = `没有这种输出。可用：${[
  ...PAGE_KINDS.map((kind) => `${kind}.${braces(OUTPUT_FORMATS[kind])}`),
  `tables/{表号}.${braces(OUTPUT_FORMATS.table)}（表号见模板集，如 01、5）`,
  `figures/N.${braces(OUTPUT_FORMATS.figure)}`,
].join('、')}`;

const PAGE = new RegExp(`^(${PAGE_KINDS.join('|')})\\.(\\w+)$`);
/** Any number a template set may give a table (TableRefSchema.no); an unknown one is a 404 naming the set's numbers. */
export const TABLE_ID = '[0-9A-Za-z-]{1,20}';
/** Figures are numbered 1, 2, … in the order the document places them. */
export const FIGURE_ID = '\\d{1,2}';
const TABLE = new RegExp(`^tables/(${TABLE_ID})\\.(${alternatives(OUTPUT_FORMATS.table)})$`);
const FIGURE = new RegExp(`^figures/(${FIGURE_ID})\\.(${alternatives(OUTPUT_FORMATS.figure)})$`);

/** Returns null for an address that is not an output (the route answers 404). */
export function parseOutputPath(path: string): OutputSpec | null {
  const page = PAGE.exec(path);
  if (page) {
    const kind = page[1] as (typeof PAGE_KINDS)[number];
    return (OUTPUT_FORMATS[kind] as readonly string[]).includes(page[2]) ? ({ kind, format: page[2] } as OutputSpec) : null;
  }
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
      return `${spec.kind}.${spec.format}`;
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

/**
 * The query string that asks the Worker for a figure variant ("" for the plain drawing).
 * @example variantQuery({ layout: 'narrow', theme: 'dark' }) // "layout=narrow&theme=dark"
 */
export function variantQuery(variant: FigureVariant = {}): string {
  return [variant.layout && `layout=${variant.layout}`, variant.theme && `theme=${variant.theme}`].filter(Boolean).join('&');
}

/**
 * The file a static site keeps a figure variant in, beside the plain figures/{n}.{format}: one
 * suffix per parameter, in the query's order.
 * @example variantFilePath('1', 'svg', { layout: 'narrow', theme: 'dark' }) // "figures/1.narrow.dark.svg"
 */
export function variantFilePath(id: string, format: FigureFormat, variant: FigureVariant = {}): string {
  const suffix = [variant.layout, variant.theme].filter(Boolean).map((v) => `.${v}`).join('');
  return `figures/${id}${suffix}.${format}`;
}

const VARIANT_FILE = new RegExp(`^figures/(\\d{1,2})((?:\\.narrow)?(?:\\.dark|\\.light)?)\\.(${alternatives(OUTPUT_FORMATS.figure)})$`);

/**
 * The figure and variant a static site's file holds (null when the path is not a variant file).
 * @example parseVariantFilePath('figures/1.dark.svg') // { spec: { kind: 'figure', id: '1', format: 'svg' }, variant: { theme: 'dark' } }
 */
export function parseVariantFilePath(path: string): { spec: Extract<OutputSpec, { kind: 'figure' }>; variant: FigureVariant } | null {
  const match = VARIANT_FILE.exec(path);
  if (!match || match[2] === '') return null;
  const variant: FigureVariant = {};
  if (match[2].includes('.narrow')) variant.layout = 'narrow';
  if (match[2].includes('.dark')) variant.theme = 'dark';
  if (match[2].includes('.light')) variant.theme = 'light';
  return { spec: { kind: 'figure', id: match[1], format: match[3] as FigureFormat }, variant };
}
