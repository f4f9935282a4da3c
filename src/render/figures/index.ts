/**
 * Figures (图1–图7) and table images of a report: charts.ts and table-image.ts place every shape
 * and text item, glyphs.ts draws the text as glyph outlines (each once, placed with <use>), resvg
 * rasterises. Pure apart from the FigureRuntime it is
 * given (src/runtime/figure-runtime.{workerd,node}.ts), so the Worker and the CLI produce the same
 * bytes for the same model and parameters.
 */
import type { Model } from '../../model/derive';
import { perModel } from '../../model/per-model';
import { DEFAULT_PARAMS, type FigureFormat, type RenderedOutput, type RenderParams } from '../types';
import { RenderError } from '../errors';
import { buildTable } from '../table/grid';
import { invalidParameter } from '../errors';
import { chartScene, NARROW_WIDTH } from './charts';
import { figureData } from './data';
import { measurer } from './measure';
import { checkParams, checkSceneWork, checkTableWork, designSize, LIMITS, outputSize, rasterScale, type CheckedParams } from './params';
import { compactFonts, initEngine, type FigureRuntime } from './runtime';
import { drawScene, outputDrawing, renderScene, type Drawing, type RenderInfo } from './scene';
import { themeFor } from './theme';
import { tableScene, tableTextBound } from './table-image';

export type { FigureRuntime, WasmName } from './runtime';
export type { RenderInfo } from './scene';
export { figureIds, figureData, changeWords, type FigureData } from './data';
export { largestRemainderPercents } from './shares';
export { planFonts } from './fonts';
export { LIMITS } from './params';
export { NARROW_WIDTH } from './charts';

/** A rendered image plus what it took to make it (for logs, headers and benchmarks). */
export interface ImageOutput extends RenderedOutput {
  info: RenderInfo;
}

function checkFormat(format: string): asserts format is FigureFormat {
  if (format !== 'svg' && format !== 'png') throw invalidParameter(`不支持的图片格式：${format}（应为 svg 或 png）`);
}

/**
 * Loads and initialises everything a render needs (wasm, compact fonts and their parse)
 * — once per isolate. Call it to measure a cold start apart from the first render.
 * @example await warmUp(createNodeRuntime())
 */
export async function warmUp(runtime: FigureRuntime): Promise<void> {
  await Promise.all([initEngine(runtime), compactFonts(runtime)]);
  // A tiny render in both weights: the fonts are parsed on first use and resvg's wasm is
  // slow on its first image; both would otherwise land on the first real request.
  const theme = themeFor('light');
  await renderScene(
    runtime,
    {
      width: 40,
      height: 20,
      idPrefix: 'warm',
      theme,
      defs: '',
      marks: [],
      texts: [
        { x: 0, y: 10, text: '图1', size: 10, color: theme.text },
        { x: 20, y: 10, text: '万元', size: 10, weight: 700, color: theme.text },
      ],
      title: '',
      desc: '',
    },
    { format: 'png', width: 40, height: 20, scale: 1, transparent: false },
  );
}

async function measureFor(runtime: FigureRuntime) {
  const set = await compactFonts(runtime);
  return measurer({ 400: set.compact[400].facts, 700: set.compact[700].facts });
}

/**
 * Renders figure `id` ("1".."7") as SVG or PNG. Width and height are the output size in CSS
 * pixels (PNG pixels = size × scale); `layout: 'narrow'` draws the portrait phone layout, whose
 * height follows its content (the width is kept, the height ignored); a figure whose rows do not fit legibly (图7 with many 项,
 * a long legend) grows taller instead of shrinking its text. Throws a 404 problem for an id that
 * does not exist or does not apply (see figureIds), a 400 problem for bad parameters.
 * @example const png = await renderFigure(model, '2', 'png', DEFAULT_PARAMS, runtime)
 */
export async function renderFigure(
  model: Model,
  id: string,
  format: FigureFormat,
  params: RenderParams,
  runtime: FigureRuntime,
): Promise<ImageOutput> {
  checkFormat(format);
  const p = checkParams(params, format);
  const drawing = await drawOnce(model, `figure ${id}`, p, async () => {
    const data = figureData(model, id);
    const narrow = p.layout === 'narrow';
  // Ids differ by layout and theme: a page may inline a figure's wide, narrow and print (light) drawings together.
  // Narrow: a portrait drawing NARROW_WIDTH wide scaled to the requested width, as tall as it needs.
  const design = narrow ? { width: NARROW_WIDTH, height: NARROW_WIDTH } : designSize(p.width, p.height);
    const ctx = { ...design, theme: themeFor(p.theme), measure: await measureFor(runtime), idPrefix: `jsf${id}${narrow ? 'n' : ''}${p.theme === 'dark' ? 'd' : ''}`, narrow };
    const scene = chartScene(data, ctx);
    checkSceneWork(scene);
    const size = narrow
      ? { width: p.width, height: Math.max(1, Math.round((scene.height * p.width) / scene.width)) }
      : outputSize(p, design, scene);
    return drawScene(runtime, scene, { ...size, transparent: p.transparent });
  });
  const scale = format === 'png' ? rasterScale(drawing.width, drawing.height, p.scale) : p.scale;
  return outputDrawing(runtime, drawing, format, scale);
}

/**
 * Renders table `id` ("01".."09") as an image with the same numbers and layout as the HTML table.
 * The width is honoured (type shrinks down to a floor, then long names wrap); the height grows with
 * the rows unless `fixedHeight` is set, in which case the table is scaled down to fit.
 * @example const svg = await renderTableImage(model, '05', 'svg', DEFAULT_PARAMS, runtime)
 */
export async function renderTableImage(
  model: Model,
  id: string,
  format: 'png' | 'svg',
  params: RenderParams,
  runtime: FigureRuntime,
  options: { fixedHeight?: boolean } = {},
): Promise<ImageOutput> {
  checkFormat(format);
  const p = checkParams(params, format);
  const fixedHeight = options.fixedHeight === true;
  const drawing = await drawOnce(model, `table ${id} ${fixedHeight}`, p, async () => {
    const theme = themeFor(p.theme);
    const measure = await measureFor(runtime);
    const scene = tableScene(model, id, { width: p.width, theme, measure, idPrefix: `jst${id}` });
    checkSceneWork(scene);
    const s = p.width / scene.width;
    const size = fixedHeight
      ? { width: p.width, height: p.height }
      : { width: p.width, height: Math.max(1, Math.round(scene.height * s)) };
    return drawScene(runtime, scene, { ...size, transparent: p.transparent });
  });
  const scale = format === 'png' ? rasterScale(drawing.width, drawing.height, p.scale) : p.scale;
  return outputDrawing(runtime, drawing, format, scale);
}

/** Per model: table id → why its image is refused (null: it is drawn). */
const refusals = perModel<Promise<string | null>>();

/**
 * Why renderTableImage refuses table `id` at the default size (RenderError too-large: HTTP 422),
 * in Chinese, or null when it draws it: the same checks, without drawing. The rows and cells are
 * counted first; the table is laid out (fonts needed) only when its texts could exceed the
 * character bound, which no ordinary table does. Pages use it to link only images that exist.
 * @example await tableImageRefusal(model, '05', runtime) // null
 */
export function tableImageRefusal(model: Model, id: string, runtime: FigureRuntime): Promise<string | null> {
  return refusals(model, id, async () => {
    try {
      const table = buildTable(model, id);
      checkTableWork(table);
      if (tableTextBound(table) <= LIMITS.maxImageChars) return null;
      const measure = await measureFor(runtime);
      checkSceneWork(tableScene(model, id, { width: DEFAULT_PARAMS.width, theme: themeFor(DEFAULT_PARAMS.theme), measure, idPrefix: `jst${id}` }));
      return null;
    } catch (error) {
      if (error instanceof RenderError && error.kind === 'too-large') return error.detail;
      throw error;
    }
  });
}

/**
 * Drawings (the SVG of an output, before any raster) per model: the SVG and the PNG of one output,
 * and PNGs at several scales, share one layout. Stored reports keep one model per content id in
 * the isolate (routes/reports.ts) and the CLI one per report, so this is an in-isolate LRU per
 * (content id, output, parameters) beside the KV cache of finished bytes. Failures are not kept.
 */
const drawings = new WeakMap<Model, Map<string, Promise<Drawing>>>();
const DRAWINGS_PER_MODEL = 40;

function drawOnce(model: Model, output: string, p: CheckedParams, draw: () => Promise<Drawing>): Promise<Drawing> {
  let cache = drawings.get(model);
  if (!cache) {
    cache = new Map();
    drawings.set(model, cache);
  }
  // Everything but the density: it only matters to the raster.
  const key = `${output}|${p.theme}|${p.width}x${p.height}|${p.transparent}|${p.layout}`;
  let pending = cache.get(key);
  if (pending) {
    cache.delete(key); // most recently used last
  } else {
    pending = draw();
    const map = cache;
    pending.catch(() => map.delete(key));
    if (cache.size >= DRAWINGS_PER_MODEL) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, pending);
  return pending;
}
