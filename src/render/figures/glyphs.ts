/**
 * Text as glyph outlines, each outline drawn once. Every text item of a scene sits at a known
 * position with a known anchor (charts.ts and table-image.ts measure and place them), so no layout
 * engine is needed: the glyphs are placed with the fonts' own advances and kerning (opentype.js,
 * the same parser and positioning satori used), each glyph's path is computed once per font and
 * isolate, emitted once in <defs> per SVG in font units, and placed with <use>. The SVG stays
 * self-contained (no fonts needed to view it) and far smaller than one path per drawn character.
 */
import { parse, type Font, type Glyph, type PathCommand } from '@shuding/opentype.js';

/** A run of text shaped by one font: its glyphs and the advances between them, in font units. */
interface Shaped {
  glyphs: Glyph[];
  /** Pen position of each glyph. */
  xs: number[];
  /** The increments opentype.js adds, in its order (advance, then kerning, per glyph). */
  steps: number[];
}

/** A parsed font with its outline and shaping caches. */
export interface Face {
  font: Font;
  /** Path data of a glyph at `size` px, origin 0, y pointing down; '' for a blank glyph. */
  outline(glyph: Glyph, size: number): string;
  /** The glyphs of a run (cached: labels repeat the same words and digits over and over). */
  shape(run: string): Shaped;
}

const SHAPE_CACHE_SIZE = 4096;

const faces = new WeakMap<ArrayBuffer, Face>();

/** Pixel coordinates to a tenth of a pixel, as the goldens were drawn. */
const fixed = (v: number, digits: number): string => String(Math.round(v * 10 ** digits) / 10 ** digits);

function pathData(commands: readonly PathCommand[], scale: number): string {
  const u = (v: number | undefined) => fixed((v ?? 0) * scale, 1);
  // Parts joined once: a string built with += stays a deep rope that every later join of the
  // <defs> walks again.
  const parts: string[] = [];
  for (const c of commands) {
    switch (c.type) {
      case 'M':
      case 'L':
        parts.push(`${c.type}${u(c.x)} ${u(-c.y!)}`);
        break;
      case 'Q':
        parts.push(`Q${u(c.x1)} ${u(-c.y1!)} ${u(c.x)} ${u(-c.y!)}`);
        break;
      case 'C':
        parts.push(`C${u(c.x1)} ${u(-c.y1!)} ${u(c.x2)} ${u(-c.y2!)} ${u(c.x)} ${u(-c.y!)}`);
        break;
      case 'Z':
        parts.push('Z');
        break;
    }
  }
  return parts.join('');
}

/**
 * The face of a font file's bytes, parsed once per ArrayBuffer (runtimes hand out the same buffer
 * for the same file; fallback subsets are cached by the characters they hold).
 */
export function faceOf(data: ArrayBuffer): Face {
  let face = faces.get(data);
  if (!face) {
    const font = parse(data, { lowMemory: true });
    const outlines = new Map<string, string>();
    const shapes = new Map<string, Shaped>();
    face = {
      font,
      shape(run) {
        let shaped = shapes.get(run);
        if (!shaped) {
          const glyphs: Glyph[] = [];
          const xs: number[] = [];
          const end = font.forEachGlyph(run, 0, 0, font.unitsPerEm, { letterSpacing: 0 }, (glyph, x) => {
            glyphs.push(glyph);
            xs.push(x);
          });
          const steps: number[] = [];
          glyphs.forEach((glyph, i) => {
            const advance = glyph.advanceWidth || 0;
            steps.push(advance, (i + 1 < xs.length ? xs[i + 1] : end) - xs[i] - advance);
          });
          shaped = { glyphs, xs, steps };
          if (shapes.size >= SHAPE_CACHE_SIZE) shapes.delete(shapes.keys().next().value!);
          shapes.set(run, shaped);
        }
        return shaped;
      },
      outline(glyph, size) {
        const key = `${glyph.index}@${size}`;
        let d = outlines.get(key);
        if (d === undefined) {
          d = pathData(glyph.path.commands, size / font.unitsPerEm);
          outlines.set(key, d);
        }
        return d;
      },
    };
    faces.set(data, face);
  }
  return face;
}

export interface GlyphText {
  /** Anchor point: x at the anchor, y the baseline, in scene units. */
  x: number;
  baseline: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
  size: number;
  color: string;
}

/** One font list per weight, first choice first: the compact font, then a fallback subset. */
export interface FaceList {
  /** Short, stable names for ids ("r0", "r1", "b0"…), one per face. */
  keys: string[];
  faces: Face[];
}

interface Placed {
  face: number;
  glyph: Glyph;
  /** In units of the first face. */
  x: number;
}

/**
 * The glyphs of one SVG: collects which outlines are used and writes each once.
 * @example const sheet = new GlyphSheet('jsf1'); const g = sheet.text(item, list); `<defs>${sheet.defs()}</defs>${g}`
 */
export class GlyphSheet {
  private readonly used = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  /**
   * The advance width of `text` in scene units at `size`, kerning included, summed word by word
   * in the same floating-point steps satori took (its rounding up of the sum is what placed text).
   */
  static width(text: string, size: number, list: FaceList): number {
    const memo = list.faces.length === 1 ? memoOf(list.faces[0]).widths : undefined;
    const key = `${size}|${text}`;
    const known = memo?.get(key);
    if (known !== undefined) return known;
    let total = 0;
    for (const word of words(text)) {
      let w = 0;
      for (const run of runs(word, list)) {
        const face = list.faces[run.face];
        // The same steps as opentype's forEachGlyph at `size`, so the float sum is the same.
        const fontScale = (1 / face.font.unitsPerEm) * size;
        const { steps } = face.shape(run.text);
        let x = 0;
        for (let i = 0; i < steps.length; i += 2) {
          if (steps[i]) x += steps[i] * fontScale;
          if (i + 2 < steps.length) x += steps[i + 1] * fontScale;
        }
        w += x;
      }
      total += w;
    }
    if (memo) {
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(key, total);
    }
    return total;
  }

  /** A <g> drawing `item` with <use> references to outlines in this sheet's defs. */
  text(item: GlyphText, list: FaceList): string {
    const { placed, end } = layout(item.text, list);
    if (placed.length === 0) return '';
    const primary = list.faces[0].font;
    const k = item.size / primary.unitsPerEm;
    const width = end * k;
    const left = item.anchor === 'start' ? item.x : item.anchor === 'middle' ? item.x - width / 2 : item.x - width;
    // Ids are `${prefix}-${face key}-${size}-${glyph}`: the part before the glyph once per face.
    const size = fixed(item.size, 2).replace('.', '_');
    const idStems = list.keys.map((key) => `${this.prefix}-${key}-${size}-`);
    const parts: string[] = [`<g fill="${item.color}" transform="translate(${fixed(left, 2)} ${fixed(item.baseline, 2)})">`];
    for (const p of placed) {
      const face = list.faces[p.face];
      const d = face.outline(p.glyph, item.size);
      if (d === '') continue;
      const id = idStems[p.face] + p.glyph.index;
      if (!this.used.has(id)) this.used.set(id, `<path id="${id}" d="${d}"/>`);
      parts.push(`<use href="#${id}" x="${fixed(p.x * k, 1)}"/>`);
    }
    if (parts.length === 1) return '';
    parts.push('</g>');
    return parts.join('');
  }

  /** The outlines used so far, for <defs>. */
  defs(): string {
    return [...this.used.values()].join('');
  }
}

/**
 * Words as a line breaker sees them: each CJK character alone, other runs up to and including
 * their trailing spaces. Kerning applies inside a word only (as in satori, which measured and
 * placed word by word), so the drawings keep the spacing the goldens were made with.
 */
const WORD = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[\ud840-\ud8ff][\udc00-\udfff]|[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\ud840-\ud8ff\s]*\s*/gu;

const words = (text: string): string[] => text.replace(/[\n\t]/g, '').match(WORD) ?? [];

/** A word cut into runs by the first face that has each character. */
function runs(word: string, list: FaceList): { face: number; text: string }[] {
  const out: { face: number; text: string }[] = [];
  for (const ch of word) {
    let face = list.faces.findIndex((f) => f.font.charToGlyphIndex(ch) !== 0);
    if (face < 0) face = 0;
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += ch;
    else out.push({ face, text: ch });
  }
  return out;
}

const MEMO_SIZE = 8192;
/** Per face (the common case of a text drawn from one font): widths and placements by text. */
const memos = new WeakMap<Face, { widths: Map<string, number>; layouts: Map<string, { placed: Placed[]; end: number }> }>();
function memoOf(face: Face) {
  let memo = memos.get(face);
  if (!memo) {
    memo = { widths: new Map(), layouts: new Map() };
    memos.set(face, memo);
  }
  return memo;
}

/** Places the glyphs of `text`, word by word and run by run, in units of the first face. */
function layout(text: string, list: FaceList): { placed: Placed[]; end: number } {
  const memo = list.faces.length === 1 ? memoOf(list.faces[0]).layouts : undefined;
  const known = memo?.get(text);
  if (known) return known;
  const result = placeGlyphs(text, list);
  if (memo) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, result);
  }
  return result;
}

function placeGlyphs(text: string, list: FaceList): { placed: Placed[]; end: number } {
  const placed: Placed[] = [];
  const primaryUnits = list.faces[0].font.unitsPerEm;
  let x = 0;
  for (const word of words(text)) {
    for (const run of runs(word, list)) {
      const face = list.faces[run.face];
      const ratio = primaryUnits / face.font.unitsPerEm;
      const { glyphs, xs, steps } = face.shape(run.text);
      glyphs.forEach((glyph, i) => placed.push({ face: run.face, glyph, x: x + xs[i] * ratio }));
      let end = 0;
      for (const step of steps) end += step;
      x += end * ratio;
    }
  }
  return { placed, end: x };
}

/**
 * Where the baseline of a line box sits, as CSS (and satori) place it: half the leading above the
 * ascender. `top` is the top of a box `lineHeight` × size tall.
 */
export function baselineIn(top: number, size: number, lineHeight: number, list: FaceList): number {
  const font = list.faces[0].font;
  const ascent = (font.ascender / font.unitsPerEm) * size;
  const descent = (font.descender / font.unitsPerEm) * size;
  return top + ascent + (lineHeight * size - (ascent - descent)) / 2;
}
