/**
 * 勾稽 checks: pure functions from a resolved payload (Model) to findings, in a fixed order so the
 * same payload always gives the same list. Differences within the tolerance (default 0.01 万元) are
 * 尾数误差 warnings — each table is rounded from 元 on its own — and anything larger is an error.
 */
import type { Model } from '../model/derive';
import { createContext, DEFAULT_TOLERANCE, type AuditContext } from './context';
import { assetRules } from './rules/assets';
import { balanceRules } from './rules/balances';
import { codeRules } from './rules/codes';
import { crossTableRules } from './rules/cross-table';
import { detailRules } from './rules/detail';
import { narrativeInputRules } from './rules/narrative-inputs';
import { performanceRules } from './rules/performance';
import { procurementRules } from './rules/procurement';
import { rollupRules } from './rules/rollups';
import { templateRules } from './rules/template';
import { threePublicRules } from './rules/three-public';
import type { AuditOptions, Finding } from './types';

export type { AuditOptions, Finding, Severity } from './types';
export { zodIssuesToProblems, type Problem } from './schema-errors';

const RULE_GROUPS: ((ctx: AuditContext) => Finding[])[] = [
  templateRules,
  codeRules,
  balanceRules,
  rollupRules,
  crossTableRules,
  detailRules,
  threePublicRules,
  narrativeInputRules,
  procurementRules,
  assetRules,
  performanceRules,
];

/**
 * Audits a resolved payload. The tolerance comes from `options`, else the payload's
 * `options.tolerance`, else 1 (0.01 万元).
 * @example
 * const findings = audit(deriveModel(Payload.parse(json)));
 * findings.filter((f) => f.severity === 'error') // [] for a consistent document
 */
export function audit(model: Model, options: AuditOptions = {}): Finding[] {
  const tolerance = options.tolerance ?? model.payload.options.tolerance ?? DEFAULT_TOLERANCE;
  const ctx = createContext(model, tolerance);
  return RULE_GROUPS.flatMap((rules) => rules(ctx));
}
