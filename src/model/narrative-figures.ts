/**
 * Figures the 情况说明 (第三部分) states in words: year-on-year changes, shares, completion rates.
 * Every one is computed here from the model in exact cents — nothing in the text is typed by hand —
 * so the renderer only chooses words and formats, and the audit can reuse the same numbers.
 *
 * Percentages are strings already rounded half-up (money.ts `percent`), because the rounded string
 * is what the reader sees and what the sentence variant depends on (e.g. 100.00% vs 大于/小于).
 */
import type { Payload } from '../schema/payload';
import { amountOf, type Figure, type FunctionalTableModel, type Model } from './derive';
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
  /** Why 决算 differs from 年初预算: a cause. A "reason" that only names a use is moved to `uses`. */
  reason: string | undefined;
  /** What the 项 was spent on ("主要用于…"): the payload's `uses`, else a reason that only names a use. */
  uses: string | undefined;
}

/** 年初预算 against 决算 of one kind of 财政拨款: the total and each 项, grouped by 类. */
export interface BudgetDetails {
  budget: Completion;
  /** Why the total differs from its 年初预算 (a cause; a use-only text is dropped from the cause slot). */
  reason: string | undefined;
  details: ClassDetail[];
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

export type ReservedKey = 'dedicated' | 'reserved' | 'other';

export interface ProcurementFigures {
  /** How the 中小企业 contracts were awarded (专门面向 / 预留份额 / 其他), each with its share of `sme`. */
  reservedSplit: Share<ReservedKey>[];
  total: Cents;
  goods: Cents;
  works: Cents;
  services: Cents;
  sme: Cents | null;
  smeShare: string | null;
  smallMicro: Cents | null;
  /** Share of the 中小企业 amount (the 2020+ national wording). */
  smallMicroShare: string | null;
  /** Share of the procurement total (older and some regional wordings). */
  smallMicroShareOfTotal: string | null;
  categories: { key: 'goods' | 'works' | 'services'; amount: Cents; sme: Cents | null; share: string | null }[];
}

export interface ProjectSummaryFigures {
  name: string;
  budget: Cents | null;
  executed: Cents | null;
  rate: string | null;
  score: number | null;
  grade: string | null;
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
    /** Why the total differs from 年初预算 (explanation.annualBudget.reason). */
    budgetReason: string | undefined;
    basic: Cents;
    project: Cents;
    /** Projects as uses of 项目支出: `amount` is what was spent, `budget` the full-year budget when given. */
    mainProjects: { name: string; amount: Cents; budget: Cents | null; outcome?: string }[];
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
    /** null when the payload gives no 年初预算 for 政府性基金 (explanation.fundBudget). */
    budget: BudgetDetails | null;
  };
  stateCapital: {
    empty: boolean;
    expense: Cents;
    basic: Cents;
    project: Cents;
    change: Change | null;
    uses: string[];
    budget: BudgetDetails | null;
  };
  threePublic: {
    total: ThreePublicLine;
    abroad: ThreePublicLine;
    vehicle: ThreePublicLine;
    reception: ThreePublicLine;
    /** 公务用车购置费 / 运行维护费 决算数. */
    purchase: Cents;
    operation: Cents;
    /** The two vehicle sub-items with their budgets and year-on-year changes. */
    purchaseLine: ThreePublicLine;
    operationLine: ThreePublicLine;
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
    /** Whether count and amount were typed (performance.management) rather than counted from the forms. */
    typed: boolean;
    level1Count: number | null;
    level2Count: number | null;
    overallCount: number | null;
    departmentEvaluations: { count: number; amount: Cents | null } | null;
    fiscalEvaluations: { count: number; amount: Cents | null } | null;
    overallBudget: Cents | null;
    overallExecuted: Cents | null;
    overallRate: string | null;
    overallScore: number | null;
    overallGrade: string | null;
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
    if (amountOf(row.cells[column]) === 0 || row.name === '') continue;
    if (!names.includes(row.name)) names.push(row.name);
  }
  return names;
}

/** Words that make a text a cause (something changed, was added, cut, delayed…), not just a use. */
const CAUSE_WORDS = /减少|增加|增长|下降|调整|改革|追加|压减|压缩|节约|导致|由于|因(?!公)|未|新增|变动|调动|退休|延期|推迟|结转|不足|提高|降低|取消|暂停|疫情|政策|要求|实际|按照|根据/u;
/** How a use ends: a project, a fund, a fee. */
const USE_ENDINGS = /(?:项目|经费|费用|费|资金|专项|补助|补贴|工程|建设|购置|支出)$/u;

/**
 * Whether a "reason" only names what the money was spent on ("走访慰问专项经费"), not why 决算
 * differs from 年初预算. Such a text reads as a use ("主要用于走访慰问专项经费"), never as
 * "主要原因是：走访慰问专项经费". True when it is one of the payload's project names, or a short
 * phrase ending like a use, with no clause break and no word of change or cause.
 * @example isUseNotCause('走访慰问专项经费', []) // true
 * @example isUseNotCause('机构改革，人员和项目减少', []) // false
 */
export function isUseNotCause(text: string, projectNames: readonly string[]): boolean {
  const t = normalizeName(text).replace(/[。；;，,、.\s]+$/u, '');
  if (t === '') return false;
  const bare = (n: string) => normalizeName(n).replace(/项目$/u, '');
  if (projectNames.some((n) => bare(n) === bare(t))) return true;
  if (/[，,；;。：:]/u.test(t) || t.length > 40) return false;
  return USE_ENDINGS.test(t) && !CAUSE_WORDS.test(t);
}

/** Project names the payload knows (第三部分 main projects, self-evaluation forms and summaries). */
export function projectNames(p: Payload): string[] {
  const perf = p.performance;
  return [
    ...p.explanation.mainProjects.map((m) => m.name),
    ...(perf?.projects.map((x) => x.name) ?? []),
    ...(perf?.projectSummaries.map((x) => x.name) ?? []),
  ];
}

type BudgetSpec = Payload['explanation']['annualBudget'];

/**
 * 年初预算 vs 决算 for one table of 项 rows (05, 07 or 08): the total's completion and one detail per
 * 项 that has an amount or a non-zero budget, grouped by 类 in table order.
 */
function budgetDetails<C extends string>(
  table: FunctionalTableModel<C>,
  column: C,
  spec: BudgetSpec,
  names: readonly string[],
  d: number,
): BudgetDetails {
  const items = spec.items;
  const codes = Object.keys(items);
  const total =
    spec.total !== undefined && spec.total !== null ? spec.total : codes.length > 0 ? sum(codes.map((c) => items[c].budget)) : null;
  const details: ClassDetail[] = [];
  for (const row of table.rows) {
    if (row.level !== 'item') continue;
    const item = Object.hasOwn(items, row.code) ? items[row.code] : undefined;
    const actual = amountOf(row.cells[column]);
    if (actual === 0 && (item === undefined || item.budget === 0)) continue;
    const classCode = row.code.slice(0, 3);
    let cls = details.find((c) => c.code === classCode);
    if (!cls) {
      cls = { code: classCode, name: rowName(table, classCode), items: [] };
      details.push(cls);
    }
    const reasonIsUse = item?.reason !== undefined && isUseNotCause(item.reason, names);
    cls.items.push({
      code: row.code,
      className: cls.name,
      sectionName: rowName(table, row.code.slice(0, 5)),
      itemName: row.name,
      actual,
      completion: completion(actual, item?.budget, d),
      reason: reasonIsUse ? undefined : item?.reason,
      uses: item?.uses ?? (reasonIsUse ? item?.reason : undefined),
    });
  }
  const reason = spec.reason !== undefined && !isUseNotCause(spec.reason, names) ? spec.reason : undefined;
  return { budget: completion(amountOf(table.total[column]), total, d), reason, details };
}

function isEmptyTable<C extends string>(table: FunctionalTableModel<C>): boolean {
  const allZero = (cells: Record<C, Figure>) => table.columns.every((c) => amountOf(cells[c]) === 0);
  return allZero(table.total) && table.rows.every((r) => allZero(r.cells));
}

function rowName<C extends string>(table: FunctionalTableModel<C>, code: string): string {
  return table.rows.find((r) => r.code === code)?.name ?? '';
}

function previousThreePublic(prev: Payload['explanation']['previousYear']['threePublic']) {
  if (!prev) return { total: null, abroad: null, vehicle: null, reception: null, purchase: null, operation: null };
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
  return {
    total,
    abroad: given(prev.abroad),
    vehicle,
    reception: given(prev.reception),
    purchase: given(prev.vehiclePurchase),
    operation: given(prev.vehicleOperation),
  };
}

/** What every section reads: the payload's explanation, the previous year's figures and the precision. */
function sectionInputs(model: Model) {
  const e = model.payload.explanation;
  return { e, prev: e.previousYear, d: model.payload.options.percentDecimals };
}

/** 一 收、支总计 (公开01表). */
function grandFigures(model: Model): GrandTotals {
  const { prev, d } = sectionInputs(model);
  const grandIncome = amountOf(model.summary.income.grandTotal);
  const grandExpense = amountOf(model.summary.expense.grandTotal);
  return {
    income: grandIncome,
    expense: grandExpense,
    equal: grandIncome === grandExpense,
    incomeChange: change(grandIncome, prev.grandTotal, d),
    expenseChange: change(grandExpense, prev.grandTotal, d),
  };
}

/** 二 收入 (公开01表: 财政拨款收入 is the three 财政拨款 lines together, as in 公开02表). */
function incomeFigures(model: Model): NarrativeFigures['income'] {
  const { prev, d } = sectionInputs(model);
  const si = model.summary.income;
  const incomeTotal = amountOf(si.totalCurrent);
  return {
    total: incomeTotal,
    change: change(incomeTotal, prev.incomeTotal, d),
    sources: shares<IncomeSourceKey>(
      [
        ['fiscal', amountOf(si.gpb) + amountOf(si.fund) + amountOf(si.stateCapital)],
        ['superiorSubsidy', amountOf(si.superiorSubsidy)],
        ['business', amountOf(si.business)],
        ['operating', amountOf(si.operating)],
        ['affiliatedRemit', amountOf(si.affiliatedRemit)],
        ['other', amountOf(si.other)],
      ],
      incomeTotal,
      d,
    ),
  };
}

/** 三 支出 (total from 公开01表, split from 公开03表). */
function expenseFigures(model: Model): NarrativeFigures['expense'] {
  const { prev, d } = sectionInputs(model);
  const expenseTotal = amountOf(model.summary.expense.totalCurrent);
  const et = model.expense.total;
  return {
    total: expenseTotal,
    change: change(expenseTotal, prev.expenseTotal, d),
    parts: shares<ExpensePartKey>(
      [
        ['basic', amountOf(et.basic)],
        ['project', amountOf(et.project)],
        ['remitToSuperior', amountOf(et.remitToSuperior)],
        ['operating', amountOf(et.operating)],
        ['subsidyToAffiliated', amountOf(et.subsidyToAffiliated)],
      ],
      expenseTotal,
      d,
    ),
  };
}

/** 四 财政拨款 (公开04表). */
function fiscalFigures(model: Model): NarrativeFigures['fiscal'] {
  const { prev, d } = sectionInputs(model);
  const fs = model.fiscalSummary;
  const fiscalIncome = amountOf(fs.income.grandTotal);
  const fiscalExpense = amountOf(fs.expense.grandTotal.total);
  const gpbIncome = amountOf(fs.income.gpb);
  return {
    income: fiscalIncome,
    expense: fiscalExpense,
    equal: fiscalIncome === fiscalExpense,
    incomeChange: change(fiscalIncome, prev.fiscalGrandTotal, d),
    expenseChange: change(fiscalExpense, prev.fiscalGrandTotal, d),
    gpbIncome,
    gpbIncomeChange: change(gpbIncome, prev.gpbIncome, d),
    otherIncome: (
      [
        ['fund', amountOf(fs.income.fund)],
        ['stateCapital', amountOf(fs.income.stateCapital)],
      ] as const
    )
      .filter(([, amount]) => amount !== 0)
      .map(([key, amount]) => ({ key, amount })),
  };
}

/** The 类 of 公开05表 with an amount, each with the 项 it was used for (explanation.classUses when valid). */
function classUses(model: Model): ClassUse[] {
  const { e, d } = sectionInputs(model);
  const g = model.gpbExpense;
  const gpbTotal = amountOf(g.total.total);
  return g.rows
    .filter((r) => r.level === 'class' && amountOf(r.cells.total) !== 0)
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
        amount: amountOf(r.cells.total),
        share: percent(amountOf(r.cells.total), gpbTotal, d),
        uses: uses.length > 0 ? uses : tableUses,
        rejectedUses,
      };
    });
}

/** 五 一般公共预算财政拨款支出 (公开05表). */
function gpbFigures(model: Model, names: readonly string[]): NarrativeFigures['gpb'] {
  const { e, prev, d } = sectionInputs(model);
  const g = model.gpbExpense;
  const gpbTotal = amountOf(g.total.total);
  const expenseTotal = amountOf(model.summary.expense.totalCurrent);
  const gpbBudget = budgetDetails(g, 'total', e.annualBudget, names, d);
  return {
    total: gpbTotal,
    shareOfExpense: percent(gpbTotal, expenseTotal, d),
    change: change(gpbTotal, prev.gpbExpense, d),
    classes: classUses(model),
    budget: gpbBudget.budget,
    budgetReason: gpbBudget.reason,
    basic: amountOf(g.total.basic),
    project: amountOf(g.total.project),
    mainProjects: e.mainProjects.map((m) => ({ name: m.name, amount: m.amount, budget: m.budget ?? null, outcome: m.outcome })),
    details: gpbBudget.details,
  };
}

/** 六 基本支出 (公开06表): item names in the template's printed order, then codes it does not know. */
function basicFigures(model: Model): NarrativeFigures['basic'] {
  const rows = model.basicExpenseDetail.rows;
  const templateOrder = model.set.economic.columns.flatMap((c) => c.rows.map((r) => r.code));
  const order = [...templateOrder, ...[...rows.keys()].filter((c) => !templateOrder.includes(c))];
  const itemNames = (groups: string[]) =>
    order
      .filter((code) => code.length === 5 && groups.includes(code.slice(0, 3)))
      .map((code) => rows.get(code))
      .filter((r): r is NonNullable<typeof r> => r !== undefined && !r.isGroup && amountOf(r.figure) !== 0 && r.name !== '')
      .map((r) => r.name);
  return {
    total: amountOf(model.gpbExpense.total.basic),
    personnel: { total: amountOf(model.basicExpenseDetail.personnelTotal), items: itemNames(model.set.economic.personnelGroups) },
    public: { total: amountOf(model.basicExpenseDetail.publicTotal), items: itemNames(model.set.economic.publicGroups) },
  };
}

/** 七 政府性基金 (公开07表). */
function fundFigures(model: Model, names: readonly string[]): NarrativeFigures['fund'] {
  const { e, prev, d } = sectionInputs(model);
  const ft = model.fund.total;
  return {
    empty: isEmptyTable(model.fund),
    income: amountOf(ft.income),
    expense: amountOf(ft.expenseTotal),
    basic: amountOf(ft.basic),
    project: amountOf(ft.project),
    carryForwardStart: amountOf(ft.carryForwardStart),
    carryForwardEnd: amountOf(ft.carryForwardEnd),
    change: change(amountOf(ft.expenseTotal), prev.fundExpense, d),
    uses: nonZeroItemNames(model.fund, 'expenseTotal'),
    budget: e.fundBudget ? budgetDetails(model.fund, 'expenseTotal', e.fundBudget, names, d) : null,
  };
}

/** 八 国有资本经营 (公开08表). */
function stateCapitalFigures(model: Model, names: readonly string[]): NarrativeFigures['stateCapital'] {
  const { e, prev, d } = sectionInputs(model);
  const st = model.stateCapital.total;
  return {
    empty: isEmptyTable(model.stateCapital),
    expense: amountOf(st.total),
    basic: amountOf(st.basic),
    project: amountOf(st.project),
    change: change(amountOf(st.total), prev.stateCapitalExpense, d),
    uses: nonZeroItemNames(model.stateCapital, 'total'),
    budget: e.stateCapitalBudget ? budgetDetails(model.stateCapital, 'total', e.stateCapitalBudget, names, d) : null,
  };
}

/** 九 三公 (公开09表): a blank budget cell means nothing was budgeted. */
function threePublicFigures(model: Model): NarrativeFigures['threePublic'] {
  const { prev, d } = sectionInputs(model);
  const tp = model.threePublic;
  const prevTp = previousThreePublic(prev.threePublic);
  const line = (budget: Figure, actual: Figure, previous: Cents | null): ThreePublicLine => ({
    budget: amountOf(budget),
    actual: amountOf(actual),
    completion: completion(amountOf(actual), amountOf(budget), d),
    change: change(amountOf(actual), previous, d),
  });
  return {
    total: line(tp.budget.total, tp.actual.total, prevTp.total),
    abroad: line(tp.budget.abroad, tp.actual.abroad, prevTp.abroad),
    vehicle: line(tp.budget.vehicleSubtotal, tp.actual.vehicleSubtotal, prevTp.vehicle),
    reception: line(tp.budget.reception, tp.actual.reception, prevTp.reception),
    purchase: amountOf(tp.actual.vehiclePurchase),
    operation: amountOf(tp.actual.vehicleOperation),
    purchaseLine: line(tp.budget.vehiclePurchase, tp.actual.vehiclePurchase, prevTp.purchase),
    operationLine: line(tp.budget.vehicleOperation, tp.actual.vehicleOperation, prevTp.operation),
  };
}

/** 十 机关运行经费: null when the payload does not give it. */
function operatingCostsFigures(model: Model): NarrativeFigures['operatingCosts'] {
  const { e, prev, d } = sectionInputs(model);
  return e.operatingCosts === undefined
    ? null
    : { amount: e.operatingCosts ?? 0, change: change(e.operatingCosts ?? 0, prev.operatingCosts, d) };
}

/** 十一 政府采购: the total is goods + works + services unless typed. */
function procurementFigures(model: Model): ProcurementFigures | null {
  const { e, d } = sectionInputs(model);
  if (!e.procurement) return null;
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
  return {
    total,
    goods,
    works,
    services,
    sme,
    smeShare: sme === null ? null : percent(sme, total, d),
    smallMicro,
    smallMicroShare: smallMicro === null || sme === null ? null : percent(smallMicro, sme, d),
    smallMicroShareOfTotal: smallMicro === null ? null : percent(smallMicro, total, d),
    categories: [category('goods', goods, pr.smeGoods), category('works', works, pr.smeWorks), category('services', services, pr.smeServices)],
    reservedSplit:
      sme === null
        ? []
        : (
            [
              ['dedicated', pr.smeDedicated],
              ['reserved', pr.smeReserved],
              ['other', pr.smeOther],
            ] as const
          )
            .filter(([, amount]) => amount !== undefined)
            .map(([key, amount]) => ({ key, amount: amount ?? 0, share: percent(amount ?? 0, sme, d) })),
  };
}

type PerformanceInput = NonNullable<Payload['performance']>;

/** One 项目 summary of 十三, with its figures from the matching self-evaluation table. */
function projectSummaries(perf: PerformanceInput, d: number): ProjectSummaryFigures[] {
  return perf.projectSummaries.map((s) => {
    const table = perf.projects.find((x) => normalizeName(x.name) === normalizeName(s.name));
    return {
      name: s.name,
      budget: table?.budget ?? null,
      executed: table?.executed ?? null,
      rate: table ? percent(table.executed, table.budget, d) : null,
      score: table?.score ?? null,
      grade: table?.grade ?? null,
      outputs: s.outputs,
      problems: s.problems,
      improvements: s.improvements,
    };
  });
}

/** 十三 预算绩效: project figures come from the self-evaluation tables (performance.projects). */
function performanceFigures(model: Model): NarrativeFigures['performance'] {
  const { d } = sectionInputs(model);
  const perf = model.payload.performance;
  if (!perf) return null;
  const mg = perf.management;
  const typedAmount = mg?.projectAmount === undefined ? undefined : (mg.projectAmount ?? 0);
  const projectExecuted = typedAmount ?? sum(perf.projects.map((x) => x.executed));
  const scope = (x: { count: number; amount?: Cents | null } | undefined) =>
    x ? { count: x.count, amount: x.amount === undefined ? null : (x.amount ?? 0) } : null;
  const overallBudget = perf.overall?.budget ?? null;
  const overallExecuted = perf.overall?.executed ?? null;
  return {
    projectCount: mg?.projectCount ?? perf.projects.length,
    projectBudget: sum(perf.projects.map((x) => x.budget)),
    projectExecuted,
    // Rates in 第三部分 follow the document's one precision rule (options.percentDecimals).
    coverage: percent(projectExecuted, amountOf(model.gpbExpense.total.project), d),
    typed: mg?.projectCount !== undefined || typedAmount !== undefined,
    level1Count: mg?.level1Count ?? null,
    level2Count: mg?.level2Count ?? null,
    overallCount: mg?.overallCount ?? null,
    departmentEvaluations: scope(mg?.departmentEvaluations),
    fiscalEvaluations: scope(mg?.fiscalEvaluations),
    overallBudget,
    overallExecuted,
    overallRate: overallBudget !== null && overallExecuted !== null ? percent(overallExecuted, overallBudget, d) : null,
    overallScore: perf.overall?.score ?? null,
    overallGrade: perf.overall?.grade ?? null,
    summaries: projectSummaries(perf, d),
  };
}

/**
 * Every figure of 第三部分, from a derived model.
 * @example deriveNarrativeFigures(model).gpb.budget.rate // "57.28"
 */
export function deriveNarrativeFigures(model: Model): NarrativeFigures {
  const { e, d } = sectionInputs(model);
  const year = model.payload.meta.fiscalYear;
  const names = projectNames(model.payload);
  return {
    year,
    prevYear: e.comparisonYear ?? year - 1,
    decimals: d,
    grand: grandFigures(model),
    income: incomeFigures(model),
    expense: expenseFigures(model),
    fiscal: fiscalFigures(model),
    gpb: gpbFigures(model, names),
    basic: basicFigures(model),
    fund: fundFigures(model, names),
    stateCapital: stateCapitalFigures(model, names),
    threePublic: threePublicFigures(model),
    operatingCosts: operatingCostsFigures(model),
    procurement: procurementFigures(model),
    performance: performanceFigures(model),
  };
}
