/**
 * Output parameters of images, checked defensively: the HTTP layer validates queries first, but
 * the CLI and other callers reach these functions directly.
 */
import { invalidParameter, tooLarge } from '../errors';
import type { RenderParams } from '../types';

export const LIMITS = {
  minSize: 200,
  maxSize: 4000,
  minScale: 1,
  maxScale: 4,
  /**
   * A Worker isolate has 128 MB, and resvg's wasm memory grows with the image and never shrinks.
   * Measured (npm run bench, memory section): about 54 MiB of fixed cost plus about 8 MiB per
   * million output pixels, so 4000×2500 (10 Mpx) needs about 134 MiB and fails on Cloudflare. 6.5 Mpx
   * (≈ 106 MiB) still takes the default 800×500 figure at scale 4 (3200×2000) or 4000×1625 at scale 1.
   */
  maxPixels: 6_500_000,
  /**
   * Work bounds of one image, checked before any layout or drawing: every character drawn is a
   * glyph outline placed in the SVG (glyphs.ts), so time and the SVG's size grow with the text drawn. The reference document's
   * largest table image has 32 rows and 148 filled cells (about 1,000 characters with its headers);
   * the limits leave ten times that and more. Worst case allowed, measured by `npm run bench`
   * (docs/bench.md): a 300-row table of 2,400 filled cells.
   */
  maxTableRows: 300,
  maxTableCells: 2_400,
  /** Characters drawn in one image (titles, headers, cells, notes, labels). */
  maxImageChars: 30_000,
} as const;

/** Design widths: narrower images are scaled-down drawings, wider ones scaled-up drawings. */
const DESIGN_MIN_WIDTH = 600;
const DESIGN_MAX_WIDTH = 1200;
const DESIGN_MIN_HEIGHT = 360;

export interface CheckedParams {
  theme: 'light' | 'dark';
  width: number;
  height: number;
  scale: number;
  transparent: boolean;
  layout: 'wide' | 'narrow';
}

/**
 * Throws RenderError invalid-parameter (HTTP 400) for any out-of-range value. `theme=auto` means light (an image has no
 * page to follow); `background=white` means the theme's opaque background (white in light, near
 * black in dark — light text on a white background would be unreadable), `transparent` none.
 */
export function checkParams(params: RenderParams, format: 'svg' | 'png' = 'png'): CheckedParams {
  const errors: { path: string; message: string }[] = [];
  const size = (name: 'width' | 'height') => {
    const v = params[name];
    if (!Number.isInteger(v) || v < LIMITS.minSize || v > LIMITS.maxSize) {
      errors.push({ path: name, message: `${name} 应为 ${LIMITS.minSize}–${LIMITS.maxSize} 之间的整数（像素）` });
    }
  };
  size('width');
  size('height');
  if (typeof params.scale !== 'number' || !Number.isFinite(params.scale) || params.scale < LIMITS.minScale || params.scale > LIMITS.maxScale) {
    errors.push({ path: 'scale', message: `scale 应为 ${LIMITS.minScale}–${LIMITS.maxScale} 之间的数` });
  }
  if (!['auto', 'light', 'dark'].includes(params.theme)) {
    errors.push({ path: 'theme', message: 'theme 应为 auto、light 或 dark' });
  }
  if (!['white', 'transparent'].includes(params.background)) {
    errors.push({ path: 'background', message: 'background 应为 white 或 transparent' });
  }
  if (!['wide', 'narrow'].includes(params.layout ?? 'wide')) {
    errors.push({ path: 'layout', message: 'layout 应为 wide 或 narrow' });
  }
  if (errors.length) throw invalidParameter(errors.map((e) => e.message).join('；'), errors);
  // The cap protects resvg's memory: it applies to rasters only. An SVG is drawn by its reader.
  if (format === 'png') checkPixels(params.width, params.height, params.scale);
  return {
    theme: params.theme === 'dark' ? 'dark' : 'light',
    width: params.width,
    height: params.height,
    scale: params.scale,
    transparent: params.background === 'transparent',
    layout: params.layout === 'narrow' ? 'narrow' : 'wide',
  };
}

export function checkPixels(width: number, height: number, scale: number): void {
  const pixels = Math.round(width * scale) * Math.round(height * scale);
  if (pixels > LIMITS.maxPixels) {
    throw invalidParameter(
      `图像过大：${Math.round(width * scale)}×${Math.round(height * scale)} 像素，最多 ${LIMITS.maxPixels.toLocaleString('en-US')} 像素；请减小 width、height 或 scale`,
      [{ path: 'scale', message: '输出像素过多' }],
    );
  }
}

/**
 * The pixel density for a raster of `width`×`height` CSS pixels: the requested scale, or — when an
 * image grew taller than requested (a long table, a legend of many rows) and would pass the pixel
 * cap — the largest density that stays under it. The requested size passed checkPixels already,
 * so a tall drawing loses resolution instead of failing the request (or a whole CLI report).
 */
export function rasterScale(width: number, height: number, scale: number): number {
  const fits = (s: number) => Math.round(width * s) * Math.round(height * s) <= LIMITS.maxPixels;
  if (fits(scale)) return scale;
  let s = Math.sqrt(LIMITS.maxPixels / (width * height));
  while (!fits(s)) s *= 0.999;
  return s;
}

/** The drawing's own coordinate size for an output size. */
export function designSize(width: number, height: number): { width: number; height: number } {
  const w = Math.min(DESIGN_MAX_WIDTH, Math.max(DESIGN_MIN_WIDTH, width));
  const h = Math.max(DESIGN_MIN_HEIGHT, Math.round((w * height) / width));
  return { width: w, height: h };
}

/**
 * Output size for a drawing that may have grown taller than asked: the width stays, the height
 * follows the drawing at the same scale.
 */
export function outputSize(
  requested: { width: number; height: number },
  design: { width: number; height: number },
  drawn: { width: number; height: number },
): { width: number; height: number } {
  const s = Math.min(requested.width / design.width, requested.height / design.height);
  if (drawn.height <= design.height) return requested;
  return { width: requested.width, height: Math.max(requested.height, Math.round(drawn.height * s)) };
}

/**
 * Refuses a table image of more rows or filled cells than LIMITS allow, before any work: the HTML,
 * CSV and JSON of the same table have no such limit.
 */
export function checkTableWork(table: { rows: { cells: { text: string }[] }[]; title: string }): void {
  const rows = table.rows.length;
  const cells = table.rows.reduce((sum, row) => sum + row.cells.filter((c) => c.text !== '').length, 0);
  if (rows > LIMITS.maxTableRows || cells > LIMITS.maxTableCells) {
    throw tooLarge(
      `${table.title}有 ${rows} 行、${cells} 个非空单元格，超出表格图片的上限（${LIMITS.maxTableRows} 行、${LIMITS.maxTableCells.toLocaleString('en-US')} 个单元格）。请改用该表的 HTML、CSV 或 JSON 输出。`,
      [{ path: 'rows', message: `表格图片最多 ${LIMITS.maxTableRows} 行、${LIMITS.maxTableCells} 个单元格` }],
    );
  }
}

/** Refuses to draw a scene with more characters than LIMITS.maxImageChars (checked after layout, before drawing). */
export function checkSceneWork(scene: { texts: { text: string }[]; title: string }): void {
  const chars = scene.texts.reduce((sum, t) => sum + t.text.length, 0);
  if (chars > LIMITS.maxImageChars) {
    throw tooLarge(
      `图片“${scene.title}”需要绘制 ${chars.toLocaleString('en-US')} 个字符，超出上限 ${LIMITS.maxImageChars.toLocaleString('en-US')}。请改用 HTML、CSV 或 JSON 输出。`,
      [{ path: 'texts', message: `一张图片最多绘制 ${LIMITS.maxImageChars} 个字符` }],
    );
  }
}
