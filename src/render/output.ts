/**
 * Every output the service produces, addressed one way, rendered by one function. HTTP routes
 * (stateless POST /v1/render/… and stored GET /v1/reports/…) and the CLI all call renderOutput,
 * so the same payload and parameters give the same bytes everywhere.
 */
import type { Model } from '../model/derive';
import { renderDocumentHtml } from './html/document';
import { renderTableHtml } from './html/tables';
import { renderTableCsv } from './table/csv';
import { renderTableJson } from './table/json';
import { renderGlossaryHtml, renderNarrativeHtml } from './narrative';
import { figureIds, renderFigure, renderTableImage, type FigureRuntime } from './figures';
import { DEFAULT_PARAMS, type OutputSpec, type RenderContext, type RenderedOutput } from './types';

export { DEFAULT_PARAMS } from './types';
export type { FigureFormat, Links, OutputSpec, RenderContext, RenderedOutput, RenderParams, TableFormat, Theme } from './types';

const HTML = 'text/html; charset=utf-8';

/** Renders one output. Throws RenderError('not-found') for an unknown table or figure id. */
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
