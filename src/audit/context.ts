/**
 * What every rule needs: the model, the tolerance, the published table names, and two comparison
 * helpers that turn a difference into a finding with a message a finance clerk can act on.
 */
import type { Figure, Model } from '../model/derive';
import { formatAmount, type Cents } from '../schema/money';
import { tableName, type BuiltInTableKey, type TableKey } from '../model/template-set';
import type { Finding, Severity } from './types';

/**
 * The 尾数误差 bound. Every printed amount is its exact 元 amount rounded to 0.01 万元, so it lies
 * within ±0.005 万元 of it (any round-to-nearest rule: half-up, half-even, half-away-from-zero).
 * The exact amounts satisfy every identity, so when a comparison involves `terms` printed amounts
 * in all (both sides together), the printed difference is at most terms × 0.005 万元; being a whole
 * number of 0.01 万元, it is at most ⌊terms / 2⌋ × 0.01 万元. Examples: one amount printed in two
 * tables (2 terms) → 0.01; a total against its n parts (n + 1 terms) → ⌊(n + 1) / 2⌋ × 0.01.
 * A difference within the bound is a 尾数误差 warning; one beyond it an error.
 */
export function roundingBound(terms: number): Cents {
  return Math.floor(Math.max(0, terms) / 2);
}

/** The largest value `options.tolerance` may take: it can narrow the bound, never widen it. */
export const MAX_TOLERANCE: Cents = 1;

/** Titles used when a template set does not number a table. */
const FALLBACK_TITLES: Record<BuiltInTableKey, string> = {
  summary: '收入支出决算总表',
  income: '收入决算表',
  expense: '支出决算表',
  fiscalSummary: '财政拨款收入支出决算总表',
  gpbExpense: '一般公共预算财政拨款支出决算表',
  basicExpenseDetail: '一般公共预算财政拨款基本支出决算明细表',
  fund: '政府性基金预算财政拨款收入支出决算表',
  stateCapital: '国有资本经营预算财政拨款支出决算表',
  threePublic: '财政拨款“三公”经费支出决算表',
};

export interface AuditContext {
  model: Model;
  /** An optional ceiling on the bound (strict review: 0); never widens it. */
  tolerance: Cents | undefined;
  /** The 尾数误差 bound for a comparison of `terms` printed amounts, after the ceiling. */
  bound(terms: number): Cents;
  /**
   * The table as the publication names it, by the template set's own label ("公开05表", "表5"),
   * else its title in 《》; a table the set does not have, by its usual title.
   */
  table(key: TableKey): string;
}

export function createContext(model: Model, tolerance: Cents | undefined): AuditContext {
  return {
    model,
    tolerance,
    bound: (terms) => Math.min(roundingBound(terms), tolerance ?? Number.POSITIVE_INFINITY),
    table: (key) =>
      tableName(model.set, key) ?? `《${Object.hasOwn(FALLBACK_TITLES, key) ? FALLBACK_TITLES[key as BuiltInTableKey] : key}》`,
  };
}

/** One side of a comparison: what it is called in the message, its value and where it lives. */
export interface Operand {
  label: string;
  value: Cents | null;
  path: string;
  /** How many printed (rounded) amounts the value adds up; 1 when omitted. */
  terms?: number;
}

/** A figure as an operand. */
export function op(label: string, f: Figure): Operand {
  return { label, value: f.value, path: f.path, terms: f.terms };
}

/** The sum of several figures as one operand (blank counting as zero). */
export function opSum(label: string, figures: Figure[], path: string): Operand {
  return {
    label,
    value: figures.reduce((a, f) => a + (f.value ?? 0), 0),
    path,
    terms: figures.reduce((n, f) => n + f.terms, 0),
  };
}

/** Terms of an operand: as given, else 1 for a figure and 0 for a blank. */
function termsOf(o: Operand): number {
  return o.terms ?? (o.value === null ? 0 : 1);
}

/** "为 1,415.07", or "为空白" for a blank cell. */
function is(value: Cents | null): string {
  return value === null ? '为空白' : `为 ${formatAmount(value)}`;
}

function roundingNote(bound: Cents): string {
  return `，在尾数误差范围内（所涉金额各自由元四舍五入为万元，最多可相差 ${formatAmount(bound)}），请确认`;
}

function uniquePaths(...paths: string[]): string[] {
  return [...new Set(paths)];
}

/**
 * `actual` should equal `expected`. A difference within the tolerance is a 尾数误差 warning; a larger
 * one an error (or `severity` when the rule is advisory by nature).
 */
export function checkEqual(
  ctx: AuditContext,
  rule: string,
  actual: Operand,
  expected: Operand,
  options: { severity?: Severity } = {},
): Finding | null {
  const a = actual.value ?? 0;
  const e = expected.value ?? 0;
  const difference = Math.abs(a - e);
  if (difference === 0) return null;
  const bound = ctx.bound(termsOf(actual) + termsOf(expected));
  const rounding = difference <= bound;
  const severity: Severity = options.severity ?? (rounding ? 'warning' : 'error');
  return {
    rule,
    severity,
    message:
      `${actual.label}${is(actual.value)}，${expected.label}${is(expected.value)}，` +
      `两者应相等，相差 ${formatAmount(difference)}${rounding ? roundingNote(bound) : '，请核对'}。`,
    paths: uniquePaths(actual.path, expected.path),
    expected: formatAmount(e),
    actual: formatAmount(a),
  };
}

/** `part` must not exceed `whole`; `why` says in a few words why (shown in brackets). */
export function checkAtMost(
  ctx: AuditContext,
  rule: string,
  part: Operand,
  whole: Operand,
  why: string,
): Finding | null {
  const p = part.value ?? 0;
  const w = whole.value ?? 0;
  const excess = p - w;
  if (excess <= 0) return null;
  const bound = ctx.bound(termsOf(part) + termsOf(whole));
  const rounding = excess <= bound;
  return {
    rule,
    severity: rounding ? 'warning' : 'error',
    message:
      `${part.label}${is(part.value)}，大于${whole.label}${whole.value === null ? '（空白）' : ` ${formatAmount(w)}`}，` +
      `超出 ${formatAmount(excess)}` +
      `（${why}）${rounding ? roundingNote(bound) : '，请核对'}。`,
    paths: uniquePaths(part.path, whole.path),
    expected: `≤ ${formatAmount(w)}`,
    actual: formatAmount(p),
  };
}

/** Collects the non-null results of checks. */
export function collect(findings: Finding[], ...results: (Finding | null)[]): void {
  for (const r of results) if (r) findings.push(r);
}

/**
 * A figure the payload typed against the sum of what lies below it (Figure.derived, blank counting
 * as zero). Skipped when the payload left the figure out, or when both are blank.
 */
export function checkTyped(ctx: AuditContext, rule: string, f: Figure, label: string, partsLabel: string): Finding | null {
  if (!f.printed || (f.derived === null && f.value === null)) return null;
  return checkEqual(
    ctx,
    rule,
    { label, value: f.value, path: f.path, terms: f.value === null ? 0 : 1 },
    { label: partsLabel, value: f.derived ?? 0, path: f.path, terms: f.derivedTerms },
  );
}
