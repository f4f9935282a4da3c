/**
 * A figure as drawn: shapes as SVG fragments (bars, slices, patterns) and text items at absolute
 * positions. satori turns the text into paths; this file puts the two together into one
 * self-contained SVG with <title> and <desc>, and resvg rasterises that SVG to PNG.
 */
import { Resvg } from '@resvg/resvg-wasm';
import { planFonts, type FontPlan } from './fonts';
import { escapeXml, n } from './marks';
import { FAMILY, initEngine, satori, type FigureRuntime, type Weight } from './runtime';
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
  /** Milliseconds spent in each stage (coarse inside workerd, where timers advance on I/O). */
  timings: { fonts: number; layout: number; raster: number };
}

export interface SceneResult {
  body: string | Uint8Array;
  contentType: string;
  info: RenderInfo;
}

const LINE_HEIGHT = 1.2;
/** Noto Sans SC sits slightly low in its line box; nudging up centres CJK glyphs on y. */
const OPTICAL_SHIFT = 0.06;

type Element = { type: string; props: Record<string, unknown> };

function textElement(item: TextItem, text: string): Element {
  const boxHeight = item.size * LINE_HEIGHT;
  const top = item.y - boxHeight / 2 - item.size * OPTICAL_SHIFT;
  // A generous box aligned at the anchor: satori measures and aligns the text inside it.
  const box = item.size * (text.length + 4);
  const anchor = item.anchor ?? 'start';
  const left = anchor === 'start' ? item.x : anchor === 'middle' ? item.x - box / 2 : item.x - box;
  return {
    type: 'div',
    props: {
      style: {
        position: 'absolute',
        display: 'flex',
        left: round(left),
        top: round(top),
        width: round(box),
        height: round(boxHeight),
        justifyContent: anchor === 'start' ? 'flex-start' : anchor === 'middle' ? 'center' : 'flex-end',
        textAlign: anchor === 'start' ? 'left' : anchor === 'middle' ? 'center' : 'right',
        fontSize: item.size,
        fontWeight: item.weight ?? 400,
        lineHeight: LINE_HEIGHT,
        color: item.color,
        whiteSpace: 'pre',
      },
      children: text,
    },
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Satori's own ids (clip paths, masks) get the figure prefix too. */
function prefixSatoriIds(svg: string, prefix: string): string {
  return svg.replace(/(id="|url\(#|href="#)satori_/g, `$1${prefix}-satori_`);
}

async function textLayer(scene: Scene, plan: FontPlan): Promise<string> {
  const root: Element = {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        position: 'relative',
        width: scene.width,
        height: scene.height,
        fontFamily: FAMILY,
      },
      children: scene.texts.filter((t) => t.text !== '').map((t) => textElement(t, plan.sanitize(t.text))),
    },
  };
  const svg = await satori(root as never, { width: scene.width, height: scene.height, fonts: plan.fonts });
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return prefixSatoriIds(inner, scene.idPrefix);
}

/** The complete SVG: scaled to the output size, text as paths, with <title> and <desc>. */
function compose(scene: Scene, text: string, out: SceneOutput): string {
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
    `<defs>${scene.defs}</defs>${background}<g>${scene.marks.join('')}</g><g>${text}</g></svg>`
  );
}

/**
 * Draws a scene as SVG or PNG.
 * @example await renderScene(runtime, scene, { format: 'png', width: 800, height: 500, scale: 2, transparent: false })
 */
export async function renderScene(runtime: FigureRuntime, scene: Scene, out: SceneOutput): Promise<SceneResult> {
  const t0 = performance.now();
  await initEngine(runtime);
  const plan = await planFonts(
    runtime,
    scene.texts.map((t) => ({ text: t.text, weight: t.weight })),
  );
  const t1 = performance.now();
  const svg = compose(scene, await textLayer(scene, plan), out);
  const t2 = performance.now();
  const base = { fallbackChars: plan.fallbackChars, unavailableChars: plan.unavailableChars };
  if (out.format === 'svg') {
    return {
      body: svg,
      contentType: 'image/svg+xml; charset=utf-8',
      info: { width: out.width, height: out.height, ...base, timings: { fonts: t1 - t0, layout: t2 - t1, raster: 0 } },
    };
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(out.width * out.scale) },
    background: out.transparent ? undefined : scene.theme.background,
  });
  try {
    const image = resvg.render();
    try {
      const png = image.asPng();
      return {
        body: png,
        contentType: 'image/png',
        info: {
          width: image.width,
          height: image.height,
          ...base,
          timings: { fonts: t1 - t0, layout: t2 - t1, raster: performance.now() - t2 },
        },
      };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
