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
import { completenessRules, missingTables } from './rules/completeness';
import { consistencyRules } from './rules/consistency';
import { crossTableRules } from './rules/cross-table';
import { detailRules } from './rules/detail';
import { glossaryRules } from './rules/glossary';
import { narrativeInputRules } from './rules/narrative-inputs';
import { performanceRules } from './rules/performance';
import { procurementRules } from './rules/procurement';
import { rangeRules } from './rules/range';
import { rollupRules } from './rules/rollups';
import { templateRules } from './rules/template';
import { textRules } from './rules/text';
import { threePublicRules } from './rules/three-public';
import { textHomeRules } from './rules/text-homes';
import { customTableRules } from './rules/custom';
import type { AcknowledgedFinding, AuditOptions, AuditResult, Finding } from './types';

export type { AcknowledgedFinding, AuditOptions, AuditResult, Finding, Severity } from './types';
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
  'codes.budget-kind',
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
  'procurement.reserved-split',
  'three-public.reception-split',
  'three-public.vehicles-held',
  'budget.reason-is-use',
  'assets.vehicle-breakdown',
  'performance.summary-name',
  'glossary.subject-explanation',
  'completeness.table',
  'completeness.duties',
  'completeness.operating-costs',
  'completeness.operating-costs-explained',
  'completeness.procurement',
  'completeness.assets',
  'completeness.performance',
  'cross.income-vs-expense-item',
  'cross.carry-forward',
  'amount.negative',
  'three-public.over-budget',
  'three-public.previous-sum',
  'plausibility.operating-costs',
  'narrative.main-projects-total',
  'narrative.main-projects-executed',
  'narrative.class-uses-largest',
  'text.placeholder',
  'text.repeated-word',
  'text.fiscal-year',
  'audit.acknowledgement-unmatched',
  'custom.unknown-table',
  'custom.unknown-column',
  'custom.unknown-line',
  'custom.shape',
  'custom.identity',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

const RULE_GROUPS: ((ctx: AuditContext) => Finding[])[] = [
  templateRules,
  rangeRules,
  codeRules,
  balanceRules,
  rollupRules,
  customTableRules,
  crossTableRules,
  detailRules,
  threePublicRules,
  narrativeInputRules,
  procurementRules,
  textHomeRules,
  assetRules,
  performanceRules,
  glossaryRules,
  completenessRules,
  consistencyRules,
  textRules,
];

/** Rules that compare a table with others or with the text: they only echo a missing table. */
const DEPENDENT = ['cross.', 'balance.', 'rollup.summary', 'rollup.fiscal', 'budget.', 'narrative.', 'plausibility.'];

/**
 * A core table left empty is one completeness.table finding: the comparisons that read it would
 * only repeat that, figure by figure, so they are left out until the table is there.
 */
function withoutEchoesOfMissingTables(ctx: AuditContext, findings: Finding[]): Finding[] {
  const missing = missingTables(ctx);
  // Nothing missing, or everything empty (a unit without spending): nothing to echo.
  if (missing.length === 0 || missing.length === 3) return findings;
  return findings.filter((f) => !DEPENDENT.some((prefix) => f.rule.startsWith(prefix)));
}

/**
 * Audits a resolved payload and sets apart the findings it acknowledges (`audit.acknowledged`: an
 * entry matches the findings with its `rule` whose first path — the checked figure — is its
 * `path`). An acknowledgement that matches nothing is itself a warning, so stale ones do not pile
 * up. The 尾数误差 bound is per identity (see roundingBound); `options.tolerance` (the caller's,
 * else the payload's) can only narrow it.
 * @example
 * const { findings, acknowledged } = auditReport(deriveModel(Payload.parse(json)));
 * findings.filter((f) => f.severity === 'error') // [] when the document may be published
 */
export function auditReport(model: Model, options: AuditOptions = {}): AuditResult {
  // A model is never changed once derived, so its audit with the payload's own tolerance is kept:
  // publishing audits it, and a stored report's document (数据说明) must not pay for that again.
  if (options.tolerance === undefined) {
    let kept = audits.get(model);
    if (!kept) {
      const { findings, acknowledged } = runAudit(model, undefined);
      kept = Object.freeze({ findings: Object.freeze(findings) as Finding[], acknowledged: Object.freeze(acknowledged) as AcknowledgedFinding[] });
      audits.set(model, kept);
    }
    return kept;
  }
  return runAudit(model, options.tolerance);
}

const audits = new WeakMap<Model, AuditResult>();

function runAudit(model: Model, toleranceOption: AuditOptions['tolerance']): AuditResult {
  const tolerance = toleranceOption ?? model.payload.options.tolerance ?? undefined;
  const ctx = createContext(model, tolerance);
  const all = withoutEchoesOfMissingTables(ctx, RULE_GROUPS.flatMap((rules) => rules(ctx)));
  const entries = model.payload.audit?.acknowledged ?? [];
  const used = new Set<number>();
  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const finding of all) {
    const index = entries.findIndex((a) => a.rule === finding.rule && a.path === finding.paths[0]);
    if (index < 0) {
      findings.push(finding);
      continue;
    }
    used.add(index);
    acknowledged.push({ ...finding, reason: entries[index].reason, acknowledgement: `/audit/acknowledged/${index}` });
  }
  entries.forEach((entry, index) => {
    if (used.has(index)) return;
    findings.push({
      rule: 'audit.acknowledgement-unmatched',
      severity: 'warning',
      message:
        `已说明的审核事项（规则 ${entry.rule}，位置 ${entry.path}）没有对应的审核结果：` +
        `数据可能已更正，或规则、位置填写有误，请删除或更正这条说明。`,
      paths: [`/audit/acknowledged/${index}`],
      actual: `${entry.rule} ${entry.path}`,
    });
  });
  return { findings, acknowledged };
}

/**
 * The findings that need attention (acknowledged ones set apart, stale acknowledgements reported).
 * @example audit(deriveModel(Payload.parse(json))).filter((f) => f.severity === 'error') // []
 */
export function audit(model: Model, options: AuditOptions = {}): Finding[] {
  return auditReport(model, options).findings;
}
