/**
 * A figure as drawn: shapes as SVG fragments (bars, slices, patterns) and text items at absolute
 * positions. glyphs.ts turns the text into glyph outlines; this file puts the two together into one
 * self-contained SVG with <title> and <desc>, and resvg rasterises that SVG to PNG.
 */
import { Resvg } from '@resvg/resvg-wasm';
import { planFonts, type FontPlan } from './fonts';
import { escapeXml, n } from './marks';
import { baselineIn, faceOf, GlyphSheet, type FaceList } from './glyphs';
import { encodeOpaquePng, streamDeflate } from './png';
import { initEngine, type FigureRuntime, type Weight } from './runtime';
import type { Theme } from './theme';

export interface TextItem {
  x: number;
  /** Vertical centre of the line. */
  y: number;
  text: string;
  size: number;
  weight?: Weight;
  color: string;
  anchor?: 'start' | 'middle' | 'end';
}

export interface Scene {
  /** Design size: the coordinate system of marks and texts. */
  width: number;
  height: number;
  /** Prefix of every id in the SVG, so several figures can be inlined in one HTML page. */
  idPrefix: string;
  theme: Theme;
  defs: string;
  marks: string[];
  texts: TextItem[];
  title: string;
  desc: string;
}

export interface SceneOutput {
  format: 'svg' | 'png';
  /** Output size in CSS pixels; the design is scaled to fit, keeping its aspect ratio. */
  width: number;
  height: number;
  /** PNG only: pixels per CSS pixel. */
  scale: number;
  transparent: boolean;
}

export interface RenderInfo {
  /** Size of the returned image (PNG: in pixels, scale included). */
  width: number;
  height: number;
  /** Characters drawn from the full font (HarfBuzz subset) because the compact one lacks them. */
  fallbackChars: string;
  /** Characters no font has (drawn as 〓). */
  unavailableChars: string;
  /** Font size of the smallest text, in design px (× output width / design width = CSS px). */
  minTextSize: number;
  /** Width of the drawing's coordinate system (its viewBox). */
  designWidth: number;
  /** Milliseconds spent in each stage (coarse inside workerd, where timers advance on I/O). */
  timings: { fonts: number; layout: number; raster: number };
}

export interface SceneResult {
  body: string | Uint8Array;
  contentType: string;
  info: RenderInfo;
}

const LINE_HEIGHT = 1.2;
/** 2.2 Mpx: up to 1600×1000 (the default figure at scale 2), about 15 MB of transient JS memory. */
const LEAN_PNG_MAX_PIXELS = 2_200_000;
/** Noto Sans SC sits slightly low in its line box; nudging up centres CJK glyphs on y. */
const OPTICAL_SHIFT = 0.06;

/**
 * Where a text item's line box starts, on the pixel grid. The figures were first drawn by satori,
 * which put each item in a box (left, top, width rounded to 1/100, then to whole pixels by yoga),
 * the text's width rounded up, aligned in the box by flexbox (text positions floored) and its
 * baseline rounded. Placing glyphs the same way keeps every golden image within its tolerance, and
 * whole-pixel baselines keep small CJK type crisp.
 */
function snap(item: TextItem, text: string, list: FaceList): { x: number; top: number } {
  const boxHeight = item.size * LINE_HEIGHT;
  const top = round(item.y - boxHeight / 2 - item.size * OPTICAL_SHIFT);
  const box = round(item.size * (text.length + 4));
  const anchor = item.anchor ?? 'start';
  const left = round(anchor === 'start' ? item.x : anchor === 'middle' ? item.x - box / 2 : item.x - box);
  // yoga lays out in floats, then rounds each position relative to its parent (text: floored).
  const free = box - Math.ceil(GlyphSheet.width(text, item.size, list));
  const offset = anchor === 'start' ? 0 : Math.floor((anchor === 'middle' ? free / 2 : free) + 1e-4);
  return { x: Math.round(left) + offset, top: Math.round(top) };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The text of a scene as glyph outlines: <use> placements, and the outlines for <defs>. */
function textLayer(scene: Scene, plan: FontPlan): { defs: string; body: string } {
  const lists = new Map<Weight, FaceList>();
  const listFor = (weight: Weight): FaceList => {
    let list = lists.get(weight);
    if (!list) {
      const fonts = plan.fonts.filter((f) => f.weight === weight);
      list = { keys: fonts.map((_, i) => `${weight === 700 ? 'b' : 'r'}${i}`), faces: fonts.map((f) => faceOf(f.data)) };
      lists.set(weight, list);
    }
    return list;
  };
  const sheet = new GlyphSheet(scene.idPrefix);
  const body: string[] = [];
  for (const item of scene.texts) {
    if (item.text === '') continue;
    const list = listFor(item.weight ?? 400);
    const text = plan.sanitize(item.text);
    const { x, top } = snap(item, text, list);
    body.push(
      sheet.text(
        { x, baseline: top + Math.round(baselineIn(0, item.size, LINE_HEIGHT, list)), anchor: 'start', text, size: item.size, color: item.color },
        list,
      ),
    );
  }
  return { defs: sheet.defs(), body: body.join('') };
}

/** The complete SVG: scaled to the output size, text as paths, with <title> and <desc>. */
function compose(scene: Scene, text: { defs: string; body: string }, out: SceneOutput): string {
  const p = scene.idPrefix;
  const { width: W, height: H, theme } = scene;
  // The background rect reaches beyond the viewBox so it also fills any letterboxing.
  const background = out.transparent
    ? ''
    : `<rect x="${n(-W * 10)}" y="${n(-H * 10)}" width="${n(W * 21)}" height="${n(H * 21)}" fill="${theme.background}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${out.width}" height="${out.height}" viewBox="0 0 ${n(W)} ${n(H)}" ` +
    `role="img" aria-labelledby="${p}-title ${p}-desc">` +
    `<title id="${p}-title">${escapeXml(scene.title)}</title>` +
    `<desc id="${p}-desc">${escapeXml(scene.desc)}</desc>` +
    `<defs>${scene.defs}${text.defs}</defs>${background}<g>${scene.marks.join('')}</g><g>${text.body}</g></svg>`
  );
}

/** A scene drawn as SVG: everything but the raster, shared by the SVG and PNG of one output. */
export interface Drawing {
  svg: string;
  /** Output size in CSS pixels. */
  width: number;
  height: number;
  transparent: boolean;
  background: string;
  info: Omit<RenderInfo, 'width' | 'height' | 'timings'>;
  timings: { fonts: number; layout: number };
}

/**
 * Lays a scene out as a self-contained SVG (text as glyph outlines).
 * @example const drawing = await drawScene(runtime, scene, { width: 800, height: 500, transparent: false })
 */
export async function drawScene(runtime: FigureRuntime, scene: Scene, out: Omit<SceneOutput, 'format' | 'scale'>): Promise<Drawing> {
  const t0 = performance.now();
  await initEngine(runtime);
  const plan = await planFonts(
    runtime,
    scene.texts.map((t) => ({ text: t.text, weight: t.weight })),
  );
  const t1 = performance.now();
  const svg = compose(scene, textLayer(scene, plan), { ...out, format: 'svg', scale: 1 });
  const t2 = performance.now();
  const sizes = scene.texts.filter((t) => t.text.trim() !== '').map((t) => t.size);
  return {
    svg,
    width: out.width,
    height: out.height,
    transparent: out.transparent,
    background: scene.theme.background,
    info: {
      fallbackChars: plan.fallbackChars,
      unavailableChars: plan.unavailableChars,
      minTextSize: sizes.length ? Math.min(...sizes) : 0,
      designWidth: scene.width,
    },
    timings: { fonts: t1 - t0, layout: t2 - t1 },
  };
}

/**
 * A drawing as SVG, or rasterised by resvg at `scale` and encoded as PNG.
 * @example await outputDrawing(runtime, drawing, 'png', 2)
 */
export async function outputDrawing(runtime: FigureRuntime, drawing: Drawing, format: 'svg' | 'png', scale: number): Promise<SceneResult> {
  const base = drawing.info;
  if (format === 'svg') {
    return {
      body: drawing.svg,
      contentType: 'image/svg+xml; charset=utf-8',
      info: { width: drawing.width, height: drawing.height, ...base, timings: { ...drawing.timings, raster: 0 } },
    };
  }
  const t2 = performance.now();
  await initEngine(runtime);
  const resvg = new Resvg(drawing.svg, {
    fitTo: { mode: 'width', value: Math.round(drawing.width * scale) },
    background: drawing.transparent ? undefined : drawing.background,
  });
  try {
    const image = resvg.render();
    try {
      const { width, height } = image;
      // Opaque images: raw pixels, encoded lean (png.ts). Transparent ones, and very large ones
      // (the raw copy costs 7 bytes a pixel of JS memory next to resvg's wasm memory), keep
      // resvg's encoder.
      const lean = !drawing.transparent && width * height <= LEAN_PNG_MAX_PIXELS;
      const png = lean ? await encodeOpaquePng(image.pixels, width, height, runtime.deflate ?? streamDeflate) : image.asPng();
      return {
        body: png,
        contentType: 'image/png',
        info: { width, height, ...base, timings: { ...drawing.timings, raster: performance.now() - t2 } },
      };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/**
 * Draws a scene as SVG or PNG.
 * @example await renderScene(runtime, scene, { format: 'png', width: 800, height: 500, scale: 2, transparent: false })
 */
export async function renderScene(runtime: FigureRuntime, scene: Scene, out: SceneOutput): Promise<SceneResult> {
  return outputDrawing(runtime, await drawScene(runtime, scene, out), out.format, out.scale);
}
