/**
 * Text widths from the fonts' own advance widths, so labels can be placed without overlaps before
 * they are drawn. Kerning is ignored (Noto Sans SC kerns little), so callers keep a margin.
 */
import { headingWords } from '../words';
import { advanceEm, type FontFacts } from './sfnt';
import type { Weight } from './runtime';

export type Measure = (text: string, size: number, weight?: Weight) => number;

/** Characters the font lacks are drawn from the full font: CJK there is one em wide. */
function fallbackEm(cp: number): number {
  return cp >= 0x2e80 ? 1 : 0.6;
}

/**
 * A measuring function over the compact fonts.
 * @example const measure = measurer({ 400: regular, 700: bold }); measure('1,519.58', 14) // ≈ 50.6
 */
export function measurer(facts: Record<Weight, FontFacts>): Measure {
  let cache = widths.get(facts[400]);
  if (!cache) {
    cache = { 400: new Map(), 700: new Map() };
    widths.set(facts[400], cache);
  }
  const known = cache;
  return (text, size, weight = 400) => {
    // Widths in em per text: wrapping and label placement ask for the same strings many times.
    const memo = known[weight];
    let em = memo.get(text);
    if (em === undefined) {
      const font = facts[weight];
      em = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        em += advanceEm(font, cp) ?? fallbackEm(cp);
      }
      if (memo.size >= WIDTH_CACHE_SIZE) memo.clear();
      memo.set(text, em);
    }
    return em * size;
  };
}

const WIDTH_CACHE_SIZE = 20_000;
/** Per compact font set (keyed by the regular weight's facts): text → width in em, per weight. */
const widths = new WeakMap<FontFacts, Record<Weight, Map<string, number>>>();

/**
 * Breaks text into lines no wider than maxWidth: between any two CJK characters, and at spaces
 * elsewhere; a Latin word or number longer than a line is kept whole.
 * @example wrap('其他政府办公厅（室）及相关机构事务支出', 120, 13, measure) // two lines
 */
export function wrap(
  text: string,
  maxWidth: number,
  size: number,
  measure: Measure,
  weight: Weight = 400,
  options: { balance?: boolean; words?: boolean } = {},
): string[] {
  // words: break only between terms (headingWords), a term wider than the line by character.
  const tokens = options.words
    ? headingWords(text).flatMap((w) => (measure(w.trim(), size, weight) > maxWidth ? tokenize(w) : [w]))
    : tokenize(text);
  const lines = greedyWrap(tokens, maxWidth, size, measure, weight);
  if (lines.length < 2 || options.balance === false) return lines;
  // Balance the lines: a lone last character ("…事务支 / 出") reads badly. Narrow the measure as
  // long as the text still takes the same number of lines.
  let best = lines;
  let low = measure(text, size, weight) / lines.length;
  let high = maxWidth;
  for (let i = 0; i < 12 && high - low > 1; i++) {
    const mid = (low + high) / 2;
    const attempt = greedyWrap(tokens, mid, size, measure, weight);
    if (attempt.length === lines.length) {
      best = attempt;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best;
}

function greedyWrap(tokens: string[], maxWidth: number, size: number, measure: Measure, weight: Weight): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (line !== '' && measure(candidate.trimEnd(), size, weight) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return keepClosingPunctuation(lines);
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[\ud840-\ud8ff][\udc00-\udfff]/u;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of text) {
    if (CJK.test(ch)) {
      if (word) tokens.push(word);
      word = '';
      tokens.push(ch);
    } else if (ch === ' ') {
      tokens.push(word + ch);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) tokens.push(word);
  return tokens;
}

const NO_LINE_START = /^[，。、；：！？）》」』”’%）]/u;
const NO_LINE_END = /[（《「『“‘(]$/u;

/**
 * Line-breaking rules (禁则): a line must not start with closing punctuation (pulled back onto the
 * previous line) nor end with opening punctuation (pushed on to the next).
 */
function keepClosingPunctuation(lines: string[]): string[] {
  for (let i = 1; i < lines.length; i++) {
    while (NO_LINE_START.test(lines[i]) && lines[i].length > 0) {
      const ch = [...lines[i]][0];
      lines[i - 1] += ch;
      lines[i] = lines[i].slice(ch.length);
    }
  }
  for (let i = 0; i < lines.length - 1; i++) {
    while (NO_LINE_END.test(lines[i]) && lines[i].length > 1) {
      const chars = [...lines[i]];
      const ch = chars.pop()!;
      lines[i] = chars.join('');
      lines[i + 1] = ch + lines[i + 1];
    }
  }
  return lines.filter((l) => l !== '');
}
