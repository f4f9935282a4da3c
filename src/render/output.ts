/**
 * Every output the service produces, addressed one way, rendered by one function. HTTP routes
 * (stateless POST /v1/render/… and stored GET /v1/reports/…) and the CLI all call renderOutput,
 * so the same payload and parameters give the same bytes everywhere.
 */
import type { Model } from '../model/derive';
import { documentTitle, renderDocumentHtml } from './html/document';
import { renderTableHtml } from './html/tables';
import { renderTableCsv } from './table/csv';
import { renderTableJson } from './table/json';
import { renderTableXlsx, renderWorkbookXlsx } from './table/xlsx';
import { downloadName } from './download-name';
import { renderGlossaryHtml, renderNarrativeHtml } from './narrative';
import { figureIds, NARROW_WIDTH, renderFigure, renderTableImage, tableImageRefusal, type FigureRuntime } from './figures';
import { outputPath } from './output-path';
import { notFound } from './errors';
import { FORMATS } from './formats';
import { DEFAULT_PARAMS, type OutputSpec, type RenderContext, type RenderedOutput } from './types';

export { DEFAULT_PARAMS } from './types';
export type { Links, OutputSpec, RenderContext, RenderedOutput, RenderParams } from './types';

type Body = string | Uint8Array;
type SpecOf<K extends OutputSpec['kind']> = Extract<OutputSpec, { kind: K }>;
type Renderer<S extends OutputSpec> = (model: Model, spec: S, ctx: RenderContext, runtime: FigureRuntime) => Body | Promise<Body>;

/** One renderer per kind of output and format of the registry (formats.ts): a missing one does not compile. */
const RENDERERS: { [K in OutputSpec['kind']]: { [F in SpecOf<K>['format']]: Renderer<SpecOf<K>> } } = {
  document: { html: (model, _spec, ctx, runtime) => withFigures(model, ctx, runtime, renderDocumentHtml) },
  narrative: { html: (model, _spec, ctx, runtime) => withFigures(model, ctx, runtime, renderNarrativeHtml) },
  glossary: { html: (model, _spec, ctx) => renderGlossaryHtml(model, ctx) },
  workbook: { xlsx: (model) => renderWorkbookXlsx(model, documentTitle(model)) },
  table: {
    html: (model, spec, ctx) => renderTableHtml(model, spec.id, ctx),
    csv: (model, spec) => renderTableCsv(model, spec.id),
    json: (model, spec) => renderTableJson(model, spec.id),
    xlsx: (model, spec) => renderTableXlsx(model, spec.id),
    png: (model, spec, ctx, runtime) => tableImage(model, spec.id, 'png', ctx, runtime),
    svg: (model, spec, ctx, runtime) => tableImage(model, spec.id, 'svg', ctx, runtime),
  },
  figure: {
    svg: async (model, spec, ctx, runtime) => (await renderFigure(model, spec.id, spec.format, ctx.params, runtime)).body,
    png: async (model, spec, ctx, runtime) => (await renderFigure(model, spec.id, spec.format, ctx.params, runtime)).body,
  },
};

/**
 * The outputs of a report that renderOutput refuses at the default parameters (RenderError
 * too-large, HTTP 422: table images over the image work bounds), as output paths with the reason in
 * Chinese, so pages of the Worker link only what it serves (a static site knows from what it wrote).
 * @example await refusedOutputs(model, runtime) // [{ path: 'tables/05.png', reason: '…超出表格图片的上限…' }, …] for a 400-row 05
 */
export async function refusedOutputs(model: Model, runtime: FigureRuntime): Promise<{ path: string; reason: string }[]> {
  const refused: { path: string; reason: string }[] = [];
  for (const { no } of model.set.tables) {
    const reason = await tableImageRefusal(model, no, runtime);
    if (reason) for (const format of ['png', 'svg'] as const) refused.push({ path: outputPath({ kind: 'table', id: no, format }), reason });
  }
  return refused;
}

async function tableImage(model: Model, id: string, format: 'png' | 'svg', ctx: RenderContext, runtime: FigureRuntime): Promise<Body> {
  return (await renderTableImage(model, id, format, ctx.params, runtime, { fixedHeight: ctx.params.fixedHeight })).body;
}

/** Renders one output. Throws RenderError('not-found') for an unknown table or figure id. */
export async function renderOutput(
  model: Model,
  spec: OutputSpec,
  ctx: RenderContext,
  runtime: FigureRuntime,
): Promise<RenderedOutput> {
  const byFormat = RENDERERS[spec.kind] as Record<string, Renderer<OutputSpec>>;
  const render = Object.hasOwn(byFormat, spec.format) ? byFormat[spec.format] : undefined;
  if (!render) throw notFound(`${spec.kind} 没有 ${spec.format} 格式`);
  const body = await render(model, spec, ctx, runtime);
  const { contentType, attachment } = FORMATS[spec.format];
  return { body, contentType, ...(attachment ? { filename: downloadName(model, spec) } : {}) };
}

/**
 * Stateless renders have no figure URLs: each figure's SVG is inlined instead. The page is built
 * around a short marker per drawing and the SVGs (~1 MB together) are spliced in once at the end,
 * so they are not copied again by every join and template literal on the way up.
 */
async function withFigures(
  model: Model,
  ctx: RenderContext,
  runtime: FigureRuntime,
  render: (model: Model, ctx: RenderContext) => string,
): Promise<string> {
  if (ctx.links || ctx.inlineFigures) return render(model, ctx);
  const svgs: string[] = [];
  const marker = (body: string | Uint8Array) => {
    svgs.push(typeof body === 'string' ? body : new TextDecoder().decode(body));
    return `${MARKER}${svgs.length - 1}-->`;
  };
  const inlineFigures = new Map<string, string>();
  const inlineNarrowFigures = new Map<string, string>();
  const inlinePrintFigures = new Map<string, string>();
  for (const id of figureIds(model)) {
    const out = await renderFigure(model, id, 'svg', { ...ctx.params, width: DEFAULT_PARAMS.width, height: DEFAULT_PARAMS.height, scale: 1, layout: 'wide' }, runtime);
    inlineFigures.set(id, marker(out.body));
    const narrow = await renderFigure(model, id, 'svg', { ...ctx.params, width: NARROW_WIDTH, height: DEFAULT_PARAMS.height, scale: 1, layout: 'narrow' }, runtime);
    inlineNarrowFigures.set(id, marker(narrow.body));
    if (ctx.params.theme === 'dark') {
      const light = await renderFigure(model, id, 'svg', { ...ctx.params, theme: 'light', width: DEFAULT_PARAMS.width, height: DEFAULT_PARAMS.height, scale: 1, layout: 'wide' }, runtime);
      inlinePrintFigures.set(id, marker(light.body));
    }
  }
  const page = render(model, { ...ctx, inlineFigures, inlineNarrowFigures, ...(inlinePrintFigures.size ? { inlinePrintFigures } : {}) });
  // Payload text is escaped (no "<" reaches the page unescaped), so only our markers match.
  const parts = page.split(MARKER_PATTERN);
  for (let i = 1; i < parts.length; i += 2) parts[i] = svgs[Number(parts[i])];
  return parts.join('');
}

const MARKER = '<!--juesuan-figure-';
const MARKER_PATTERN = /<!--juesuan-figure-(\d+)-->/;
