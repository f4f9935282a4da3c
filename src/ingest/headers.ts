/**
 * Columns by their headers, never by position: the template set's layout says which header words
 * stand over each column (through its merged cells), and a sheet's header rows — read through
 * their merged ranges — say the same for each of its columns. A sheet column is the layout column
 * whose header path it repeats; the 功能分类科目编码 column may come split over 类/款/项 or as one.
 * Failing that, a sheet column is the one layout column whose last header word it names by one of
 * the set's header synonyms (templates/import/header-synonyms.json, set.json `headerSynonyms`),
 * the words above it deciding between columns; when two columns would still fit, it is reported as
 * ambiguous, never guessed.
 */
import type { ColumnSpec, TableLayout } from '../model/layout-schema';
import { fold } from './amounts';
import type { Sheet } from './workbook';

/** Header words compared without spaces, quotes, full-width forms or case. */
export function norm(text: string): string {
  return fold(text)
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(/[“”‘’"'「」『』]/g, '')
    .toLowerCase();
}

/** "一、", "（一）", "1.", "(2)", "①": the numbering in front of a printed line label. */
const ORDINAL = /^(?:[一二三四五六七八九十百]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.]|[①-⑳])/;
/**
 * A header word as compared: norm(), and a trailing unit in brackets or a wrapping bracket dropped
 * ("金额（万元）" → "金额", "[科目编码]" → "科目编码"); brackets inside stay ("因公出国（境）费").
 */
export function headerNorm(text: string): string {
  return norm(text)
    .replace(/\((?:金额)?(?:单位[:：])?(?:万元|元|千元|百万元|亿元)\)$/, '')
    .replace(/^[[【〔]([^\]】〕]*)[\]】〕]$/, '$1');
}

/** Layout header word → the other wordings of it, all compared as headerNorm(). */
export type Synonyms = Map<string, Set<string>>;

export function synonymMap(synonyms: Record<string, string[]> | undefined): Synonyms {
  const out: Synonyms = new Map();
  for (const [word, alternatives] of Object.entries(synonyms ?? {})) {
    const key = headerNorm(word);
    const set = out.get(key) ?? new Set<string>();
    for (const a of alternatives) if (headerNorm(a) !== key) set.add(headerNorm(a));
    out.set(key, set);
  }
  return out;
}

export const stripOrdinal = (normalized: string): string => normalized.replace(ORDINAL, '');

/** Where a layout column sits in the sheet: one sheet column, or the code split over several. */
export interface Placement {
  /** Sheet columns, in the layout's order of the column's physical parts (类, 款, 项); one when joined. */
  cols: number[];
  split: boolean;
}

export interface HeaderMatch {
  /** First and last header rows (0-based), the 栏次 row if any, and the first data row. */
  top: number;
  bottom: number;
  columnNumbersRow: number | null;
  dataStart: number;
  /** Layout column key → where it is. */
  columns: Map<string, Placement>;
  /** Sheet column → the layout column key it holds (for reporting cells in unknown columns). */
  byCol: Map<number, string>;
  /** Header words of sheet columns that match no layout column. */
  unknown: Map<number, string>;
  /** Sheet columns whose header fits two or more layout columns: header words and the columns' words. */
  ambiguous: Map<number, { words: string; candidates: string[] }>;
}

interface LayoutColumnPaths {
  spec: ColumnSpec;
  /** Header path of each physical part. */
  parts: string[][];
  /** Common prefix of the parts' paths (the column as one, e.g. 项目 › 功能分类科目编码). */
  whole: string[];
}

function dedupe(path: string[]): string[] {
  const out: string[] = [];
  for (const t of path) if (t !== '' && out[out.length - 1] !== t) out.push(t);
  return out;
}

/** Lays the layout's header rows out like an HTML table and reads each physical column's header path. */
export function layoutPaths(layout: TableLayout): LayoutColumnPaths[] {
  const rows = layout.header.filter((row) => row.role !== 'columnNumbers');
  const width = layout.columns.reduce((n, c) => n + (c.span ?? 1), 0);
  const grid: (string | undefined)[][] = rows.map(() => new Array(width).fill(undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < width && grid[r][c] !== undefined) c++;
      const colspan = cell.colspan ?? 1;
      const rowspan = cell.rowspan ?? 1;
      for (let dr = 0; dr < rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colspan && c + dc < width; dc++) grid[r + dr][c + dc] = headerNorm(cell.text);
      }
      c += colspan;
    }
  });
  const physical = (p: number) => dedupe(grid.map((row) => row[p] ?? ''));
  const out: LayoutColumnPaths[] = [];
  let p = 0;
  for (const spec of layout.columns) {
    const span = spec.span ?? 1;
    const parts = Array.from({ length: span }, (_, i) => physical(p + i));
    let whole = parts[0];
    for (const path of parts.slice(1)) {
      let n = 0;
      while (n < whole.length && n < path.length && whole[n] === path[n]) n++;
      whole = whole.slice(0, n);
    }
    out.push({ spec, parts, whole });
    p += span;
  }
  return out;
}

/** Every header word of a layout (栏次 row excluded). */
export function headerWords(layout: TableLayout): Set<string> {
  const words = new Set<string>();
  for (const row of layout.header) {
    if (row.role === 'columnNumbers') continue;
    for (const cell of row.cells) if (headerNorm(cell.text) !== '') words.add(headerNorm(cell.text));
  }
  return words;
}

const AMOUNT_LIKE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)\.\d+$/;
const CODE_LIKE = /^\[?\d{3}(\s?\d{2}){0,2}\]?/;

/** The 栏次 row: a cell "栏次", or the column numbers 1, 2, 3 … in order. */
export function isColumnNumbersRow(sheet: Sheet, r: number): boolean {
  const numbers: number[] = [];
  for (let c = 0; c < sheet.cols; c++) {
    const cell = sheet.at(r, c);
    if (!cell) continue;
    const t = norm(cell.text);
    if (t === '栏次' || t === '行次') return true;
    if (!/^\d{1,2}$/.test(t)) return false;
    numbers.push(Number(t));
  }
  return numbers.length >= 2 && numbers.every((n, i) => n === i + 1);
}

/**
 * Finds the header rows of a sheet (from `from` on) and matches its columns to the layout's.
 * Returns null when no row carries the layout's header words.
 */
export function matchHeader(sheet: Sheet, layout: TableLayout, from: number, synonyms: Synonyms = new Map()): HeaderMatch | null {
  const exact = headerWords(layout);
  // The other wordings of this layout's words; a row needs two of them (or one of the set's own
  // words) to be a header row, so a 合计 line is never taken for one.
  const others = new Set<string>();
  for (const w of exact) for (const a of synonyms.get(w) ?? []) if (!exact.has(a)) others.add(a);
  const words = new Set([...exact, ...others]);
  const texts = (r: number) => {
    const out: { c: number; t: string; raw: string; numeric: boolean }[] = [];
    for (let c = 0; c < sheet.cols; c++) {
      const cell = sheet.at(r, c);
      if (cell) out.push({ c, t: headerNorm(cell.text), raw: cell.text, numeric: cell.number !== undefined });
    }
    return out;
  };
  const isHeaderRow = (r: number) => {
    const cells = texts(r);
    if (cells.length === 0) return false;
    if (!cells.some((x) => exact.has(x.t)) && cells.filter((x) => others.has(x.t)).length < 2) return false;
    return !cells.some((x) => (x.numeric && !words.has(x.t)) || AMOUNT_LIKE.test(x.t) || (CODE_LIKE.test(x.t) && !words.has(x.t)));
  };
  const scanEnd = Math.min(sheet.rows, from + 20);
  let top = -1;
  for (let r = from; r < scanEnd; r++) {
    if (isHeaderRow(r)) {
      top = r;
      break;
    }
  }
  if (top < 0) return null;
  const maxRows = layout.header.filter((h) => h.role !== 'columnNumbers').length + 2;
  let bottom = top;
  while (bottom + 1 < sheet.rows && bottom + 1 - top < maxRows && !isColumnNumbersRow(sheet, bottom + 1)) {
    const next = bottom + 1;
    // A row inside the header block: header words, or empty but covered by merged header cells.
    const cells = texts(next);
    const covered = cells.length === 0 && Array.from({ length: sheet.cols }, (_, c) => sheet.mergeOf(next, c)).some((m) => m && m.r0 < next && m.r0 >= top);
    if (isHeaderRow(next) || covered) bottom = next;
    else break;
  }
  // The 栏次 row, possibly after a row left empty where a lost merge stood.
  let after = bottom + 1;
  while (after < sheet.rows && after - bottom <= 2 && texts(after).length === 0) after++;
  const columnNumbersRow = after < sheet.rows && isColumnNumbersRow(sheet, after) ? after : null;
  const dataStart = (columnNumbersRow ?? bottom) + 1;

  // Header path of each sheet column, read through merged ranges.
  const headerText = (r: number, c: number): string => {
    const m = sheet.mergeOf(r, c);
    if (m) {
      if (m.r0 < top) return '';
      return headerNorm(sheet.at(m.r0, m.c0)?.text ?? '');
    }
    const own = headerNorm(sheet.at(r, c)?.text ?? '');
    if (own !== '' || r === bottom) return own;
    // Merges lost (an HTML "xls", a hand-made sheet): a group heading stands over its sub-columns
    // to its right while the row below has words there.
    if (headerNorm(sheet.at(r + 1, c)?.text ?? '') === '' && !sheet.mergeOf(r + 1, c)) return '';
    for (let k = c - 1; k >= 0; k--) {
      if (sheet.mergeOf(r, k)) return '';
      const t = headerNorm(sheet.at(r, k)?.text ?? '');
      if (t !== '') return headerNorm(sheet.at(r + 1, k)?.text ?? '') !== '' ? t : '';
    }
    return '';
  };
  const sheetPaths: string[][] = [];
  for (let c = 0; c < sheet.cols; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) path.push(headerText(r, c));
    sheetPaths.push(dedupe(path));
  }

  const paths = layoutPaths(layout);
  interface Target {
    key: string;
    part: number | 'whole';
    order: number;
  }
  const targets: { target: Target; path: string[] }[] = [];
  let order = 0;
  for (const lc of paths) {
    if (lc.parts.length > 1) targets.push({ target: { key: lc.spec.key, part: 'whole', order: order }, path: lc.whole });
    lc.parts.forEach((path, i) => targets.push({ target: { key: lc.spec.key, part: lc.parts.length > 1 ? i : 'whole', order: order++ }, path }));
  }
  const score = (sheetPath: string[], path: string[]): number => {
    if (sheetPath.length === 0 || path.length === 0) return 0;
    if (sheetPath.length === path.length && sheetPath.every((t, i) => t === path[i])) return 3;
    if (sheetPath[sheetPath.length - 1] !== path[path.length - 1]) return 0;
    const a = new Set(sheetPath);
    const b = new Set(path);
    if ([...a].every((t) => b.has(t)) || [...b].every((t) => a.has(t))) return 2;
    return 1;
  };
  const taken = new Set<string>();
  const columns = new Map<string, Placement>();
  const byCol = new Map<number, string>();
  const unknown = new Map<number, string>();
  const parts = new Map<string, Map<number, number>>();
  for (let c = 0; c < sheet.cols; c++) {
    const sp = sheetPaths[c];
    if (sp.length === 0) continue;
    let best = 0;
    let chosen: Target | undefined;
    for (const { target, path } of targets) {
      const id = `${target.key}#${target.part}`;
      if (taken.has(id)) continue;
      // A column already placed as a whole takes no parts, and the other way round.
      if (target.part === 'whole' && parts.has(target.key)) continue;
      if (target.part !== 'whole' && columns.get(target.key)?.split === false) continue;
      // The leaf alone, under other words, is left to the second pass, where the words above decide.
      const s = score(sp, path);
      if (s > best && s >= 2) {
        best = s;
        chosen = target;
      }
    }
    if (!chosen) {
      unknown.set(c, sp.join(' › '));
      continue;
    }
    taken.add(`${chosen.key}#${chosen.part}`);
    byCol.set(c, chosen.key);
    if (chosen.part === 'whole') {
      columns.set(chosen.key, { cols: [c], split: false });
    } else {
      const m = parts.get(chosen.key) ?? new Map<number, number>();
      m.set(chosen.part, c);
      parts.set(chosen.key, m);
    }
  }
  // Second pass: columns whose header is another wording of a layout column's last word.
  const ambiguous = new Map<number, { words: string; candidates: string[] }>();
  const same = (sheetWord: string, layoutWord: string) => sheetWord === layoutWord || (synonyms.get(layoutWord)?.has(sheetWord) ?? false);
  const looseScore = (sheetPath: string[], path: string[]): number => {
    if (sheetPath.length === 0 || path.length === 0) return 0;
    const leaf = sheetPath[sheetPath.length - 1];
    const last = path[path.length - 1];
    const parent = path.length > 1 ? path[path.length - 2] : undefined;
    // The leaf's words, or its parent's joined to them ("本年支出合计" for 本年支出 › 小计).
    const joined = parent !== undefined && [last, ...(synonyms.get(last) ?? [])].some((w) => leaf === parent + w);
    if (!same(leaf, last) && !joined) return 0;
    // The words above decide between columns; a parent the layout lacks (项目 over code and name) never blocks.
    const above = joined ? path.slice(0, -2) : path.slice(0, -1);
    const parents = sheetPath.slice(0, -1);
    const shared = parents.filter((w) => above.some((p) => same(w, p))).length;
    return 100 + 2 * shared - (parents.length - shared);
  };
  const wordsOf = (key: string) => paths.find((p) => p.spec.key === key)?.parts[0].join(' › ') ?? key;
  for (const [c] of [...unknown]) {
    const sp = sheetPaths[c];
    let best = 0;
    let chosen: Target[] = [];
    for (const { target, path } of targets) {
      if (taken.has(`${target.key}#${target.part}`) || columns.has(target.key)) continue;
      if (target.part === 'whole' && parts.has(target.key)) continue;
      const s = looseScore(sp, path);
      if (s > best) {
        best = s;
        chosen = [target];
      } else if (s === best && s > 0) chosen.push(target);
    }
    const keys = [...new Set(chosen.map((t) => t.key))];
    if (keys.length === 0) continue;
    if (keys.length > 1) {
      ambiguous.set(c, { words: sp.join(' › '), candidates: keys.map(wordsOf) });
      continue;
    }
    const target = chosen.find((t) => t.part === 'whole') ?? chosen[0];
    unknown.delete(c);
    taken.add(`${target.key}#${target.part}`);
    byCol.set(c, target.key);
    if (target.part === 'whole') columns.set(target.key, { cols: [c], split: false });
    else {
      const m = parts.get(target.key) ?? new Map<number, number>();
      m.set(target.part, c);
      parts.set(target.key, m);
    }
  }
  for (const [key, m] of parts) {
    const n = Math.max(...m.keys()) + 1;
    const cols = Array.from({ length: n }, (_, i) => m.get(i) ?? -1);
    columns.set(key, { cols, split: true });
  }
  return { top, bottom, columnNumbersRow, dataStart, columns, byCol, unknown, ambiguous };
}
