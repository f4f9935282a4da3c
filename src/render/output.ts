/**
 * Every output the service produces, addressed one way, rendered by one function. HTTP routes
 * (stateless POST /v1/render/… and stored GET /v1/reports/…) and the CLI all call renderOutput,
 * so the same payload and parameters give the same bytes everywhere.
 */
import type { Model } from '../model/derive';
import { renderDocumentHtml } from './html/document';
import { renderTableCsv, renderTableHtml, renderTableJson } from './html/tables';
import { renderGlossaryHtml, renderNarrativeHtml } from './narrative';
import { figureIds, renderFigure, renderTableImage, type FigureRuntime } from './figures';

export type TableFormat = 'html' | 'csv' | 'json' | 'png' | 'svg';
export type FigureFormat = 'svg' | 'png';

export type OutputSpec =
  | { kind: 'document'; format: 'html' }
  | { kind: 'narrative'; format: 'html' }
  | { kind: 'glossary'; format: 'html' }
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
}

export const DEFAULT_PARAMS: RenderParams = {
  theme: 'auto',
  embed: false,
  width: 800,
  height: 500,
  scale: 1,
  background: 'white',
  fixedHeight: false,
};

/** Where the other outputs of the same report live, for links and <img> sources. */
export interface Links {
  document(): string;
  narrative(): string;
  glossary(): string;
  table(id: string, format: TableFormat): string;
  figure(id: string, format: FigureFormat): string;
}

export interface RenderContext {
  params: RenderParams;
  /** Absent for stateless renders: figures are then inlined as SVG instead of linked. */
  links?: Links;
  /** Pre-rendered inline SVG of figures, by figure id (filled in when links are absent). */
  inlineFigures?: Map<string, string>;
  /** Value of Content-Security-Policy frame-ancestors (only used for embed pages' meta). */
  frameAncestors?: string;
}

export interface RenderedOutput {
  body: string | Uint8Array;
  contentType: string;
}

const HTML = 'text/html; charset=utf-8';

/** Renders one output. Throws ProblemError(404) for an unknown table or figure id. */
export async function renderOutput(
  model: Model,
  spec: OutputSpec,
  ctx: RenderContext,
  runtime: FigureRuntime,
): Promise<RenderedOutput> {
  switch (spec.kind) {
    case 'document':
      return { body: renderDocumentHtml(model, await withFigures(model, ctx, runtime)), contentType: HTML };
    case 'narrative':
      return { body: renderNarrativeHtml(model, await withFigures(model, ctx, runtime)), contentType: HTML };
    case 'glossary':
      return { body: renderGlossaryHtml(model, ctx), contentType: HTML };
    case 'table':
      switch (spec.format) {
        case 'html':
          return { body: renderTableHtml(model, spec.id, ctx), contentType: HTML };
        case 'csv':
          return { body: renderTableCsv(model, spec.id), contentType: 'text/csv; charset=utf-8' };
        case 'json':
          return { body: renderTableJson(model, spec.id), contentType: 'application/json; charset=utf-8' };
        default:
          return renderTableImage(model, spec.id, spec.format, ctx.params, runtime, { fixedHeight: ctx.params.fixedHeight });
      }
    case 'figure':
      return renderFigure(model, spec.id, spec.format, ctx.params, runtime);
  }
}

/** Stateless renders have no figure URLs: inline each figure's SVG instead. */
async function withFigures(model: Model, ctx: RenderContext, runtime: FigureRuntime): Promise<RenderContext> {
  if (ctx.links || ctx.inlineFigures) return ctx;
  const inlineFigures = new Map<string, string>();
  for (const id of figureIds(model)) {
    const out = await renderFigure(model, id, 'svg', { ...ctx.params, width: DEFAULT_PARAMS.width, height: DEFAULT_PARAMS.height, scale: 1 }, runtime);
    inlineFigures.set(id, typeof out.body === 'string' ? out.body : new TextDecoder().decode(out.body));
  }
  return { ...ctx, inlineFigures };
}
