/** SVG fragments for the non-text parts of a figure: bars, ring slices, lines, hatched fills. */
import { hatchPath } from './hatch';
import type { Fill } from './theme';

/** Coordinates with two decimals: compact SVG and no float noise in the bytes. */
export const n = (x: number): string => String(Math.round(x * 100) / 100);

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A shape (given as path data) filled with a colour and, unless solid, its hatching on top (hatch.ts). */
export function filledPath(d: string, fill: Fill, attrs = ''): string {
  const base = `<path d="${d}" fill="${fill.color}"${attrs}/>`;
  if (fill.pattern === 'solid') return base;
  const hatch = hatchPath(d, fill.pattern);
  return hatch === '' ? base : `${base}<path d="${hatch}" fill="${fill.ink}" fill-opacity="0.6"/>`;
}

export function rectPath(x: number, y: number, w: number, h: number): string {
  return `M${n(x)} ${n(y)}h${n(w)}v${n(h)}h${n(-w)}Z`;
}

export function line(x1: number, y1: number, x2: number, y2: number, color: string, width = 1, dash?: string): string {
  const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
  return `<path d="M${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}" stroke="${color}" stroke-width="${n(width)}"${dashAttr} fill="none"/>`;
}

/** A legend swatch: the fill plus a thin outline so pale colours stay visible on white. */
export function swatch(x: number, y: number, size: number, fill: Fill, outline: string): string {
  const d = rectPath(x, y, size, size);
  return `${filledPath(d, fill)}<path d="${d}" fill="none" stroke="${outline}" stroke-opacity="0.45" stroke-width="0.8"/>`;
}

/**
 * A ring slice from angle a0 to a1 (radians, 0 = 12 o'clock, clockwise). A full turn is drawn as
 * two circles with even-odd filling: an arc cannot start and end at the same point.
 */
export function ringSlice(cx: number, cy: number, outer: number, inner: number, a0: number, a1: number): string {
  const sweep = a1 - a0;
  if (sweep >= Math.PI * 2 - 1e-9) {
    const circle = (r: number) => `M${n(cx - r)} ${n(cy)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
    return circle(outer) + circle(inner);
  }
  const point = (r: number, a: number) => [cx + r * Math.sin(a), cy - r * Math.cos(a)];
  const [x0, y0] = point(outer, a0);
  const [x1, y1] = point(outer, a1);
  const [x2, y2] = point(inner, a1);
  const [x3, y3] = point(inner, a0);
  const large = sweep > Math.PI ? 1 : 0;
  return (
    `M${n(x0)} ${n(y0)}A${n(outer)} ${n(outer)} 0 ${large} 1 ${n(x1)} ${n(y1)}` +
    `L${n(x2)} ${n(y2)}A${n(inner)} ${n(inner)} 0 ${large} 0 ${n(x3)} ${n(y3)}Z`
  );
}

export function roundedRect(x: number, y: number, w: number, h: number, r: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(r)}" fill="${fill}"${extra}/>`;
}
