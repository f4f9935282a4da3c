/**
 * Hatching as explicit geometry. A fill's pattern (stripes, cross, grid, dots — templates/figures/
 * palette.json) used to be an SVG <pattern>, rotated for the diagonals; resvg then rasterised a tile
 * and sampled it through a transform, which was most of a figure's raster time. Here the same
 * stripes and dots (same spacing, widths, angles and phase as those tiles: an 8 px tile anchored at
 * the origin) are cut to the shape they cover and written as one plain path.
 */
import { n } from './marks';
import type { PatternName } from './theme';

type Point = [number, number];
type Contour = Point[];

const TILE = 8;
const SQRT1_2 = Math.SQRT1_2;
/** Arcs are flattened to chords of at most this angle: well under 0.05 px off at our radii. */
const ARC_STEP = (1.5 * Math.PI) / 180;

/** Bands of a stripe family: points p with TILE·k + from ≤ normal·p ≤ TILE·k + to. */
interface Bands {
  normal: Point;
  from: number;
  to: number;
}

const STRIPES: Record<Exclude<PatternName, 'solid' | 'dots'>, Bands[]> = {
  // A tile rotated by +45°: pattern u = x·cos45 + y·sin45; rotated by −45°: u = x·cos45 − y·sin45.
  diagonal: [{ normal: [SQRT1_2, SQRT1_2], from: 0, to: 2.6 }],
  backdiagonal: [{ normal: [SQRT1_2, -SQRT1_2], from: 0, to: 2.6 }],
  vertical: [{ normal: [1, 0], from: 0, to: 2.4 }],
  horizontal: [{ normal: [0, 1], from: 0, to: 2.4 }],
  cross: [
    { normal: [SQRT1_2, SQRT1_2], from: 0, to: 2 },
    { normal: [-SQRT1_2, SQRT1_2], from: 0, to: 2 },
  ],
  grid: [
    { normal: [1, 0], from: 0, to: 1.8 },
    { normal: [0, 1], from: 0, to: 1.8 },
  ],
};
const DOT = { center: 4, radius: 1.7, sides: 24 };

/**
 * The hatching of a shape given as SVG path data (M/L/H/V/A/Z, absolute or relative, as marks.ts
 * writes them), as path data; '' when nothing of the pattern falls inside.
 * @example hatchPath('M0 0h40v80h-40Z', 'diagonal') // 'M…Z M…Z …'
 */
export function hatchPath(d: string, pattern: Exclude<PatternName, 'solid'>): string {
  // The same bars and slices come back with every render of a report (SVG and PNG, wide and
  // narrow, each stateless request): computed once per shape and pattern.
  const key = `${pattern}|${d}`;
  let hatch = hatches.get(key);
  if (hatch === undefined) {
    hatch = computeHatch(d, pattern);
    if (hatches.size >= HATCH_CACHE_SIZE) hatches.delete(hatches.keys().next().value!);
    hatches.set(key, hatch);
  }
  return hatch;
}

const HATCH_CACHE_SIZE = 1024;
const hatches = new Map<string, string>();

function computeHatch(d: string, pattern: Exclude<PatternName, 'solid'>): string {
  const contours = flatten(d);
  if (contours.length === 0) return '';
  const pieces: Contour[] = [];
  if (pattern === 'dots') return dots(contours);
  for (const family of STRIPES[pattern]) {
    for (const contour of contours) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const p of contour) {
        const t = dot(family.normal, p);
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
      for (let k = Math.floor((lo - family.to) / TILE); TILE * k + family.from <= hi; k++) {
        const a = TILE * k + family.from;
        const b = TILE * k + family.to;
        if (b <= lo) continue;
        const piece = clipHalf(clipHalf(contour, family.normal, a), [-family.normal[0], -family.normal[1]], -b);
        if (piece.length >= 3) pieces.push(piece);
      }
    }
  }
  return pieces.map(pathOf).join('');
}

function dots(contours: Contour[]): string {
  let out = '';
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const c of contours) for (const [x, y] of c) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  const r = DOT.radius;
  for (let cy = Math.floor((minY - DOT.center - r) / TILE) * TILE + DOT.center; cy - r <= maxY; cy += TILE) {
    if (cy + r < minY) continue;
    for (let cx = Math.floor((minX - DOT.center - r) / TILE) * TILE + DOT.center; cx - r <= maxX; cx += TILE) {
      if (cx + r < minX) continue;
      const polygon: Contour = [];
      for (let i = 0; i < DOT.sides; i++) {
        const a = (2 * Math.PI * i) / DOT.sides;
        polygon.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
      }
      const inside = polygon.filter((p) => contains(contours, p)).length;
      if (inside === polygon.length && contains(contours, [cx, cy])) {
        out += `M${n(cx - r)} ${n(cy)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
        continue;
      }
      // On the edge: the shape cut to the dot (a convex polygon, so one half-plane per side).
      for (const contour of contours) {
        let piece = contour;
        for (let i = 0; i < polygon.length && piece.length >= 3; i++) {
          const [x0, y0] = polygon[i];
          const [x1, y1] = polygon[(i + 1) % polygon.length];
          // Inward normal of a counter-clockwise (in y-down: clockwise on screen) polygon side.
          const normal: Point = [-(y1 - y0), x1 - x0];
          piece = clipHalf(piece, normal, dot(normal, [x0, y0]));
        }
        if (piece.length >= 3) out += pathOf(piece);
      }
    }
  }
  return out;
}

const dot = (a: Point, b: Point) => a[0] * b[0] + a[1] * b[1];

/** Sutherland–Hodgman against one half-plane: keeps the points p with normal·p ≥ offset. */
function clipHalf(contour: Contour, normal: Point, offset: number): Contour {
  const out: Contour = [];
  const len = contour.length;
  for (let i = 0; i < len; i++) {
    const p = contour[i];
    const q = contour[(i + 1) % len];
    const dp = dot(normal, p) - offset;
    const dq = dot(normal, q) - offset;
    if (dp >= 0) out.push(p);
    if ((dp >= 0) !== (dq >= 0)) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** Even-odd point-in-polygon over every contour (a full ring is two circles). */
function contains(contours: Contour[], [x, y]: Point): boolean {
  let inside = false;
  for (const c of contours) {
    for (let i = 0, j = c.length - 1; i < c.length; j = i++) {
      const [xi, yi] = c[i];
      const [xj, yj] = c[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function pathOf(contour: Contour): string {
  let d = `M${n(contour[0][0])} ${n(contour[0][1])}`;
  for (let i = 1; i < contour.length; i++) d += `L${n(contour[i][0])} ${n(contour[i][1])}`;
  return `${d}Z`;
}

/** Path data to polygons: lines as they are, elliptical arcs as chords. */
export function flatten(d: string): Contour[] {
  const tokens = d.match(/[MmLlHhVvAaZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const contours: Contour[] = [];
  let current: Contour = [];
  let x = 0, y = 0, startX = 0, startY = 0;
  let i = 0;
  let command = '';
  const num = () => Number(tokens[i++]);
  const close = () => {
    if (current.length >= 3) contours.push(current);
    current = [];
  };
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i])) command = tokens[i++];
    const rel = command === command.toLowerCase();
    switch (command.toUpperCase()) {
      case 'M': {
        close();
        const nx = num(), ny = num();
        x = rel ? x + nx : nx;
        y = rel ? y + ny : ny;
        startX = x;
        startY = y;
        current.push([x, y]);
        command = rel ? 'l' : 'L';
        break;
      }
      case 'L': {
        const nx = num(), ny = num();
        x = rel ? x + nx : nx;
        y = rel ? y + ny : ny;
        current.push([x, y]);
        break;
      }
      case 'H': {
        const v = num();
        x = rel ? x + v : v;
        current.push([x, y]);
        break;
      }
      case 'V': {
        const v = num();
        y = rel ? y + v : v;
        current.push([x, y]);
        break;
      }
      case 'A': {
        const rx = num(), ry = num(), rotation = num(), large = num(), sweep = num();
        const nx = num(), ny = num();
        const ex = rel ? x + nx : nx;
        const ey = rel ? y + ny : ny;
        for (const p of arcPoints(x, y, rx, ry, rotation, large !== 0, sweep !== 0, ex, ey)) current.push(p);
        x = ex;
        y = ey;
        break;
      }
      case 'Z': {
        close();
        x = startX;
        y = startY;
        break;
      }
      default:
        return contours; // anything else: not a shape this module draws
    }
  }
  close();
  return contours;
}

/** Points along an SVG arc (endpoint parameterisation, SVG 1.1 F.6.5), end point included. */
function arcPoints(x1: number, y1: number, rx: number, ry: number, rotation: number, large: boolean, sweep: boolean, x2: number, y2: number): Point[] {
  if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) return [[x2, y2]];
  const phi = (rotation * Math.PI) / 180;
  const cos = Math.cos(phi), sin = Math.sin(phi);
  const dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
  const xp = cos * dx + sin * dy;
  const yp = -sin * dx + cos * dy;
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
  const den = rx * rx * yp * yp + ry * ry * xp * xp;
  const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (coef * rx * yp) / ry;
  const cyp = (-coef * ry * xp) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const theta1 = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry);
  let delta = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const steps = Math.max(1, Math.ceil(Math.abs(delta) / ARC_STEP));
  const points: Point[] = [];
  for (let s = 1; s <= steps; s++) {
    const t = theta1 + (delta * s) / steps;
    const ex = rx * Math.cos(t), ey = ry * Math.sin(t);
    points.push(s === steps ? [x2, y2] : [cos * ex - sin * ey + cx, sin * ex + cos * ey + cy]);
  }
  return points;
}
