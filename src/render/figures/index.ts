/**
 * Figures (图1–图7) and table images of a report: charts.ts and table-image.ts place every shape
 * and text item, glyphs.ts draws the text as glyph outlines (each once, placed with <use>), resvg
 * rasterises. Pure apart from the FigureRuntime it is
 * given (src/runtime/figure-runtime.{workerd,node}.ts), so the Worker and the CLI produce the same
 * bytes for the same model and parameters.
 */
import type { Model } from '../../model/derive';
import type { FigureFormat, RenderedOutput, RenderParams } from '../types';
import { invalidParameter } from '../errors';
import { chartScene, NARROW_WIDTH } from './charts';
import { figureData } from './data';
import { measurer } from './measure';
import { checkParams, checkSceneWork, designSize, outputSize, rasterScale } from './params';
import { compactFonts, initEngine, type FigureRuntime } from './runtime';
import { renderScene, type RenderInfo } from './scene';
import { themeFor } from './theme';
import { tableScene } from './table-image';

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
  const data = figureData(model, id);
  const narrow = p.layout === 'narrow';
  // Narrow: a portrait drawing NARROW_WIDTH wide scaled to the requested width, as tall as it needs.
  const design = narrow ? { width: NARROW_WIDTH, height: NARROW_WIDTH } : designSize(p.width, p.height);
  const ctx = { ...design, theme: themeFor(p.theme), measure: await measureFor(runtime), idPrefix: `jsf${id}${narrow ? 'n' : ''}`, narrow };
  const scene = chartScene(data, ctx);
  checkSceneWork(scene);
  const size = narrow
    ? { width: p.width, height: Math.max(1, Math.round((scene.height * p.width) / scene.width)) }
    : outputSize(p, design, scene);
  const scale = format === 'png' ? rasterScale(size.width, size.height, p.scale) : p.scale;
  return renderScene(runtime, scene, { format, ...size, scale, transparent: p.transparent });
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
  const theme = themeFor(p.theme);
  const measure = await measureFor(runtime);
  const scene = tableScene(model, id, { width: p.width, theme, measure, idPrefix: `jst${id}` });
  checkSceneWork(scene);
  const s = p.width / scene.width;
  const size = options.fixedHeight
    ? { width: p.width, height: p.height }
    : { width: p.width, height: Math.max(1, Math.round(scene.height * s)) };
  const scale = format === 'png' ? rasterScale(size.width, size.height, p.scale) : p.scale;
  return renderScene(runtime, scene, { format, ...size, scale, transparent: p.transparent });
}
