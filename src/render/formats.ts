/**
 * The format registry: every file format the service writes, with its content type, the query
 * parameters (and CLI options) it accepts and how the index page names it, and which kinds of
 * output come in it. Output paths, parameter parsing, content types, the report URLs, the index
 * page and the CLI's --formats and help all read this table; output.ts holds one renderer per
 * format (a Record the compiler checks against this table).
 *
 * Adding a format: an entry here, its place in OUTPUT_FORMATS, its renderer in output.ts.
 */
import type { RenderParams } from './types';

export interface FormatInfo {
  /** Content-Type of the response (and of the CLI's file in the manifest). */
  contentType: string;
  /** Query parameters that change this output, in cache-key order; any other parameter is a 400. */
  params: readonly (keyof RenderParams)[];
  /** How the index page and help name it. */
  label: string;
  /** Drawn by the image pipeline (satori/resvg): size, scale and background apply. */
  image: boolean;
  /** A file to save rather than show: answered with Content-Disposition: attachment and a file name. */
  attachment: boolean;
}

export const FORMATS = {
  html: { contentType: 'text/html; charset=utf-8', params: ['theme', 'embed'], label: '网页', image: false, attachment: false },
  csv: { contentType: 'text/csv; charset=utf-8', params: [], label: 'CSV', image: false, attachment: false },
  json: { contentType: 'application/json; charset=utf-8', params: [], label: 'JSON', image: false, attachment: false },
  png: { contentType: 'image/png', params: ['theme', 'width', 'height', 'scale', 'background'], label: 'PNG', image: true, attachment: false },
  svg: { contentType: 'image/svg+xml; charset=utf-8', params: ['theme', 'width', 'height', 'background'], label: 'SVG', image: true, attachment: false },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', params: [], label: 'Excel', image: false, attachment: true },
} as const satisfies Record<string, FormatInfo>;

export type Format = keyof typeof FORMATS;

/** The formats each kind of output comes in, in the order they are listed and written. */
export const OUTPUT_FORMATS = {
  document: ['html'],
  narrative: ['html'],
  glossary: ['html'],
  /** Every table of the report in one Excel workbook, a sheet each. */
  workbook: ['xlsx'],
  table: ['html', 'csv', 'json', 'xlsx', 'png', 'svg'],
  figure: ['svg', 'png'],
} as const satisfies Record<string, readonly Format[]>;

export type OutputKind = keyof typeof OUTPUT_FORMATS;

/** Parameters one kind of output takes on top of its format's: figures come in two layouts. */
export const KIND_PARAMS: Record<OutputKind, readonly (keyof RenderParams)[]> = {
  document: [],
  narrative: [],
  glossary: [],
  workbook: [],
  table: [],
  figure: ['layout'],
};

/**
 * Every parameter an output accepts, in cache-key order: its format's, then its kind's.
 * @example acceptedParams('figure', 'svg') // ["theme", "width", "height", "background", "layout"]
 */
export function acceptedParams(kind: OutputKind, format: Format): readonly (keyof RenderParams)[] {
  return [...FORMATS[format].params, ...KIND_PARAMS[kind]];
}
/** Whole-report outputs, addressed as `{kind}.{format}`. */
export const PAGE_KINDS = ['document', 'narrative', 'glossary', 'workbook'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];
export type TableFormat = (typeof OUTPUT_FORMATS.table)[number];
export type FigureFormat = (typeof OUTPUT_FORMATS.figure)[number];

/** Every format, in registry order (the CLI's default --formats). */
export const ALL_FORMATS = Object.keys(FORMATS) as Format[];
