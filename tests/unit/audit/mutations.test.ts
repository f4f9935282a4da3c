/**
 * Mutation test: single mistakes real filers make, applied to the reference example one at a time.
 * Each must be caught at its expected severity: "error" → a new error; "warning" → a new warning and
 * no new error (a 0.01 slip is 尾数误差, not a refusal). Prints the catch rate.
 *
 * And the other side: legitimate variants (carry-forwards, 其他收入, 事业收入 spent as 基本支出,
 * 上级补助, tables rounded cell by cell from 元) give no error and no warning except 尾数误差.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/audit';
import { PASSING_EDITS } from './cases';
import { full, row, run, type Json } from './helpers';
import { roundedPayload, roundYuan } from './rounded';

interface Mutation {
  what: string;
  severity: 'error' | 'warning';
  edit: (p: Json) => void;
}

const money = (v: string | number | null | undefined) => Math.round(Number(String(v ?? '0').replace(/,/g, '')) * 100);
const fmt = (cents: number) => (cents / 100).toFixed(2);
/** Adds `delta` cents to a cell given as a string. */
const bump = (obj: Json, key: string, delta: number) => { obj[key] = fmt(money(obj[key]) + delta); };

const M: Mutation[] = [
  // one amount ±0.01 / ±1 / ±100
  { what: '05 项 项目支出 +0.01 (小计 too)', severity: 'warning', edit: (p) => { const r = row(p, 'gpbExpense', '2010302'); bump(r, 'project', 1); bump(r, 'total', 1); } },
  { what: '05 项 项目支出 −0.01 (小计 too)', severity: 'warning', edit: (p) => { const r = row(p, 'gpbExpense', '2010302'); bump(r, 'project', -1); bump(r, 'total', -1); } },
  { what: '01 类 line +0.01 (a second 尾差)', severity: 'warning', edit: (p) => { bump(p.tables.summary.expenseByClass, '210', 1); } },
  { what: '05 项 项目支出 +1 (小计 too)', severity: 'error', edit: (p) => { const r = row(p, 'gpbExpense', '2010302'); bump(r, 'project', 100); bump(r, 'total', 100); } },
  { what: '05 项 基本支出 −1 (小计 too)', severity: 'error', edit: (p) => { const r = row(p, 'gpbExpense', '2010350'); bump(r, 'basic', -100); bump(r, 'total', -100); } },
  { what: '03 项 项目支出 +100', severity: 'error', edit: (p) => { const r = row(p, 'expense', '2010399'); bump(r, 'project', 10000); bump(r, 'total', 10000); } },
  { what: '02 项 财政拨款收入 +1', severity: 'error', edit: (p) => { const r = row(p, 'income', '2101102'); bump(r, 'fiscal', 100); bump(r, 'total', 100); } },
  { what: '01 类 line +0.02', severity: 'error', edit: (p) => { bump(p.tables.summary.expenseByClass, '210', 2); } },
  { what: '06 item +0.01 (group and 人员经费合计 unchanged)', severity: 'warning', edit: (p) => { bump(p.tables.basicExpenseDetail.items, '30101', 1); } },
  // swapped digits, dropped digits
  { what: '05 项 31.79 typed 31.97', severity: 'error', edit: (p) => { const r = row(p, 'gpbExpense', '2210201'); r.basic = '31.97'; r.total = '31.97'; } },
  { what: '01 类 54.20 typed 52.40', severity: 'error', edit: (p) => { p.tables.summary.expenseByClass['221'] = '52.40'; } },
  { what: '06 153.77 typed 135.77', severity: 'error', edit: (p) => { p.tables.basicExpenseDetail.items['30107'] = '135.77'; } },
  { what: '01 支出总计 with a dropped digit', severity: 'error', edit: (p) => { p.tables.summary.expense.grandTotal = '151.58'; } },
  { what: '04 收入 一般公共预算 1,519.58 typed 1,591.58', severity: 'error', edit: (p) => { p.tables.fiscalSummary.income.gpb = '1,591.58'; } },
  { what: '05 合计 基本支出 355.89 typed 355.98', severity: 'error', edit: (p) => { p.tables.gpbExpense.total.basic = '355.98'; } },
  { what: '03 款 22.31 typed 23.31', severity: 'error', edit: (p) => { const r = row(p, 'expense', '20805'); r.total = '23.31'; r.basic = '23.31'; } },
  { what: '06 302 typed 12.90', severity: 'error', edit: (p) => { p.tables.basicExpenseDetail.items['302'] = '12.90'; } },
  { what: '09 预算 小计 0.87 typed 0.78', severity: 'error', edit: (p) => { p.tables.threePublic.budget.vehicleSubtotal = '0.78'; } },
  // dropped or duplicated rows, wrong codes, names
  { what: '05 drops a 项 row', severity: 'error', edit: (p) => { p.tables.gpbExpense.rows.splice(p.tables.gpbExpense.rows.findIndex((r: Json) => r.code === '2210203'), 1); } },
  { what: '05 duplicates a 项 row', severity: 'error', edit: (p) => { p.tables.gpbExpense.rows.push({ ...row(p, 'gpbExpense', '2101102') }); } },
  { what: '03 drops a 项 row', severity: 'error', edit: (p) => { p.tables.expense.rows.splice(p.tables.expense.rows.findIndex((r: Json) => r.code === '2101103'), 1); } },
  { what: '05 项 code typed as another real code', severity: 'error', edit: (p) => { row(p, 'gpbExpense', '2080505').code = '2080506'; } },
  { what: '05 项 code with mistyped 类 digits', severity: 'error', edit: (p) => { row(p, 'gpbExpense', '2080505').code = '2010505'; } },
  { what: '03 项 name typo', severity: 'warning', edit: (p) => { row(p, 'expense', '2101103').name = '公务员医疗补贴'; } },
  { what: '05 项 name typo the text names (its 主要用于 no longer matches)', severity: 'error', edit: (p) => { row(p, 'gpbExpense', '2101103').name = '公务员医疗补贴'; } },
  { what: '03 基本支出 typed in the 项目支出 column', severity: 'error', edit: (p) => { const r = row(p, 'expense', '2010350'); r.project = r.basic; delete r.basic; } },
  // identities across a table's parts
  { what: '三公 parts not summing (决算 合计)', severity: 'error', edit: (p) => { p.tables.threePublic.actual.total = '0.97'; } },
  { what: '基本支出 ≠ 人员经费 + 公用经费', severity: 'error', edit: (p) => { const d = p.tables.basicExpenseDetail; d.items['30201'] = '3.41'; d.items['302'] = '13.99'; d.publicTotal = '13.99'; } },
  { what: '三公 运行维护费 breakdown not summing', severity: 'error', edit: (p) => { p.explanation.threePublicDetail.vehicleOperationBreakdown[0].amount = '0.45'; } },
  { what: '06 30231 above 09 运行维护费', severity: 'error', edit: (p) => { const d = p.tables.basicExpenseDetail; d.items['30231'] = '8.70'; d.items['302'] = '20.82'; d.publicTotal = '20.82'; } },
  { what: 'last year’s 三公 total not summing', severity: 'error', edit: (p) => { p.explanation.previousYear.threePublic.total = '1.76'; } },
  // carry-forwards and balances
  { what: '01 年初结转和结余 without its spending', severity: 'error', edit: (p) => { p.tables.summary.income.carryForwardStart = '10.00'; p.tables.summary.income.grandTotal = '1,529.58'; } },
  { what: '04 年末财政拨款结转 above 01 年末结转', severity: 'error', edit: (p) => { p.tables.fiscalSummary.expense.carryForwardEnd = { total: '5.00', gpb: '5.00' }; } },
  { what: '02 income booked under another 项', severity: 'error', edit: (p) => { const a = row(p, 'income', '2101102'); const b = row(p, 'income', '2101103'); bump(a, 'fiscal', 100); bump(a, 'total', 100); bump(b, 'fiscal', -100); bump(b, 'total', -100); } },
  { what: '01 事业收入 typed, 02 has none', severity: 'error', edit: (p) => { p.tables.summary.income.business = '10.00'; } },
  // negatives
  { what: 'negative 三公 预算', severity: 'error', edit: (p) => { p.tables.threePublic.budget.vehicleOperation = '-0.87'; } },
  { what: 'negative 政府采购 amount', severity: 'error', edit: (p) => { p.explanation.procurement.goods = '-1.00'; } },
  // the text's inputs
  { what: 'placeholder XX left in a reason', severity: 'warning', edit: (p) => { p.explanation.reasons.grandTotal = '主要原因是XX项目减少'; } },
  { what: 'placeholder 某某 in a duty', severity: 'warning', edit: (p) => { p.overview.duties[0] = `${p.overview.duties[0]}某某`; } },
  { what: 'wrong year: 截至2023年12月31日 in 2024', severity: 'warning', edit: (p) => { p.explanation.assets.vehicleBreakdown[0].note = '截至2023年12月31日，仅保留一辆公务用车'; } },
  { what: 'repeated word 减少减少', severity: 'warning', edit: (p) => { p.explanation.reasons.income = '机构改革，人员和项目减少减少'; } },
  { what: '主要用于 names a use no table has', severity: 'error', edit: (p) => { p.explanation.classUses['210'].unshift('突发公共卫生事件应急处理'); } },
  { what: '项目支出 uses named with their budgets', severity: 'error', edit: (p) => { for (const m of p.explanation.mainProjects) m.amount = m.budget; } },
  { what: 'one project named with its budget', severity: 'warning', edit: (p) => { p.explanation.mainProjects[1].amount = '217.69'; p.explanation.mainProjects[0].amount = '930.02'; } },
  { what: '年初预算 for a 项 not in 05', severity: 'error', edit: (p) => { p.explanation.annualBudget.items['2010301'] = { budget: '1.00' }; } },
  { what: '政府采购 total ≠ 货物 + 工程 + 服务', severity: 'error', edit: (p) => { p.explanation.procurement.total = '96.29'; } },
  { what: '中小企业 above the 采购 total', severity: 'error', edit: (p) => { p.explanation.procurement.smeTotal = '96.06'; p.explanation.procurement.smeServices = '96.06'; } },
  { what: '小微企业 above 中小企业', severity: 'error', edit: (p) => { p.explanation.procurement.smallMicro = '69.10'; } },
  { what: 'more vehicles by kind than held', severity: 'error', edit: (p) => { p.explanation.assets.vehicleBreakdown[0].count = 3; } },
  { what: '绩效 summary names a project with a typo', severity: 'error', edit: (p) => { p.performance.projectSummaries[3].name = '智慧江汉综合指挥中心'; } },
  { what: '三公 决算 above 预算 without a reason', severity: 'warning', edit: (p) => { p.tables.threePublic.budget = { total: '0.50', vehicleSubtotal: '0.50', vehicleOperation: '0.50' }; } },
  { what: '机关运行经费 above 06 公用经费', severity: 'warning', edit: (p) => { p.explanation.operatingCosts = '20.00'; } },
  { what: 'a 行政单位 filing 机关运行经费 0 with no explanation', severity: 'warning', edit: (p) => { p.meta.unitType = '行政单位'; } },
  { what: '部门职责 left out', severity: 'warning', edit: (p) => { p.overview.duties = []; } },
  { what: '政府采购 section left out', severity: 'warning', edit: (p) => { delete p.explanation.procurement; } },
  { what: 'a whole table (05) left out', severity: 'error', edit: (p) => { p.tables.gpbExpense = { rows: [] }; } },
];

const key = (f: Finding) => `${f.rule} ${f.paths[0]} ${f.severity}`;
const baseline = new Set(run(full()).map(key));
const results: { what: string; expected: string; caught: boolean; got: string[] }[] = [];

describe('mutation test: single realistic mistakes in the reference example', () => {
  it('has at least 40 mutations', () => {
    expect(M.length).toBeGreaterThanOrEqual(40);
  });

  it.each(M)('catches: $what ($severity)', (m) => {
    const added = run(full(m.edit)).filter((f) => !baseline.has(key(f)));
    const errors = added.filter((f) => f.severity === 'error');
    const warnings = added.filter((f) => f.severity === 'warning');
    const caught = m.severity === 'error' ? errors.length > 0 : warnings.length > 0 && errors.length === 0;
    results.push({ what: m.what, expected: m.severity, caught, got: added.map((f) => `${f.severity}:${f.rule}`) });
    expect(caught, JSON.stringify(added.map((f) => [f.severity, f.rule, f.paths[0]]))).toBe(true);
  });

  afterAll(() => {
    const caught = results.filter((r) => r.caught).length;
    console.log(`mutation test: caught ${caught}/${results.length} at the expected severity (${((100 * caught) / Math.max(1, results.length)).toFixed(1)}%)`);
  });
});

/** The reference with the warnings that are not 尾数误差 answered (reasons, budget total, the largest 项). */
function cleanReference(edit: (p: Json) => void = () => {}): Json {
  return full((p) => {
    PASSING_EDITS['budget.total-vs-items'](p);
    PASSING_EDITS['budget.missing-reason'](p);
    PASSING_EDITS['narrative.class-uses-largest'](p);
    PASSING_EDITS['budget.reason-is-use'](p);
    edit(p);
  });
}

/** Adds a non-fiscal income spent on one 项: 02 and 03 at every level, 01 lines and totals. */
function nonFiscal(p: Json, code: string, income: 'business' | 'superiorSubsidy' | 'other', spent: 'basic' | 'project', cents: number) {
  for (const c of [code, code.slice(0, 5), code.slice(0, 3)]) {
    const i = row(p, 'income', c);
    bump(i, 'total', cents);
    i[income] = fmt(money(i[income]) + cents);
    const e = row(p, 'expense', c);
    bump(e, 'total', cents);
    e[spent] = fmt(money(e[spent]) + cents);
  }
  const it = p.tables.income.total;
  bump(it, 'total', cents);
  it[income] = fmt(money(it[income]) + cents);
  const et = p.tables.expense.total;
  bump(et, 'total', cents);
  bump(et, spent, cents);
  const s = p.tables.summary;
  s.income[income] = fmt(money(s.income[income]) + cents);
  for (const k of ['totalCurrent', 'grandTotal']) { bump(s.income, k, cents); bump(s.expense, k, cents); }
  bump(s.expenseByClass, code.slice(0, 3), cents);
}

const only尾数误差 = (findings: Finding[]) => findings.filter((f) => !f.message.includes('尾数误差'));

describe('legitimate variants: no error, no warning except 尾数误差', () => {
  it('the reference itself, once its text warnings are answered', () => {
    expect(only尾数误差(run(cleanReference()))).toEqual([]);
  });

  it.each([
    ['事业收入 spent as 基本支出', (p: Json) => nonFiscal(p, '2010350', 'business', 'basic', 300)],
    ['其他收入 spent as 项目支出', (p: Json) => nonFiscal(p, '2010399', 'other', 'project', 500)],
    ['上级补助收入 spent as 基本支出', (p: Json) => nonFiscal(p, '2101102', 'superiorSubsidy', 'basic', 12345)],
    [
      '年初结转和结余 spent this year (income below spending)',
      (p: Json) => {
        for (const c of ['2010302', '20103', '201']) { const r = row(p, 'income', c); bump(r, 'total', -1000); bump(r, 'fiscal', -1000); }
        bump(p.tables.income.total, 'total', -1000);
        bump(p.tables.income.total, 'fiscal', -1000);
        const s = p.tables.summary.income;
        s.gpb = '1,509.58'; s.totalCurrent = '1,509.58'; s.carryForwardStart = '10.00';
        const f = p.tables.fiscalSummary.income;
        f.gpb = '1,509.58'; f.totalCurrent = '1,509.58'; f.carryForwardStart = { total: '10.00', gpb: '10.00' };
        p.explanation.reasons.income = '机构改革，人员和项目减少';
      },
    ],
    [
      '年末结转和结余 carried on (income above spending)',
      (p: Json) => {
        for (const c of ['2010302', '20103', '201']) { const r = row(p, 'income', c); bump(r, 'total', 2000); bump(r, 'fiscal', 2000); }
        bump(p.tables.income.total, 'total', 2000);
        bump(p.tables.income.total, 'fiscal', 2000);
        const s = p.tables.summary;
        s.income.gpb = '1,539.58'; s.income.totalCurrent = '1,539.58'; s.income.grandTotal = '1,539.58';
        s.expense.carryForwardEnd = '20.00'; s.expense.grandTotal = '1,539.58';
        const f = p.tables.fiscalSummary;
        f.income.gpb = '1,539.58'; f.income.totalCurrent = '1,539.58'; f.income.grandTotal = '1,539.58';
        f.expense.carryForwardEnd = { total: '20.00', gpb: '20.00' };
        f.expense.grandTotal = { total: '1,539.58', gpb: '1,539.58' };
      },
    ],
  ])('%s', (_what, edit) => {
    const findings = run(cleanReference(edit as (p: Json) => void));
    expect(only尾数误差(findings).map((f) => [f.rule, f.severity, f.paths[0], f.message.slice(0, 80)])).toEqual([]);
  });

  it('many 0.01 and 0.02 尾差: tables rounded cell by cell from 元, with every section stated', () => {
    // Amounts chosen so that 05's 合计, 06's 人员经费 and 01's 类 lines differ from their parts by 0.01–0.02.
    const variants = [
      { project: [11_474_949, 113_649, 46_249], detail: [524_249, 378_249, 142_249, 1_537_749, 201_349, 102_149, 177_849, 47_649, 317_949, 24_149, 9_649, 9_449, 20_049, 4_649, 27_349, 19_049, 7_249], cuts: [0.7, 0.77, 0.8, 0.85, 0.9, 0.95] },
      { project: [5_049, 5_049, 5_049], detail: Array.from({ length: 17 }, () => 149), cuts: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] },
    ];
    let rounding = 0;
    for (const y of variants) {
      const p = roundedPayload(y, roundYuan);
      p.overview = { duties: ['负责城市运行管理的综合调度。'] };
      p.explanation = { operatingCosts: 0, procurement: { total: 0 }, assets: { vehicles: 0 } };
      p.performance = { evaluationSummary: '各项目绩效目标基本完成。' };
      const findings = run(p);
      expect(only尾数误差(findings).map((f) => [f.rule, f.severity, f.message.slice(0, 80)])).toEqual([]);
      rounding += findings.length;
    }
    expect(rounding).toBeGreaterThan(0);
  });
});
