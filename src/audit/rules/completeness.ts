/**
 * 公开完整性: what a publication must contain is present, or stated as absent. A required table
 * with no rows at all is one finding (the cross-table rules skip it, see `missingTables`), not one
 * per figure that depends on it. Sections of the 情况说明 whose inputs are missing would print
 * "本部门未填报…" where the rules require a statement: each is a warning.
 */
import type { AuditContext } from '../context';
import type { Finding } from '../types';

/** Tables a department always has (income and spending by 功能分类 down to 项). */
const CORE_TABLES = ['income', 'expense', 'gpbExpense'] as const;

/** Core tables the payload left empty while the document has figures elsewhere. */
export function missingTables(ctx: AuditContext): (typeof CORE_TABLES)[number][] {
  const t = ctx.model.payload.tables;
  return CORE_TABLES.filter((key) => t[key].rows.length === 0 && ctx.model.set.tables.some((ref) => ref.key === key));
}

export function completenessRules(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const p = m.payload;
  const e = p.explanation;
  const findings: Finding[] = [];
  const warn = (rule: string, message: string, path: string) => findings.push({ rule, severity: 'warning', message, paths: [path] });

  const missing = missingTables(ctx);
  if (missing.length === CORE_TABLES.length) {
    // Nothing at all: possible for a unit with no spending, but the document must say so.
    findings.push({
      rule: 'completeness.table',
      severity: 'warning',
      message: `${missing.map((key) => ctx.table(key)).join('、')}均没有任何科目行：如本部门本年度确无收支，请在情况说明中写明；否则请按项级科目填写。`,
      paths: missing.map((key) => `/tables/${key}/rows`),
    });
  }
  for (const key of missing.length === CORE_TABLES.length ? [] : missing) {
    findings.push({
      rule: 'completeness.table',
      severity: 'error',
      message:
        `${ctx.table(key)}没有任何科目行：该表是必须公开的决算表，请按项级科目填写；` +
        `依赖该表的其他核对本次不再逐项报告。`,
      paths: [`/tables/${key}/rows`],
    });
  }

  if (p.overview.duties.length === 0) {
    warn('completeness.duties', '第一部分缺少部门主要职责（overview.duties），公开时必须列明。', '/overview/duties');
  }
  // 行政 and 参公 units have 机关运行经费 by definition: a zero (or nothing) must say why.
  const administrative = p.meta.unitType === '行政单位' || p.meta.unitType === '参照公务员法管理事业单位';
  if (administrative && !e.operatingCostsNote && (e.operatingCosts ?? 0) === 0) {
    warn(
      'completeness.operating-costs-explained',
      `本单位为${p.meta.unitType}，机关运行经费${e.operatingCosts === undefined ? '未填写' : '为 0'}：行政单位和参公单位须公开机关运行经费，` +
        '为 0 时请在机关运行经费说明（explanation.operatingCostsNote）中写明原因。',
      '/explanation/operatingCosts',
    );
  } else if (e.operatingCosts === undefined) {
    warn(
      'completeness.operating-costs',
      '情况说明缺少机关运行经费（explanation.operatingCosts）：行政单位和参公单位须公开其金额，其他单位填 0 并说明不适用。',
      '/explanation/operatingCosts',
    );
  }
  if (!e.procurement) {
    warn('completeness.procurement', '情况说明缺少政府采购支出情况（explanation.procurement）：没有政府采购的，也应填 0 说明。', '/explanation/procurement');
  }
  if (!e.assets) {
    warn('completeness.assets', '情况说明缺少国有资产占用情况（explanation.assets）。', '/explanation/assets');
  }
  if (!p.performance) {
    warn('completeness.performance', '情况说明缺少预算绩效情况（performance）：须说明绩效自评的范围和结果。', '/performance');
  }
  return findings;
}
