/**
 * 勾稽 checks: pure functions from a resolved payload (Model) to findings, in a fixed order so the
 * same payload always gives the same list. Differences within the tolerance (default 0.01 万元) are
 * 尾数误差 warnings — each table is rounded from 元 on its own — and anything larger is an error.
 */
import type { Model } from '../model/derive';
import { createContext, type AuditContext } from './context';
import { assetRules } from './rules/assets';
import { balanceRules } from './rules/balances';
import { codeRules } from './rules/codes';
import { crossTableRules } from './rules/cross-table';
import { detailRules } from './rules/detail';
import { glossaryRules } from './rules/glossary';
import { narrativeInputRules } from './rules/narrative-inputs';
import { performanceRules } from './rules/performance';
import { procurementRules } from './rules/procurement';
import { rangeRules } from './rules/range';
import { rollupRules } from './rules/rollups';
import { templateRules } from './rules/template';
import { threePublicRules } from './rules/three-public';
import type { AuditOptions, Finding } from './types';

export type { AuditOptions, Finding, Severity } from './types';
export { zodIssuesToProblems, type Problem } from './schema-errors';

/** Every rule id the audit can report, in the order the rules run. */
export const RULE_IDS = [
  'template.unknown',
  'template.fiscal-year',
  'amount.range',
  'codes.duplicate',
  'codes.placement',
  'codes.name-missing',
  'codes.catalog-name',
  'codes.wrong-class',
  'codes.no-items',
  'codes.class-line',
  'balance.summary-income',
  'balance.summary-expense',
  'balance.summary',
  'balance.fiscal-income',
  'balance.fiscal-expense',
  'balance.fiscal',
  'balance.fiscal-source',
  'balance.fund-row',
  'rollup.class',
  'rollup.section',
  'rollup.total',
  'rollup.row',
  'rollup.summary-income',
  'rollup.summary-expense',
  'rollup.fiscal-income',
  'rollup.fiscal-expense',
  'rollup.fiscal-row',
  'cross.summary-class-vs-expense',
  'cross.summary-vs-income',
  'cross.summary-vs-expense',
  'cross.summary-vs-fiscal',
  'cross.income-vs-fiscal',
  'cross.fiscal-vs-gpb',
  'cross.fiscal-vs-fund',
  'cross.fiscal-vs-state-capital',
  'cross.gpb-vs-expense',
  'cross.gpb-basic-vs-detail',
  'detail.unknown-code',
  'detail.group',
  'detail.personnel-total',
  'detail.public-total',
  'three-public.total',
  'three-public.vehicle-subtotal',
  'three-public.vs-detail',
  'three-public.breakdown',
  'three-public.purchase-count',
  'budget.unknown-code',
  'budget.total-vs-items',
  'budget.missing-item',
  'budget.missing-reason',
  'reasons.year-on-year',
  'narrative.class-uses',
  'procurement.total',
  'procurement.sme-total',
  'procurement.small-micro',
  'procurement.sme-category',
  'procurement.sme-sum',
  'assets.vehicle-breakdown',
  'performance.summary-name',
  'glossary.subject-explanation',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const RULE_GROUPS: ((ctx: AuditContext) => Finding[])[] = [
  templateRules,
  rangeRules,
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
  glossaryRules,
];

/**
 * Audits a resolved payload. The tolerance comes from `options`, else the payload's
 * `options.tolerance`, else 1 (0.01 万元).
 * @example
 * const findings = audit(deriveModel(Payload.parse(json)));
 * findings.filter((f) => f.severity === 'error') // [] for a consistent document
 */
export function audit(model: Model, options: AuditOptions = {}): Finding[] {
  const tolerance = options.tolerance ?? model.payload.options.tolerance ?? undefined;
  const ctx = createContext(model, tolerance);
  return RULE_GROUPS.flatMap((rules) => rules(ctx));
}
