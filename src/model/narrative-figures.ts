/**
 * Figures the 情况说明 (第三部分) states in words: year-on-year changes, shares, completion rates.
 * Every one is computed here from the model in exact cents — nothing in the text is typed by hand —
 * so the renderer only chooses words and formats, and the audit can reuse the same numbers.
 *
 * Percentages are strings already rounded half-up (money.ts `percent`), because the rounded string
 * is what the reader sees and what the sentence variant depends on (e.g. 100.00% vs 大于/小于).
 */
import type { Payload } from '../schema/payload';
import { v, type Figure, type FunctionalTableModel, type Model } from './derive';
import { percent, sum, type Cents } from '../schema/money';

export type Direction = 'up' | 'down' | 'flat';

/** 与上年相比: current vs previous. */
export interface Change {
  current: Cents;
  previous: Cents;
  /** current − previous. */
  delta: Cents;
  /** |delta|: the amount the text says was 增加/减少. */
  abs: Cents;
  direction: Direction;
  /** |delta| / previous, rounded; null when previous is zero or nothing changed. */
  rate: string | null;
}

/**
 * Year-on-year change, or null when the previous year is not given (the sentence is then left out).
 * @example change(151958, 308779, 2) // { abs: 156821, direction: 'down', rate: '50.79', … }
 */
export function change(current: Cents, previous: Cents | null | undefined, decimals: number): Change | null {
  if (previous === null || previous === undefined) return null;
  const delta = current - previous;
  const abs = Math.abs(delta);
  return {
    current,
    previous,
    delta,
    abs,
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
    rate: delta === 0 ? null : percent(abs, Math.abs(previous), decimals),
  };
}

/** 完成年初预算: how the actual figure compares with the budget. */
export type BudgetRelation =
  | 'over' // 大于
  | 'under' // 小于
  | 'equal'
  | 'zeroBudget' // 年初未安排预算: never a percentage
  | 'noBudget'; // no budget given at all

export interface Completion {
  actual: Cents;
  budget: Cents | null;
  relation: BudgetRelation;
  /** actual / budget, rounded; null for a zero or missing budget. */
  rate: string | null;
}

/**
 * Completion of a budget. A zero budget gives no rate (a percentage of nothing is not a number).
 * @example completion(1136, 166, 2) // { relation: 'over', rate: '684.34', … }
 */
export function completion(actual: Cents, budget: Cents | null | undefined, decimals: number): Completion {
  if (budget === null || budget === undefined) return { actual, budget: null, relation: 'noBudget', rate: null };
  if (budget === 0) return { actual, budget, relation: 'zeroBudget', rate: null };
  const relation = actual > budget ? 'over' : actual < budget ? 'under' : 'equal';
  return { actual, budget, relation, rate: percent(actual, budget, decimals) };
}

/** An amount with its share of a whole (null share when the whole is zero). */
export interface Share<K extends string = string> {
  key: K;
  amount: Cents;
  share: string | null;
}

function shares<K extends string>(parts: [K, Cents][], whole: Cents, decimals: number): Share<K>[] {
  return parts.filter(([, amount]) => amount !== 0).map(([key, amount]) => ({ key, amount, share: percent(amount, whole, decimals) }));
}

export type IncomeSourceKey = 'fiscal' | 'superiorSubsidy' | 'business' | 'operating' | 'affiliatedRemit' | 'other';
export type ExpensePartKey = 'basic' | 'project' | 'remitToSuperior' | 'operating' | 'subsidyToAffiliated';

export interface GrandTotals {
  income: Cents;
  expense: Cents;
  equal: boolean;
  /** Change of the income total (equal to the expense total when `equal`). */
  incomeChange: Change | null;
  expenseChange: Change | null;
}

export interface ClassUse {
  code: string;
  name: string;
  amount: Cents;
  /** Share of the 一般公共预算财政拨款支出 total. */
  share: string | null;
  /** Names of 项 of this 类 in table 05 (non-zero), from explanation.classUses when valid, else table order. */
  uses: string[];
  /** classUses names that were dropped because no non-zero 项 of this 类 in table 05 has that name. */
  rejectedUses: string[];
}

export interface ItemDetail {
  code: string;
  className: string;
  sectionName: string;
  itemName: string;
  actual: Cents;
  completion: Completion;
  reason: string | undefined;
}

export interface ClassDetail {
  code: string;
  name: string;
  items: ItemDetail[];
}

export interface ThreePublicLine {
  budget: Cents;
  actual: Cents;
  completion: Completion;
  change: Change | null;
}

export interface ProcurementFigures {
  total: Cents;
  goods: Cents;
  works: Cents;
  services: Cents;
  sme: Cents | null;
  smeShare: string | null;
  smallMicro: Cents | null;
  smallMicroShare: string | null;
  categories: { key: 'goods' | 'works' | 'services'; amount: Cents; sme: Cents | null; share: string | null }[];
}

export interface ProjectSummaryFigures {
  name: string;
  budget: Cents | null;
  executed: Cents | null;
  rate: string | null;
  outputs: string[];
  problems: string[];
  improvements: string[];
}

export interface NarrativeFigures {
  year: number;
  prevYear: number;
  decimals: number;
  grand: GrandTotals;
  income: { total: Cents; change: Change | null; sources: Share<IncomeSourceKey>[] };
  expense: { total: Cents; change: Change | null; parts: Share<ExpensePartKey>[] };
  fiscal: GrandTotals & {
    gpbIncome: Cents;
    gpbIncomeChange: Change | null;
    otherIncome: { key: 'fund' | 'stateCapital'; amount: Cents }[];
  };
  gpb: {
    total: Cents;
    shareOfExpense: string | null;
    change: Change | null;
    classes: ClassUse[];
    budget: Completion;
    basic: Cents;
    project: Cents;
    mainProjects: { name: string; amount: Cents; outcome?: string }[];
    details: ClassDetail[];
  };
  basic: {
    total: Cents;
    personnel: { total: Cents; items: string[] };
    public: { total: Cents; items: string[] };
  };
  fund: {
    empty: boolean;
    income: Cents;
    expense: Cents;
    basic: Cents;
    project: Cents;
    carryForwardStart: Cents;
    carryForwardEnd: Cents;
    change: Change | null;
    uses: string[];
  };
  stateCapital: { empty: boolean; expense: Cents; basic: Cents; project: Cents; change: Change | null; uses: string[] };
  threePublic: {
    total: ThreePublicLine;
    abroad: ThreePublicLine;
    vehicle: ThreePublicLine;
    reception: ThreePublicLine;
    /** 公务用车购置费 / 运行维护费 决算数. */
    purchase: Cents;
    operation: Cents;
  };
  /** null: the payload does not give 机关运行经费. */
  operatingCosts: { amount: Cents; change: Change | null } | null;
  procurement: ProcurementFigures | null;
  performance: {
    projectCount: number;
    projectBudget: Cents;
    projectExecuted: Cents;
    /** Σ executed of the evaluated projects / 05 项目支出. */
    coverage: string | null;
    overallBudget: Cents | null;
    overallExecuted: Cents | null;
    summaries: ProjectSummaryFigures[];
  } | null;
}

/**
 * How names compare everywhere (the audit, the text): without any white space and with full-width
 * parentheses, which are typed both ways in practice.
 * @example normalizeName(' 事业 运行(其他) ') // "事业运行（其他）"
 */
export function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function nonZeroItemNames<C extends string>(table: FunctionalTableModel<C>, column: C, prefix = ''): string[] {
  const names: string[] = [];
  for (const row of table.rows) {
    if (row.level !== 'item' || !row.code.startsWith(prefix)) continue;
    if (v(row.cells[column]) === 0 || row.name === '') continue;
    if (!names.includes(row.name)) names.push(row.name);
  }
  return names;
}

function isEmptyTable<C extends string>(table: FunctionalTableModel<C>): boolean {
  const allZero = (cells: Record<C, Figure>) => table.columns.every((c) => v(cells[c]) === 0);
  return allZero(table.total) && table.rows.every((r) => allZero(r.cells));
}

function rowName<C extends string>(table: FunctionalTableModel<C>, code: string): string {
  return table.rows.find((r) => r.code === code)?.name ?? '';
}

function previousThreePublic(prev: Payload['explanation']['previousYear']['threePublic']) {
  if (!prev) return { total: null, abroad: null, vehicle: null, reception: null };
  const given = (x: Cents | null | undefined) => (x === undefined ? null : (x ?? 0));
  const anyGiven = (xs: (Cents | null | undefined)[]) => xs.some((x) => x !== undefined);
  const vehicle =
    prev.vehicleSubtotal !== undefined
      ? (prev.vehicleSubtotal ?? 0)
      : anyGiven([prev.vehiclePurchase, prev.vehicleOperation])
        ? sum([prev.vehiclePurchase, prev.vehicleOperation])
        : null;
  const total =
    prev.total !== undefined
      ? (prev.total ?? 0)
      : anyGiven([prev.abroad, prev.vehicleSubtotal, prev.vehiclePurchase, prev.vehicleOperation, prev.reception])
        ? sum([prev.abroad, vehicle, prev.reception])
        : null;
  return { total, abroad: given(prev.abroad), vehicle, reception: given(prev.reception) };
}

/**
 * Every figure of 第三部分, from a derived model.
 * @example deriveNarrativeFigures(model).gpb.budget.rate // "57.28"
 */
export function deriveNarrativeFigures(model: Model): NarrativeFigures {
  const p = model.payload;
  const e = p.explanation;
  const prev = e.previousYear;
  const d = p.options.percentDecimals;
  const year = p.meta.fiscalYear;
  const prevYear = e.comparisonYear ?? year - 1;

  // 一 收、支总计 (公开01表)
  const grandIncome = v(model.summary.income.grandTotal);
  const grandExpense = v(model.summary.expense.grandTotal);
  const grand: GrandTotals = {
    income: grandIncome,
    expense: grandExpense,
    equal: grandIncome === grandExpense,
    incomeChange: change(grandIncome, prev.grandTotal, d),
    expenseChange: change(grandExpense, prev.grandTotal, d),
  };

  // 二 收入 (公开01表: 财政拨款收入 is the three 财政拨款 lines together, as in 公开02表)
  const si = model.summary.income;
  const incomeTotal = v(si.totalCurrent);
  const income = {
    total: incomeTotal,
    change: change(incomeTotal, prev.incomeTotal, d),
    sources: shares<IncomeSourceKey>(
      [
        ['fiscal', v(si.gpb) + v(si.fund) + v(si.stateCapital)],
        ['superiorSubsidy', v(si.superiorSubsidy)],
        ['business', v(si.business)],
        ['operating', v(si.operating)],
        ['affiliatedRemit', v(si.affiliatedRemit)],
        ['other', v(si.other)],
      ],
      incomeTotal,
      d,
    ),
  };

  // 三 支出 (total from 公开01表, split from 公开03表)
  const expenseTotal = v(model.summary.expense.totalCurrent);
  const et = model.expense.total;
  const expense = {
    total: expenseTotal,
    change: change(expenseTotal, prev.expenseTotal, d),
    parts: shares<ExpensePartKey>(
      [
        ['basic', v(et.basic)],
        ['project', v(et.project)],
        ['remitToSuperior', v(et.remitToSuperior)],
        ['operating', v(et.operating)],
        ['subsidyToAffiliated', v(et.subsidyToAffiliated)],
      ],
      expenseTotal,
      d,
    ),
  };

  // 四 财政拨款 (公开04表)
  const fs = model.fiscalSummary;
  const fiscalIncome = v(fs.income.grandTotal);
  const fiscalExpense = v(fs.expense.grandTotal.total);
  const gpbIncome = v(fs.income.gpb);
  const fiscal = {
    income: fiscalIncome,
    expense: fiscalExpense,
    equal: fiscalIncome === fiscalExpense,
    incomeChange: change(fiscalIncome, prev.fiscalGrandTotal, d),
    expenseChange: change(fiscalExpense, prev.fiscalGrandTotal, d),
    gpbIncome,
    gpbIncomeChange: change(gpbIncome, prev.gpbIncome, d),
    otherIncome: (
      [
        ['fund', v(fs.income.fund)],
        ['stateCapital', v(fs.income.stateCapital)],
      ] as const
    )
      .filter(([, amount]) => amount !== 0)
      .map(([key, amount]) => ({ key, amount })),
  };

  // 五 一般公共预算财政拨款支出 (公开05表)
  const g = model.gpbExpense;
  const gpbTotal = v(g.total.total);
  const classes: ClassUse[] = g.rows
    .filter((r) => r.level === 'class' && v(r.cells.total) !== 0)
    .map((r) => {
      const tableUses = nonZeroItemNames(g, 'total', r.code);
      const byNormalized = new Map(tableUses.map((n) => [normalizeName(n), n]));
      const given = e.classUses?.[r.code] ?? [];
      const uses: string[] = [];
      const rejectedUses: string[] = [];
      for (const name of given) {
        const found = byNormalized.get(normalizeName(name));
        if (found === undefined) rejectedUses.push(name);
        else if (!uses.includes(found)) uses.push(found);
      }
      return {
        code: r.code,
        name: r.name,
        amount: v(r.cells.total),
        share: percent(v(r.cells.total), gpbTotal, d),
        uses: uses.length > 0 ? uses : tableUses,
        rejectedUses,
      };
    });
  const budgetItems = e.annualBudget.items;
  const budgetCodes = Object.keys(budgetItems);
  const budgetTotal =
    e.annualBudget.total !== undefined && e.annualBudget.total !== null
      ? e.annualBudget.total
      : budgetCodes.length > 0
        ? sum(budgetCodes.map((c) => budgetItems[c].budget))
        : null;
  const details: ClassDetail[] = [];
  for (const row of g.rows) {
    if (row.level !== 'item') continue;
    const item = Object.hasOwn(budgetItems, row.code) ? budgetItems[row.code] : undefined;
    const actual = v(row.cells.total);
    if (actual === 0 && (item === undefined || item.budget === 0)) continue;
    const classCode = row.code.slice(0, 3);
    let cls = details.find((c) => c.code === classCode);
    if (!cls) {
      cls = { code: classCode, name: rowName(g, classCode), items: [] };
      details.push(cls);
    }
    cls.items.push({
      code: row.code,
      className: cls.name,
      sectionName: rowName(g, row.code.slice(0, 5)),
      itemName: row.name,
      actual,
      completion: completion(actual, item?.budget, d),
      reason: item?.reason,
    });
  }
  const gpb = {
    total: gpbTotal,
    shareOfExpense: percent(gpbTotal, expenseTotal, d),
    change: change(gpbTotal, prev.gpbExpense, d),
    classes,
    budget: completion(gpbTotal, budgetTotal, d),
    basic: v(g.total.basic),
    project: v(g.total.project),
    mainProjects: e.mainProjects.map((m) => ({ name: m.name, amount: m.amount, outcome: m.outcome })),
    details,
  };

  // 六 基本支出 (公开06表): item names in the template's printed order, then codes it does not know.
  const rows = model.basicExpenseDetail.rows;
  const templateOrder = model.set.economic.columns.flatMap((c) => c.rows.map((r) => r.code));
  const order = [...templateOrder, ...[...rows.keys()].filter((c) => !templateOrder.includes(c))];
  const itemNames = (groups: string[]) =>
    order
      .filter((code) => code.length === 5 && groups.includes(code.slice(0, 3)))
      .map((code) => rows.get(code))
      .filter((r): r is NonNullable<typeof r> => r !== undefined && !r.isGroup && v(r.figure) !== 0 && r.name !== '')
      .map((r) => r.name);
  const basic = {
    total: v(g.total.basic),
    personnel: { total: v(model.basicExpenseDetail.personnelTotal), items: itemNames(model.set.economic.personnelGroups) },
    public: { total: v(model.basicExpenseDetail.publicTotal), items: itemNames(model.set.economic.publicGroups) },
  };

  // 七 政府性基金 (公开07表), 八 国有资本经营 (公开08表)
  const ft = model.fund.total;
  const fund = {
    empty: isEmptyTable(model.fund),
    income: v(ft.income),
    expense: v(ft.expenseTotal),
    basic: v(ft.basic),
    project: v(ft.project),
    carryForwardStart: v(ft.carryForwardStart),
    carryForwardEnd: v(ft.carryForwardEnd),
    change: change(v(ft.expenseTotal), prev.fundExpense, d),
    uses: nonZeroItemNames(model.fund, 'expenseTotal'),
  };
  const st = model.stateCapital.total;
  const stateCapital = {
    empty: isEmptyTable(model.stateCapital),
    expense: v(st.total),
    basic: v(st.basic),
    project: v(st.project),
    change: change(v(st.total), prev.stateCapitalExpense, d),
    uses: nonZeroItemNames(model.stateCapital, 'total'),
  };

  // 九 三公 (公开09表): a blank budget cell means nothing was budgeted.
  const tp = model.threePublic;
  const prevTp = previousThreePublic(prev.threePublic);
  const line = (budget: Figure, actual: Figure, previous: Cents | null): ThreePublicLine => ({
    budget: v(budget),
    actual: v(actual),
    completion: completion(v(actual), v(budget), d),
    change: change(v(actual), previous, d),
  });
  const threePublic = {
    total: line(tp.budget.total, tp.actual.total, prevTp.total),
    abroad: line(tp.budget.abroad, tp.actual.abroad, prevTp.abroad),
    vehicle: line(tp.budget.vehicleSubtotal, tp.actual.vehicleSubtotal, prevTp.vehicle),
    reception: line(tp.budget.reception, tp.actual.reception, prevTp.reception),
    purchase: v(tp.actual.vehiclePurchase),
    operation: v(tp.actual.vehicleOperation),
  };

  // 十 机关运行经费
  const operatingCosts =
    e.operatingCosts === undefined
      ? null
      : { amount: e.operatingCosts ?? 0, change: change(e.operatingCosts ?? 0, prev.operatingCosts, d) };

  // 十一 政府采购: the total is goods + works + services unless typed.
  let procurement: ProcurementFigures | null = null;
  if (e.procurement) {
    const pr = e.procurement;
    const goods = pr.goods ?? 0;
    const works = pr.works ?? 0;
    const services = pr.services ?? 0;
    const total = pr.total ?? goods + works + services;
    const sme = pr.smeTotal === undefined ? null : (pr.smeTotal ?? 0);
    const smallMicro = pr.smallMicro === undefined ? null : (pr.smallMicro ?? 0);
    const category = (key: 'goods' | 'works' | 'services', amount: Cents, smeAmount: Cents | null | undefined) => {
      const smeValue = smeAmount === undefined ? null : (smeAmount ?? 0);
      return { key, amount, sme: smeValue, share: smeValue === null ? null : percent(smeValue, amount, d) };
    };
    procurement = {
      total,
      goods,
      works,
      services,
      sme,
      smeShare: sme === null ? null : percent(sme, total, d),
      smallMicro,
      smallMicroShare: smallMicro === null || sme === null ? null : percent(smallMicro, sme, d),
      categories: [category('goods', goods, pr.smeGoods), category('works', works, pr.smeWorks), category('services', services, pr.smeServices)],
    };
  }

  // 十三 预算绩效: project figures come from the self-evaluation tables (performance.projects).
  let performance: NarrativeFigures['performance'] = null;
  if (p.performance) {
    const perf = p.performance;
    const projectExecuted = sum(perf.projects.map((x) => x.executed));
    performance = {
      projectCount: perf.projects.length,
      projectBudget: sum(perf.projects.map((x) => x.budget)),
      projectExecuted,
      coverage: percent(projectExecuted, v(g.total.project), d),
      overallBudget: perf.overall?.budget ?? null,
      overallExecuted: perf.overall?.executed ?? null,
      summaries: perf.projectSummaries.map((s) => {
        const table = perf.projects.find((x) => normalizeName(x.name) === normalizeName(s.name));
        return {
          name: s.name,
          budget: table?.budget ?? null,
          executed: table?.executed ?? null,
          rate: table ? percent(table.executed, table.budget, perf.rateDecimals) : null,
          outputs: s.outputs,
          problems: s.problems,
          improvements: s.improvements,
        };
      }),
    };
  }

  return {
    year,
    prevYear,
    decimals: d,
    grand,
    income,
    expense,
    fiscal,
    gpb,
    basic,
    fund,
    stateCapital,
    threePublic,
    operatingCosts,
    procurement,
    performance,
  };
}
