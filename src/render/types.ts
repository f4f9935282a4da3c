/**
 * The vocabulary every renderer and every edge shares: which outputs exist (OutputSpec), the
 * normalised render parameters, where a report's other outputs live (Links), what a renderer
 * returns. No renderer imports the dispatcher (output.ts); they all import this.
 */

import type { FigureFormat, OUTPUT_FORMATS, PageKind, TableFormat } from './formats';

export type { FigureFormat, Format, TableFormat } from './formats';

/** One output of a report; which formats each kind comes in is the registry's (formats.ts). */
export type OutputSpec =
  | { [K in PageKind]: { kind: K; format: (typeof OUTPUT_FORMATS)[K][number] } }[PageKind]
  | { kind: 'table'; id: string; format: TableFormat }
  | { kind: 'figure'; id: string; format: FigureFormat };

export type Theme = 'auto' | 'light' | 'dark';

/** Query parameters, normalised (defaults filled in) so they can be part of a cache key. */
export interface RenderParams {
  theme: Theme;
  embed: boolean;
  width: number;
  height: number;
  scale: number;
  background: 'white' | 'transparent';
  /** True when the client gave a height: table images then fit it instead of growing with their rows. */
  fixedHeight: boolean;
  /** Figures: `wide` (the default landscape drawing) or `narrow` (portrait, for phones; height follows content). */
  layout: 'wide' | 'narrow';
}

export const DEFAULT_PARAMS: RenderParams = {
  theme: 'auto',
  embed: false,
  width: 800,
  height: 500,
  scale: 1,
  background: 'white',
  fixedHeight: false,
  layout: 'wide',
};

/**
 * Another drawing of a figure that a page links besides the plain one: the narrow (phone) layout,
 * the dark theme, or both. The Worker serves it as `?layout=narrow&theme=dark`; a static site as a
 * file of its own (linksUnder's `files` style).
 */
export interface FigureVariant {
  layout?: 'narrow';
  /** 'light' only for the drawing a dark page prints: paper is always light. */
  theme?: 'dark' | 'light';
}

/** Where the other outputs of the same report live, for links and <img> sources. */
export interface Links {
  document(): string;
  narrative(): string;
  glossary(): string;
  /** Every table in one workbook (workbook.xlsx). */
  workbook(): string;
  table(id: string, format: TableFormat): string;
  figure(id: string, format: FigureFormat, variant?: FigureVariant): string;
  /**
   * Whether that output (or figure variant) exists where the links point. Absent: every output
   * does (the Worker renders any of them on request). A static site has only the files it wrote
   * (its --formats, minus images refused as too large), and its pages link no others.
   */
  has?(spec: OutputSpec, variant?: FigureVariant): boolean;
}

/** True when `links` can link this output: always, unless the links say which files exist. */
export function linkable(links: Links, spec: OutputSpec, variant?: FigureVariant): boolean {
  return links.has ? links.has(spec, variant) : true;
}

export interface RenderContext {
  params: RenderParams;
  /** Absent for stateless renders: figures are then inlined as SVG instead of linked. */
  links?: Links;
  /** Pre-rendered inline SVG of figures, by figure id (filled in when links are absent). */
  inlineFigures?: Map<string, string>;
  /** The same figures in the narrow layout, which the page shows instead on small screens. */
  inlineNarrowFigures?: Map<string, string>;
  /** Light wide drawings for print, when the screen ones are dark (theme=dark): paper is always light. */
  inlinePrintFigures?: Map<string, string>;
  /** Value of Content-Security-Policy frame-ancestors (only used for embed pages' meta). */
  frameAncestors?: string;
}

export interface RenderedOutput {
  body: string | Uint8Array;
  contentType: string;
  /** For a format saved as a file (the registry's `attachment`): the name to save it under. */
  filename?: DownloadName;
}

/** A file name to save an output under: readable (Chinese allowed) and an ASCII fallback. */
export interface DownloadName {
  /** "2024 年度一般公共预算财政拨款支出决算表（公开05表）.xlsx" */
  name: string;
  /** "wuhan-jianghan-cyzx-2024-table-05.xlsx" */
  ascii: string;
}
