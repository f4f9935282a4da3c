/**
 * Findings and input errors as lines for a CI log: one line per finding with its rule and JSON
 * paths, grouped under the payload file, so `grep ✖` finds every error.
 */
import type { AcknowledgedFinding, Finding } from '../audit';
import type { Colours } from './io';
import type { ErrorRecord } from './manifest';

const SEVERITY: Record<string, { mark: string; label: string }> = {
  error: { mark: '✖', label: '错误' },
  warning: { mark: '⚠', label: '警告' },
  info: { mark: 'ℹ', label: '提示' },
};

export function severityOrder(severity: string): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

/** Errors first, then warnings, each in the audit's own order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => severityOrder(a.finding.severity) - severityOrder(b.finding.severity) || a.index - b.index)
    .map(({ finding }) => finding);
}

/**
 * @example findingLine({ rule: 'rollup.class', severity: 'error', message: '类 ≠ Σ款', paths: ['/tables/gpbExpense/rows/3/total'] }, c)
 * // "  ✖ 错误 rollup.class  类 ≠ Σ款  /tables/gpbExpense/rows/3/total"
 */
export function findingLine(finding: Finding, c: Colours): string {
  const { mark, label } = SEVERITY[finding.severity] ?? { mark: '·', label: finding.severity };
  const colour = finding.severity === 'error' ? c.red : finding.severity === 'warning' ? c.yellow : c.dim;
  // expected/actual stay out of the line: the audit's message already names both figures.
  const paths = finding.paths?.length ? `  ${c.dim(finding.paths.join(' '))}` : '';
  return `  ${colour(`${mark} ${label}`)} ${finding.rule}  ${finding.message}${paths}`;
}

/**
 * An acknowledged finding: no ✖ or ⚠ (it does not block), its original severity in words, and the
 * reason the payload gives for publishing it as it is.
 * @example acknowledgedLine({ rule: 'x.y', severity: 'error', message: 'm', paths: ['/a'], reason: 'r', acknowledgement: '/audit/acknowledged/0' }, c)
 * // "  ☑ 已说明（错误） x.y  m  /a\n      原因：r"
 */
export function acknowledgedLine(finding: AcknowledgedFinding, c: Colours): string {
  const label = SEVERITY[finding.severity]?.label ?? finding.severity;
  const paths = finding.paths?.length ? `  ${c.dim(finding.paths.join(' '))}` : '';
  return `  ${c.dim(`☑ 已说明（${label}）`)} ${finding.rule}  ${finding.message}${paths}\n      原因 reason：${finding.reason}`;
}

/** An input that could not be checked at all (unreadable, bad JSON, schema, duplicate alias). */
export function inputErrorLines(error: ErrorRecord, c: Colours): string[] {
  if (error.kind === 'audit' && error.findings) return sortFindings(error.findings).map((f) => findingLine(f, c));
  const label = error.kind === 'render' ? '✖ 失败' : '✖ 无效';
  const lines = [`  ${c.red(label)} ${error.kind}  ${error.message}`];
  for (const problem of error.problems ?? []) {
    lines.push(`  ${c.red('✖ 格式')} schema  ${problem.message}  ${c.dim(problem.path || '/')}`);
  }
  return lines;
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
