/**
 * One failing payload per rule: the full (or minimal) example with one thing changed. Shared by the
 * rule tests; `path` is a pointer the finding must name.
 */
import { row, type Json } from './helpers';

export interface RuleCase {
  rule: string;
  severity: 'error' | 'warning';
  base: 'full' | 'minimal';
  what: string;
  edit: (p: Json) => void;
  path: string;
}

const newRow = (code: string, name: string, cells: Record<string, unknown>) => ({ code, name, ...cells });

export const RULE_CASES: RuleCase[] = [
  // template
  { rule: 'template.unknown', severity: 'error', base: 'full', what: 'unknown template set', path: '/templateSet', edit: (p) => { p.templateSet = 'hubei-2024'; } },
  { rule: 'template.fiscal-year', severity: 'warning', base: 'full', what: 'year outside the set', path: '/meta/fiscalYear', edit: (p) => { p.meta.fiscalYear = 2025; } },
  {
    rule: 'amount.range', severity: 'error', base: 'minimal', what: 'a derived 合计 beyond 9,999,999,999.99 万元', path: '/tables/gpbExpense/total/total',
    edit: (p) => { for (const r of p.tables.gpbExpense.rows) { r.total = '9,999,999,999.99'; r.basic = null; r.project = '9,999,999,999.99'; } },
  },
  // codes
  {
    rule: 'codes.duplicate', severity: 'error', base: 'minimal', what: 'a 项 given twice', path: '/tables/gpbExpense/rows/9',
    edit: (p) => { p.tables.gpbExpense.rows.push({ ...row(p, 'gpbExpense', '2210203') }); },
  },
  {
    rule: 'codes.placement', severity: 'error', base: 'full', what: '项 listed under the wrong 款', path: '/tables/gpbExpense/rows/7/code',
    edit: (p) => {
      const rows = p.tables.gpbExpense.rows;
      const [moved] = rows.splice(9, 1); // 2080505
      rows.splice(7, 0, moved); // right after 2010402, before 208
    },
  },
  {
    rule: 'codes.name-missing', severity: 'error', base: 'minimal', what: 'an ancestor the catalog does not know', path: '/tables/gpbExpense/rows',
    edit: (p) => { p.tables.gpbExpense.rows.push(newRow('2019901', '其他一般公共服务支出', { project: 1 })); },
  },
  {
    rule: 'codes.catalog-name', severity: 'warning', base: 'full', what: 'a name unlike the catalog', path: '/tables/gpbExpense/rows/3/name',
    edit: (p) => { row(p, 'gpbExpense', '2010350').name = '事业运行经费'; },
  },
  {
    rule: 'codes.wrong-class', severity: 'warning', base: 'minimal', what: '项 coded under the wrong 类', path: '/tables/gpbExpense/rows/4/code',
    edit: (p) => { row(p, 'gpbExpense', '2080505').code = '2010505'; },
  },
  {
    rule: 'codes.no-items', severity: 'warning', base: 'full', what: 'a 款 with no 项', path: '/tables/gpbExpense/rows/19',
    edit: (p) => { p.tables.gpbExpense.rows.push(newRow('20105', '统计信息事务', { total: 1, project: 1 })); },
  },
  {
    rule: 'codes.class-line', severity: 'error', base: 'minimal', what: 'a 类 tables 01/04 do not print', path: '/tables/gpbExpense/rows/10',
    edit: (p) => { p.tables.gpbExpense.rows.push(newRow('2300101', '一般性转移支付', { project: 1 })); },
  },
  {
    rule: 'codes.budget-kind', severity: 'warning', base: 'minimal', what: 'a 国有资本经营预算 项 (223) in 05', path: '/tables/gpbExpense/rows/10/code',
    edit: (p) => { p.tables.gpbExpense.rows.push(newRow('2230105', '国有企业退休人员社会化管理补助支出', { project: 1 })); },
  },
  // balances
  { rule: 'balance.summary-income', severity: 'error', base: 'full', what: '01 收入总计 ≠ its parts', path: '/tables/summary/income/grandTotal', edit: (p) => { p.tables.summary.income.grandTotal = '1,519.68'; } },
  { rule: 'balance.summary-expense', severity: 'error', base: 'full', what: '01 支出总计 ≠ its parts', path: '/tables/summary/expense/grandTotal', edit: (p) => { p.tables.summary.expense.grandTotal = '1,519.68'; } },
  {
    rule: 'balance.summary', severity: 'error', base: 'full', what: '01 收入总计 ≠ 支出总计', path: '/tables/summary/income/grandTotal',
    edit: (p) => { p.tables.summary.income.carryForwardStart = '10.00'; p.tables.summary.income.grandTotal = '1,529.58'; },
  },
  { rule: 'balance.fiscal-income', severity: 'error', base: 'full', what: '04 收入总计 ≠ its parts', path: '/tables/fiscalSummary/income/grandTotal', edit: (p) => { p.tables.fiscalSummary.income.grandTotal = '1,519.48'; } },
  { rule: 'balance.fiscal-expense', severity: 'error', base: 'full', what: '04 支出总计 column ≠ its parts', path: '/tables/fiscalSummary/expense/grandTotal/gpb', edit: (p) => { p.tables.fiscalSummary.expense.grandTotal.gpb = '1,519.00'; } },
  {
    rule: 'balance.fiscal', severity: 'error', base: 'full', what: '04 收入总计 ≠ 支出总计', path: '/tables/fiscalSummary/income/grandTotal',
    edit: (p) => {
      p.tables.fiscalSummary.income.carryForwardStart = { total: '5.00', gpb: '5.00' };
      p.tables.fiscalSummary.income.grandTotal = '1,524.58';
    },
  },
  { rule: 'balance.fiscal-source', severity: 'error', base: 'full', what: '04 per source', path: '/tables/fiscalSummary/income/gpb', edit: (p) => { p.tables.fiscalSummary.income.gpb = '1,500.00'; } },
  {
    rule: 'balance.fund-row', severity: 'error', base: 'minimal', what: '07 row out of balance', path: '/tables/fund/rows/0/income',
    edit: (p) => { p.tables.fund = { rows: [newRow('2120801', '征地和拆迁补偿支出', { income: 10, project: 8, carryForwardEnd: 1 })] }; },
  },
  // rollups
  { rule: 'rollup.class', severity: 'error', base: 'full', what: '类 ≠ Σ款', path: '/tables/gpbExpense/rows/0/basic', edit: (p) => { row(p, 'gpbExpense', '201').basic = '251.49'; } },
  { rule: 'rollup.section', severity: 'error', base: 'full', what: '款 ≠ Σ项', path: '/tables/expense/rows/1/project', edit: (p) => { row(p, 'expense', '20103').project = '1,159.17'; } },
  { rule: 'rollup.total', severity: 'error', base: 'full', what: '合计 ≠ Σ类', path: '/tables/gpbExpense/total/basic', edit: (p) => { p.tables.gpbExpense.total.basic = '365.89'; } },
  { rule: 'rollup.row', severity: 'error', base: 'full', what: '03 本年支出合计 ≠ 基本 + 项目', path: '/tables/expense/rows/3/total', edit: (p) => { row(p, 'expense', '2010350').total = '251.93'; } },
  { rule: 'rollup.summary-income', severity: 'error', base: 'full', what: '01 本年收入合计 ≠ Σ lines', path: '/tables/summary/income/totalCurrent', edit: (p) => { p.tables.summary.income.totalCurrent = '1,519.00'; } },
  { rule: 'rollup.summary-expense', severity: 'error', base: 'full', what: '01 本年支出合计 ≠ Σ 类', path: '/tables/summary/expense/totalCurrent', edit: (p) => { p.tables.summary.expense.totalCurrent = '1,500.00'; } },
  { rule: 'rollup.fiscal-income', severity: 'error', base: 'full', what: '04 本年收入合计 ≠ Σ sources', path: '/tables/fiscalSummary/income/totalCurrent', edit: (p) => { p.tables.fiscalSummary.income.totalCurrent = '1,500.00'; } },
  { rule: 'rollup.fiscal-expense', severity: 'error', base: 'full', what: '04 本年支出合计 column ≠ Σ 类', path: '/tables/fiscalSummary/expense/totalCurrent/gpb', edit: (p) => { p.tables.fiscalSummary.expense.totalCurrent.gpb = '1,500.00'; } },
  { rule: 'rollup.fiscal-row', severity: 'error', base: 'full', what: '04 小计 ≠ Σ sources', path: '/tables/fiscalSummary/expenseByClass/210/total', edit: (p) => { p.tables.fiscalSummary.expenseByClass['210'].total = '28.99'; } },
  // cross-table
  { rule: 'cross.summary-class-vs-expense', severity: 'error', base: 'full', what: '01 类 vs 03', path: '/tables/summary/expenseByClass/210', edit: (p) => { p.tables.summary.expenseByClass['210'] = '28.99'; } },
  { rule: 'cross.summary-vs-income', severity: 'error', base: 'full', what: '01 事业收入 vs 02', path: '/tables/summary/income/business', edit: (p) => { p.tables.summary.income.business = '10.00'; } },
  { rule: 'cross.summary-vs-expense', severity: 'error', base: 'full', what: '01 本年支出合计 vs 03', path: '/tables/summary/expense/totalCurrent', edit: (p) => { p.tables.summary.expense.totalCurrent = '1,529.58'; } },
  { rule: 'cross.summary-vs-fiscal', severity: 'error', base: 'full', what: '01 line 1 vs 04', path: '/tables/summary/income/gpb', edit: (p) => { p.tables.summary.income.gpb = '1,500.00'; } },
  { rule: 'cross.income-vs-fiscal', severity: 'error', base: 'full', what: '02 财政拨款收入 vs 04', path: '/tables/income/total/fiscal', edit: (p) => { p.tables.income.total.fiscal = '1,500.00'; } },
  {
    rule: 'cross.fiscal-vs-gpb', severity: 'error', base: 'full', what: '04 一般公共预算 vs 05', path: '/tables/fiscalSummary/expenseByClass/210/gpb',
    edit: (p) => { p.tables.fiscalSummary.expenseByClass['210'] = { total: '28.99', gpb: '28.99' }; },
  },
  {
    rule: 'cross.fiscal-vs-fund', severity: 'error', base: 'full', what: '04 政府性基金 vs 07', path: '/tables/fiscalSummary/expenseByClass/212/fund',
    edit: (p) => { p.tables.fiscalSummary.expenseByClass['212'] = { total: '5.00', fund: '5.00' }; },
  },
  {
    rule: 'cross.fiscal-vs-state-capital', severity: 'error', base: 'full', what: '04 国资 vs 08', path: '/tables/fiscalSummary/expenseByClass/223/stateCapital',
    edit: (p) => { p.tables.fiscalSummary.expenseByClass['223'] = { total: '5.00', stateCapital: '5.00' }; },
  },
  { rule: 'cross.gpb-vs-expense', severity: 'error', base: 'minimal', what: '05 项 above 03', path: '/tables/gpbExpense/rows/0/project', edit: (p) => { row(p, 'gpbExpense', '2010302').project = 1200; } },
  {
    rule: 'cross.gpb-basic-vs-detail', severity: 'error', base: 'full', what: '05 基本支出 vs 06', path: '/tables/gpbExpense/total/basic',
    edit: (p) => {
      const d = p.tables.basicExpenseDetail;
      d.items['30201'] = '2.51';
      d.items['302'] = '13.09';
      d.publicTotal = '13.09';
    },
  },
  // 06
  { rule: 'detail.unknown-code', severity: 'error', base: 'minimal', what: 'economic code not in the set', path: '/tables/basicExpenseDetail/items/30250', edit: (p) => { p.tables.basicExpenseDetail.items['30250'] = 0.5; } },
  { rule: 'detail.group', severity: 'error', base: 'full', what: '302 ≠ Σ items', path: '/tables/basicExpenseDetail/items/302', edit: (p) => { p.tables.basicExpenseDetail.items['302'] = '13.99'; } },
  { rule: 'detail.personnel-total', severity: 'error', base: 'full', what: 'a dropped digit', path: '/tables/basicExpenseDetail/personnelTotal', edit: (p) => { p.tables.basicExpenseDetail.personnelTotal = '34.29'; } },
  { rule: 'detail.public-total', severity: 'error', base: 'full', what: '公用经费合计 ≠ 302 + 310', path: '/tables/basicExpenseDetail/publicTotal', edit: (p) => { p.tables.basicExpenseDetail.publicTotal = '12.90'; } },
  // 09
  { rule: 'three-public.total', severity: 'error', base: 'full', what: '09 合计 ≠ parts', path: '/tables/threePublic/actual/total', edit: (p) => { p.tables.threePublic.actual.total = '1.87'; } },
  { rule: 'three-public.vehicle-subtotal', severity: 'error', base: 'full', what: '09 小计 ≠ 购置 + 运行维护', path: '/tables/threePublic/budget/vehicleSubtotal', edit: (p) => { p.tables.threePublic.budget.vehicleSubtotal = '0.78'; } },
  {
    rule: 'three-public.vs-detail', severity: 'error', base: 'minimal', what: '09 运行维护费 below 06 30231', path: '/tables/basicExpenseDetail/items/30231',
    edit: (p) => { p.tables.threePublic.actual.vehicleOperation = 0.5; },
  },
  {
    rule: 'three-public.breakdown', severity: 'error', base: 'full', what: 'breakdown ≠ 09', path: '/explanation/threePublicDetail/vehicleOperationBreakdown',
    edit: (p) => { p.explanation.threePublicDetail.vehicleOperationBreakdown[2].amount = '0.2'; },
  },
  {
    rule: 'three-public.purchase-count', severity: 'warning', base: 'full', what: 'a car bought for nothing', path: '/explanation/threePublicDetail/vehiclesPurchased',
    edit: (p) => { p.explanation.threePublicDetail.vehiclesPurchased = 1; },
  },
  // narrative inputs
  { rule: 'budget.unknown-code', severity: 'error', base: 'full', what: 'budget for a 项 not in 05', path: '/explanation/annualBudget/items/2010301', edit: (p) => { p.explanation.annualBudget.items['2010301'] = { budget: '1.00' }; } },
  { rule: 'budget.total-vs-items', severity: 'warning', base: 'full', what: 'the reference itself', path: '/explanation/annualBudget/total', edit: () => {} },
  { rule: 'budget.missing-item', severity: 'warning', base: 'full', what: 'a 项 without budget', path: '/tables/gpbExpense/rows/18', edit: (p) => { delete p.explanation.annualBudget.items['2210203']; } },
  { rule: 'budget.missing-reason', severity: 'warning', base: 'full', what: 'the reference itself (公务员医疗补助)', path: '/explanation/annualBudget/items/2101103/reason', edit: () => {} },
  { rule: 'reasons.year-on-year', severity: 'warning', base: 'full', what: 'a change without reason', path: '/explanation/reasons/grandTotal', edit: (p) => { delete p.explanation.reasons.grandTotal; } },
  {
    rule: 'narrative.class-uses', severity: 'error', base: 'full', what: 'the reference’s 突发公共卫生事件应急处理', path: '/explanation/classUses/210/0',
    edit: (p) => { p.explanation.classUses['210'].unshift('突发公共卫生事件应急处理'); },
  },
  { rule: 'performance.summary-name', severity: 'error', base: 'full', what: 'summary of an unknown project', path: '/performance/projectSummaries/3/name', edit: (p) => { p.performance.projectSummaries[3].name = '智慧江汉综合指挥中心'; } },
  { rule: 'procurement.total', severity: 'error', base: 'full', what: 'total ≠ 货物 + 工程 + 服务', path: '/explanation/procurement/total', edit: (p) => { p.explanation.procurement.total = '70.00'; } },
  { rule: 'procurement.sme-total', severity: 'error', base: 'full', what: '中小企业 above total', path: '/explanation/procurement/smeTotal', edit: (p) => { p.explanation.procurement.smeTotal = '70.00'; } },
  { rule: 'procurement.small-micro', severity: 'error', base: 'full', what: '小微企业 above 中小企业', path: '/explanation/procurement/smallMicro', edit: (p) => { p.explanation.procurement.smallMicro = '69.10'; } },
  { rule: 'procurement.sme-category', severity: 'error', base: 'full', what: '服务 中小企业 above 服务', path: '/explanation/procurement/smeServices', edit: (p) => { p.explanation.procurement.smeServices = '70.00'; } },
  { rule: 'procurement.sme-sum', severity: 'error', base: 'full', what: '中小企业 ≠ Σ categories', path: '/explanation/procurement/smeTotal', edit: (p) => { p.explanation.procurement.smeServices = '60.00'; } },
  {
    rule: 'glossary.subject-explanation', severity: 'warning', base: 'minimal', what: 'a 项 outside the catalog with no explanation', path: '/glossary/subjectExplanations/2010398',
    edit: (p) => {
      for (const table of ['income', 'expense', 'gpbExpense']) {
        for (const r of p.tables[table].rows) if (r.code === '2010399') { r.code = '2010398'; r.name = '其他专项事务'; }
      }
    },
  },
  {
    rule: 'audit.acknowledgement-unmatched', severity: 'warning', base: 'full', what: 'an acknowledgement of a finding that is not there', path: '/audit/acknowledged/0',
    edit: (p) => { p.audit = { acknowledged: [{ rule: 'rollup.class', path: '/tables/gpbExpense/rows/0/basic', reason: '决算已批复，原表如此' }] }; },
  },
  // tables a template set declares (yunnan-2024: threePublicOperating has fixed lines budget/actual)
  { rule: 'custom.unknown-table', severity: 'error', base: 'full', what: 'data for a table the set does not declare', path: '/tables/custom/nope', edit: (p) => { p.tables.custom = { nope: { lines: {} } }; } },
  {
    rule: 'custom.unknown-column', severity: 'error', base: 'full', what: 'a column the declared table does not have', path: '/tables/custom/threePublicOperating/lines/total/planned',
    edit: (p) => { p.templateSet = 'yunnan-2024'; p.tables.custom = { threePublicOperating: { lines: { total: { planned: '1.00' } } } }; },
  },
  {
    rule: 'custom.unknown-line', severity: 'error', base: 'full', what: 'a line the declared table does not have', path: '/tables/custom/threePublicOperating/lines/meetings',
    edit: (p) => { p.templateSet = 'yunnan-2024'; p.tables.custom = { threePublicOperating: { lines: { meetings: { actual: '1.00' } } } }; },
  },
  {
    rule: 'custom.shape', severity: 'error', base: 'full', what: 'rows given for a table of fixed lines', path: '/tables/custom/threePublicOperating/rows',
    edit: (p) => { p.templateSet = 'yunnan-2024'; p.tables.custom = { threePublicOperating: { rows: [] } }; },
  },
  {
    rule: 'custom.identity', severity: 'error', base: 'full', what: 'a declared total line that is not the sum of its parts', path: '/tables/custom/threePublicOperating/lines/total/actual',
    edit: (p) => { p.templateSet = 'yunnan-2024'; p.tables.custom = { threePublicOperating: { lines: { total: { actual: '5.00' }, abroad: { actual: '1.00' } } } }; },
  },
  // completeness
  {
    rule: 'completeness.table', severity: 'error', base: 'full', what: '05 left out: one finding, not one per dependent figure', path: '/tables/gpbExpense/rows',
    edit: (p) => { p.tables.gpbExpense = { rows: [] }; },
  },
  { rule: 'completeness.duties', severity: 'warning', base: 'full', what: 'no 部门职责', path: '/overview/duties', edit: (p) => { p.overview.duties = []; } },
  { rule: 'completeness.operating-costs', severity: 'warning', base: 'full', what: 'no 机关运行经费', path: '/explanation/operatingCosts', edit: (p) => { delete p.explanation.operatingCosts; } },
  {
    rule: 'completeness.operating-costs-explained', severity: 'warning', base: 'full', what: 'a 行政单位 with 机关运行经费 0 and no explanation', path: '/explanation/operatingCosts',
    edit: (p) => { p.meta.unitType = '行政单位'; },
  },
  {
    rule: 'completeness.operating-costs-explained', severity: 'warning', base: 'full', what: 'a 参公 unit with no 机关运行经费 and no explanation', path: '/explanation/operatingCosts',
    edit: (p) => { p.meta.unitType = '参照公务员法管理事业单位'; delete p.explanation.operatingCosts; },
  },
  { rule: 'completeness.procurement', severity: 'warning', base: 'full', what: 'no 政府采购', path: '/explanation/procurement', edit: (p) => { delete p.explanation.procurement; } },
  { rule: 'completeness.assets', severity: 'warning', base: 'full', what: 'no 国有资产', path: '/explanation/assets', edit: (p) => { delete p.explanation.assets; } },
  { rule: 'completeness.performance', severity: 'warning', base: 'full', what: 'no 绩效', path: '/performance', edit: (p) => { delete p.performance; } },
  // consistency
  {
    rule: 'cross.income-vs-expense-item', severity: 'error', base: 'full', what: '02 income of a 项 moved to another 项 (no carry-forward explains it)', path: '/tables/income/rows/6/total',
    edit: (p) => {
      // 2010402 gets 1.00 of 2010399's income in 02; 类/款 and totals stay right.
      const r399 = row(p, 'income', '2010399'); r399.total = '10.36'; r399.fiscal = '10.36';
      const r402 = row(p, 'income', '2010402'); r402.total = '5.62'; r402.fiscal = '5.62';
      const k03 = row(p, 'income', '20103'); k03.total = '1,409.46'; k03.fiscal = '1,409.46';
      const k04 = row(p, 'income', '20104'); k04.total = '5.62'; k04.fiscal = '5.62';
    },
  },
  {
    rule: 'cross.carry-forward', severity: 'error', base: 'full', what: '04 年末财政拨款结转 above 01 年末结转和结余', path: '/tables/fiscalSummary/expense/carryForwardEnd/total',
    edit: (p) => { p.tables.fiscalSummary.expense.carryForwardEnd = { total: '5.00', gpb: '5.00' }; },
  },
  { rule: 'amount.negative', severity: 'error', base: 'full', what: 'a negative 三公 figure', path: '/tables/threePublic/budget/vehicleOperation', edit: (p) => { p.tables.threePublic.budget.vehicleOperation = '-0.87'; } },
  { rule: 'three-public.over-budget', severity: 'warning', base: 'full', what: '决算 above 预算 without a reason', path: '/tables/threePublic/actual/vehicleOperation', edit: (p) => { p.tables.threePublic.budget = { total: '0.50', vehicleSubtotal: '0.50', vehicleOperation: '0.50' }; } },
  { rule: 'three-public.previous-sum', severity: 'error', base: 'full', what: 'last year’s 三公 parts do not add up', path: '/explanation/previousYear/threePublic/total', edit: (p) => { p.explanation.previousYear.threePublic.total = '1.76'; } },
  { rule: 'plausibility.operating-costs', severity: 'warning', base: 'full', what: '机关运行经费 above 06 公用经费', path: '/explanation/operatingCosts', edit: (p) => { p.explanation.operatingCosts = '20.00'; } },
  {
    rule: 'narrative.main-projects-total', severity: 'error', base: 'full', what: 'uses named with their budgets, as the published text did', path: '/explanation/mainProjects',
    edit: (p) => { for (const m of p.explanation.mainProjects) m.amount = m.budget; },
  },
  {
    rule: 'narrative.main-projects-executed', severity: 'warning', base: 'full', what: 'a project named with its budget instead of its 执行数', path: '/explanation/mainProjects/1/amount',
    edit: (p) => { p.explanation.mainProjects[1].amount = '217.69'; },
  },
  {
    rule: 'narrative.class-uses-largest', severity: 'warning', base: 'full', what: 'the publication’s own list: 201 without 一般行政管理事务', path: '/explanation/classUses/201',
    // The example lists 201's largest 项 (its text must not mislead); the publication did not.
    edit: (p) => { p.explanation.classUses['201'] = ['事业运行', '其他政府办公厅（室）及相关机构事务支出']; },
  },
  // text
  { rule: 'text.placeholder', severity: 'warning', base: 'full', what: 'XX left in a reason', path: '/explanation/reasons/grandTotal', edit: (p) => { p.explanation.reasons.grandTotal = '主要原因是XX项目减少'; } },
  { rule: 'text.repeated-word', severity: 'warning', base: 'full', what: '“减少减少”', path: '/explanation/reasons/income', edit: (p) => { p.explanation.reasons.income = '机构改革，人员和项目减少减少'; } },
  { rule: 'text.fiscal-year', severity: 'warning', base: 'full', what: '截至2023年12月31日 in a 2024 report', path: '/explanation/assets/vehicleBreakdown/0/note', edit: (p) => { p.explanation.assets.vehicleBreakdown[0].note = '截至2023年12月31日，仅保留一辆公务用车'; } },
  { rule: 'assets.vehicle-breakdown', severity: 'error', base: 'full', what: 'more vehicles by kind than held', path: '/explanation/assets/vehicleBreakdown', edit: (p) => { p.explanation.assets.vehicleBreakdown[0].count = 3; } },
  // details the 情况说明 prints beside the tables (issue 13's homes)
  {
    rule: 'procurement.reserved-split', severity: 'error', base: 'full', what: '预留 split not adding up to 中小企业', path: '/explanation/procurement/smeDedicated',
    edit: (p) => { Object.assign(p.explanation.procurement, { smeDedicated: '50.00', smeReserved: '10.00', smeOther: '5.00' }); },
  },
  {
    rule: 'three-public.reception-split', severity: 'error', base: 'full', what: '国内 + 外事 接待 above 09 公务接待费', path: '/explanation/threePublicDetail/receptionDomestic',
    edit: (p) => { p.explanation.threePublicDetail.receptionDomestic = '0.50'; },
  },
  {
    rule: 'budget.reason-is-use', severity: 'warning', base: 'full', what: 'a reason that only names a project', path: '/explanation/annualBudget/items/2210201/reason',
    edit: (p) => { p.explanation.annualBudget.items['2210201'].reason = '住房公积金补缴经费'; },
  },
  {
    rule: 'three-public.vehicles-held', severity: 'warning', base: 'full', what: '公务用车 held above the 国有资产 vehicles', path: '/explanation/threePublicDetail/vehiclesHeld',
    edit: (p) => { p.explanation.threePublicDetail.vehiclesHeld = 3; },
  },
];

/** Passing variants of the rules the unchanged full example triggers. */
export const PASSING_EDITS: Record<string, (p: Json) => void> = {
  'cross.summary-class-vs-expense': (p) => {
    p.tables.summary.expenseByClass['201'] = '1,415.08';
    p.tables.summary.expenseByClass['208'] = '22.31';
  },
  'cross.fiscal-vs-gpb': (p) => {
    p.tables.fiscalSummary.expenseByClass['201'] = { total: '1,415.08', gpb: '1,415.08' };
    p.tables.fiscalSummary.expenseByClass['208'] = { total: '22.31', gpb: '22.31' };
  },
  'completeness.operating-costs-explained': (p) => {
    // A 行政单位 may spend 0 on 机关运行经费 when it says why (the example itself is a 事业单位: nothing asked).
    p.meta.unitType = '行政单位';
    p.explanation.operatingCostsNote = '本单位机关运行经费由主管部门统一保障';
  },
  'budget.total-vs-items': (p) => { p.explanation.annualBudget.total = '2652.87'; },
  'budget.missing-reason': (p) => { p.explanation.annualBudget.items['2101103'].reason = '人员调动'; },
  'narrative.class-uses-largest': () => {}, // the example names 201's largest 项 (一般行政管理事务) first
  'budget.reason-is-use': (p) => {
    // The publication's two "reasons" are uses: typed as uses, with a cause as the reason, they raise nothing.
    for (const code of ['2010399', '2010402']) {
      const item = p.explanation.annualBudget.items[code];
      item.uses = item.reason;
      item.reason = '年中追加经费';
    }
  },
};
