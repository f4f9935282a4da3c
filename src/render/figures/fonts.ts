/**
 * No tofu: every character of a figure is drawn from a real glyph. The compact Noto Sans SC
 * covers GB2312 and more (~7,900 code points); a department name may still hold a character it
 * lacks (𬌗, 禤). Those characters are cut out of the full 10 MB font with HarfBuzz and drawn from
 * that subset as one more font. A character that not even the full font has becomes 〓 (U+3013, the
 * typesetter's mark for a missing character) in the drawing; the SVG <desc> keeps the original.
 */
import {
  compactFonts,
  FALLBACK_FAMILY,
  fontSubsetter,
  fullFont,
  WEIGHTS,
  type FigureRuntime,
  type FontSet,
  type Weight,
} from './runtime';

export interface TextRun {
  text: string;
  weight?: Weight;
}

export interface FontPlan {
  /** The font list: the shared compact list, or it plus subsets of the full font. */
  fonts: FontSet['fonts'];
  /** Characters drawn from the full font. */
  fallbackChars: string;
  /** Characters no font has, drawn as 〓. */
  unavailableChars: string;
  /** Replaces unavailable characters with 〓. */
  sanitize(text: string): string;
}

export const MISSING_MARK = '\u3013';

/** Code points that need no glyph: line breaks and other controls. */
const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

const SUBSET_CACHE_SIZE = 64;
/** Recent fallback font lists by the characters they cover, so repeated renders reuse them. */
const planCache = new Map<string, FontSet['fonts']>();

/**
 * Decides which fonts draw the given texts.
 * @example const plan = await planFonts(runtime, [{ text: '武汉市𬌗中心' }]); plan.fallbackChars // "𬌗"
 */
export async function planFonts(runtime: FigureRuntime, runs: readonly TextRun[]): Promise<FontPlan> {
  const set = await compactFonts(runtime);
  const missing: Record<Weight, Set<number>> = { 400: new Set(), 700: new Set() };
  for (const run of runs) {
    const weight = run.weight ?? 400;
    const cmap = set.compact[weight].facts.glyphOf;
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      if (!isControl(cp) && !cmap.has(cp)) missing[weight].add(cp);
    }
  }
  if (missing[400].size === 0 && missing[700].size === 0) {
    return { fonts: set.fonts, fallbackChars: '', unavailableChars: '', sanitize: (t) => t };
  }

  const needed = WEIGHTS.filter((w) => missing[w].size > 0);
  const loaded = await Promise.all(needed.map((w) => fullFont(runtime, w)));
  const full = new Map(needed.map((w, i) => [w, loaded[i]]));
  const available: Record<Weight, number[]> = { 400: [], 700: [] };
  const unavailable = new Set<number>();
  for (const [weight, font] of full) {
    for (const cp of missing[weight]) {
      if (font.facts.glyphOf.has(cp)) available[weight].push(cp);
      else unavailable.add(cp);
    }
    available[weight].sort((a, b) => a - b);
  }
  const key = WEIGHTS.map((w) => `${w}:${String.fromCodePoint(...available[w])}`).join('|');
  let fonts = planCache.get(key);
  if (fonts) {
    planCache.delete(key);
  } else {
    const subsetter = await fontSubsetter(runtime);
    fonts = [...set.fonts];
    for (const weight of WEIGHTS) {
      if (available[weight].length === 0) continue;
      const data = subsetter.subset(full.get(weight)!.data, available[weight]);
      fonts.push({ name: FALLBACK_FAMILY, data, weight });
    }
    if (planCache.size >= SUBSET_CACHE_SIZE) planCache.delete(planCache.keys().next().value!);
  }
  planCache.set(key, fonts);

  const fallbackChars = String.fromCodePoint(...new Set([...available[400], ...available[700]].sort((a, b) => a - b)));
  const unavailableChars = String.fromCodePoint(...[...unavailable].sort((a, b) => a - b));
  const sanitize = (text: string) =>
    unavailable.size === 0
      ? text
      : Array.from(text, (ch) => (unavailable.has(ch.codePointAt(0)!) ? MISSING_MARK : ch)).join('');
  return { fonts, fallbackChars, unavailableChars, sanitize };
}
