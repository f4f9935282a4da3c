/**
 * From a parsed payload to the figures every table prints: "print what the payload says; derive
 * what it leaves out". Each figure keeps both the value to print and the value derived from the
 * figures below it, so the audit can compare them and the renderers never recompute anything.
 */
import type { Payload } from '../schema/payload';
import { sum, type Cents } from '../schema/money';
import {
  economicNames,
  findTemplateSet,
  functionalSubject,
  DEFAULT_TEMPLATE_SET,
  type TemplateSet,
} from './template-set';
import type { DataSpec } from './layout-schema';

/** One printed figure. */
export interface Figure {
  /** What the table prints (null: blank). */
  value: Cents | null;
  /** What the figures it sums to give, or null when nothing sums into it. */
  derived: Cents | null;
  /** True when the payload typed this figure; false when we derived it. */
  printed: boolean;
  /** JSON pointer of the payload field, or of the nearest payload object when derived. */
  path: string;
  /**
   * How many independently rounded printed amounts `value` is made of: 1 for a typed amount, 0 for
   * a blank, the parts' counts added up for a derived sum. The audit's 尾数误差 bound follows from it.
   */
  terms: number;
  /** The same count for `derived`. */
  derivedTerms: number;
}

/** A derived amount and how many printed amounts it adds up. */
export interface Derived {
  value: Cents | null;
  terms: number;
}

/** The value of a figure with its term count, for building sums. */
export function termsOf(f: Figure | undefined): Derived {
  return f ? { value: f.value, terms: f.terms } : { value: null, terms: 0 };
}

/** Σ of derived amounts: null when every one is blank, terms added up. */
export function dsum(parts: Derived[], options: { blankIsNull?: boolean } = {}): Derived {
  const anyValue = parts.some((p) => p.value !== null);
  const terms = parts.reduce((n, p) => n + p.terms, 0);
  if (!anyValue && options.blankIsNull !== false) return { value: null, terms: 0 };
  return { value: sum(parts.map((p) => p.value)), terms };
}

export type Level = 'class' | 'section' | 'item'; // 类 / 款 / 项

export interface FunctionalRow<C extends string> {
  code: string;
  name: string;
  /** True when the name comes from neither payload nor catalog. */
  nameMissing: boolean;
  level: Level;
  printed: boolean;
  /** JSON pointer of the payload row, or of the rows array when derived. */
  path: string;
  cells: Record<C, Figure>;
}

export interface FunctionalTableModel<C extends string> {
  columns: readonly C[];
  rows: FunctionalRow<C>[];
  total: Record<C, Figure>;
  /** Codes given more than once, with the pointers of every occurrence. */
  duplicates: { code: string; paths: string[] }[];
  /** Pointer of the table in the payload. */
  path: string;
}

/** Within-row identity of a functional table: `total` = Σ `parts`. */
export interface RowIdentity<C extends string> {
  total: C;
  parts: readonly C[];
}

export const INCOME_COLUMNS = [
  'total', 'fiscal', 'superiorSubsidy', 'business', 'operating', 'affiliatedRemit', 'other',
] as const;
export const EXPENSE_COLUMNS = [
  'total', 'basic', 'project', 'remitToSuperior', 'operating', 'subsidyToAffiliated',
] as const;
export const BASIC_PROJECT_COLUMNS = ['total', 'basic', 'project'] as const;
export const FUND_COLUMNS = [
  'carryForwardStart', 'income', 'expenseTotal', 'basic', 'project', 'carryForwardEnd',
] as const;

export type IncomeColumn = (typeof INCOME_COLUMNS)[number];
export type ExpenseColumn = (typeof EXPENSE_COLUMNS)[number];
export type BasicProjectColumn = (typeof BASIC_PROJECT_COLUMNS)[number];
export type FundColumn = (typeof FUND_COLUMNS)[number];

export const ROW_IDENTITIES = {
  income: { total: 'total', parts: INCOME_COLUMNS.slice(1) } as RowIdentity<IncomeColumn>,
  expense: { total: 'total', parts: EXPENSE_COLUMNS.slice(1) } as RowIdentity<ExpenseColumn>,
  gpbExpense: { total: 'total', parts: ['basic', 'project'] } as RowIdentity<BasicProjectColumn>,
  fund: { total: 'expenseTotal', parts: ['basic', 'project'] } as RowIdentity<FundColumn>,
  stateCapital: { total: 'total', parts: ['basic', 'project'] } as RowIdentity<BasicProjectColumn>,
} as const;

function figure(value: Cents | null | undefined, derived: Derived, path: string): Figure {
  const printed = value !== undefined;
  const typedTerms = value === undefined || value === null ? 0 : 1;
  return {
    value: printed ? (value ?? null) : derived.value,
    derived: derived.value,
    printed,
    path,
    terms: printed ? typedTerms : derived.terms,
    derivedTerms: derived.terms,
  };
}

const BLANK: Derived = { value: null, terms: 0 };

/** Sum, or null when every value is blank (a column with nothing in it stays blank). */
export function sumOrNull(values: (Cents | null)[]): Cents | null {
  return values.some((x) => x !== null) ? sum(values) : null;
}

/** Display value as a number, blank counting as zero. */
export function amountOf(f: Figure | undefined): Cents {
  return f?.value ?? 0;
}

function levelOf(code: string): Level {
  return code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
}

type RawRow = { code: string; name: string } & Record<string, unknown>;

/**
 * Builds a functional-classification table (公开02/03/05/07/08) from its payload rows.
 * @example deriveFunctionalTable(payload.tables.gpbExpense, BASIC_PROJECT_COLUMNS, ROW_IDENTITIES.gpbExpense, '/tables/gpbExpense')
 */
export function deriveFunctionalTable<C extends string>(
  table: { rows: RawRow[]; total?: Partial<Record<C, Cents | null>> },
  columns: readonly C[],
  identity: RowIdentity<C>,
  path: string,
): FunctionalTableModel<C> {
  const byCode = new Map<string, { raw: RawRow; index: number }>();
  const seen = new Map<string, string[]>();
  table.rows.forEach((raw, index) => {
    const pointer = `${path}/rows/${index}`;
    seen.set(raw.code, [...(seen.get(raw.code) ?? []), pointer]);
    if (!byCode.has(raw.code)) byCode.set(raw.code, { raw, index });
  });
  const duplicates = [...seen].filter(([, paths]) => paths.length > 1).map(([code, paths]) => ({ code, paths }));

  // Every ancestor of a given code exists as a row, printed or derived.
  const codes = new Set<string>();
  for (const code of byCode.keys()) {
    codes.add(code);
    if (code.length >= 5) codes.add(code.slice(0, 3));
    if (code.length === 7) codes.add(code.slice(0, 5));
  }
  const ordered = [...codes].sort();
  const childrenOf = (code: string) =>
    ordered.filter((c) => c.length === code.length + 2 && c.startsWith(code));

  const rows = new Map<string, FunctionalRow<C>>();
  // Deepest first, so parents can sum their children's printed values.
  for (const code of [...ordered].sort((a, b) => b.length - a.length || a.localeCompare(b))) {
    const entry = byCode.get(code);
    const rowPath = entry ? `${path}/rows/${entry.index}` : `${path}/rows`;
    const children = childrenOf(code).map((c) => rows.get(c)!);
    const cells = {} as Record<C, Figure>;
    for (const column of columns) {
      const derived = dsum(children.map((child) => termsOf(child.cells[column])));
      const typed = entry ? (entry.raw[column] as Cents | null | undefined) : undefined;
      // A printed row that leaves a column out gets the sum of its children; a leaf prints blank.
      cells[column] = figure(typed, derived, `${rowPath}/${column}`);
    }
    applyRowIdentity(cells, identity, entry !== undefined && entry.raw[identity.total] === undefined, `${rowPath}/${identity.total}`);
    const catalogName = functionalSubject(code)?.name;
    const name = entry?.raw.name ?? catalogName ?? '';
    rows.set(code, {
      code,
      name,
      nameMissing: name === '',
      level: levelOf(code),
      printed: entry !== undefined,
      path: entry ? rowPath : `${path}/rows`,
      cells,
    });
  }

  const classes = ordered.filter((c) => c.length === 3).map((c) => rows.get(c)!);
  const total = {} as Record<C, Figure>;
  for (const column of columns) {
    const derived = dsum(classes.map((row) => termsOf(row.cells[column])));
    total[column] = figure(table.total ? table.total[column] : undefined, derived, `${path}/total/${column}`);
  }
  applyRowIdentity(total, identity, table.total !== undefined && table.total[identity.total] === undefined, `${path}/total/${identity.total}`);

  return { columns, rows: ordered.map((c) => rows.get(c)!), total, duplicates, path };
}

/**
 * A row whose total column was left out gets it from its parts (e.g. 05 小计 = 基本 + 项目).
 * Rows that type the total keep it; the audit compares it with the parts.
 */
function applyRowIdentity<C extends string>(
  cells: Record<C, Figure>,
  identity: RowIdentity<C>,
  totalOmitted: boolean,
  path: string,
): void {
  const parts = dsum(identity.parts.map((p) => termsOf(cells[p])));
  const anyPart = parts.value !== null;
  const totalCell = cells[identity.total];
  const derivedCell = (): Figure => ({ value: parts.value, derived: parts.value, printed: false, path, terms: parts.terms, derivedTerms: parts.terms });
  if (totalOmitted && anyPart) {
    cells[identity.total] = derivedCell();
  } else if (!totalCell.printed && totalCell.value === null && anyPart) {
    cells[identity.total] = derivedCell();
  }
}

export interface SummaryModel {
  income: Record<
    | 'gpb' | 'fund' | 'stateCapital' | 'superiorSubsidy' | 'business' | 'operating' | 'affiliatedRemit'
    | 'other' | 'totalCurrent' | 'useOfNonFiscalBalance' | 'carryForwardStart' | 'grandTotal',
    Figure
  >;
  /** Keyed by 类 code: the template's fixed lines plus any other 类 the tables use. */
  expenseByClass: Map<string, Figure>;
  expense: Record<'totalCurrent' | 'balanceDistribution' | 'carryForwardEnd' | 'grandTotal', Figure>;
}

export type FiscalColumn = 'total' | 'gpb' | 'fund' | 'stateCapital';
export type FiscalFigures = Record<FiscalColumn, Figure>;

export interface FiscalSummaryModel {
  income: Record<'gpb' | 'fund' | 'stateCapital' | 'totalCurrent' | 'grandTotal', Figure> & {
    carryForwardStart: FiscalFigures;
  };
  expenseByClass: Map<string, FiscalFigures>;
  expense: Record<'totalCurrent' | 'carryForwardEnd' | 'grandTotal', FiscalFigures>;
}

export interface EconomicRowModel {
  code: string;
  name: string;
  figure: Figure;
  /** Group codes (3 digits) sum their 5-digit items. */
  isGroup: boolean;
  /** Whether the template set knows this code. */
  known: boolean;
}

export interface BasicExpenseDetailModel {
  rows: Map<string, EconomicRowModel>;
  personnelTotal: Figure;
  publicTotal: Figure;
}

export type ThreePublicKey = 'total' | 'abroad' | 'vehicleSubtotal' | 'vehiclePurchase' | 'vehicleOperation' | 'reception';
export type ThreePublicFigures = Record<ThreePublicKey, Figure>;

export interface Model {
  payload: Payload;
  set: TemplateSet;
  income: FunctionalTableModel<IncomeColumn>;
  expense: FunctionalTableModel<ExpenseColumn>;
  gpbExpense: FunctionalTableModel<BasicProjectColumn>;
  fund: FunctionalTableModel<FundColumn>;
  stateCapital: FunctionalTableModel<BasicProjectColumn>;
  summary: SummaryModel;
  fiscalSummary: FiscalSummaryModel;
  basicExpenseDetail: BasicExpenseDetailModel;
  threePublic: { budget: ThreePublicFigures; actual: ThreePublicFigures };
  /** Tables the template set declares (layouts with `data`), from tables.custom, by table key. */
  custom: Record<string, CustomTableModel>;
}

/** A table the template set declares: rows by 功能分类 code, or fixed lines, with declared columns. */
export interface CustomTableModel {
  key: string;
  data: DataSpec;
  /** rows = functional: 类/款/项 rows with derived rollups and a 合计 row. */
  functional?: FunctionalTableModel<string>;
  /** rows = lines: line key → column key → figure (every declared line and column present). */
  lines: Record<string, Record<string, Figure>>;
  /** Pointer of the table in the payload. */
  path: string;
}

/**
 * Derives every declared table of the set from payload.tables.custom: a column or line the
 * payload leaves out is blank, or — when an identity declares it a total — the sum of its parts.
 */
export function deriveCustomTables(payload: Payload, set: TemplateSet): Record<string, CustomTableModel> {
  const out: Record<string, CustomTableModel> = {};
  for (const [key, layout] of Object.entries(set.layouts)) {
    const data = layout.data;
    if (!data) continue;
    const path = `/tables/custom/${key}`;
    const given = Object.hasOwn(payload.tables.custom, key) ? payload.tables.custom[key] : undefined;
    const columns = data.columns.map((c) => c.key);
    const columnIdentities = (data.identities ?? []).filter((i) => i.kind === 'columns');
    const applyColumns = (cells: Record<string, Figure>, typed: Record<string, unknown> | undefined, cellPath: string) => {
      for (const identity of columnIdentities) {
        applyRowIdentity(cells, identity, typed !== undefined && typed[identity.total] === undefined, `${cellPath}/${identity.total}`);
      }
    };
    if (data.rows === 'functional') {
      const identity = columnIdentities[0] ?? { total: columns[0], parts: [] };
      const rows = (given?.rows ?? []).map((r) => ({
        code: r.code,
        name: r.name ?? functionalSubject(r.code)?.name ?? '',
        ...r.values,
      }));
      const table = deriveFunctionalTable({ rows, total: given?.total }, columns, identity, path);
      // The payload keeps a row's amounts under `values`: point findings there.
      for (const row of table.rows)
        for (const c of columns) row.cells[c] = { ...row.cells[c], path: row.cells[c].path.replace(/\/rows\/(\d+)\/([^/]+)$/, '/rows/$1/values/$2') };
      for (const row of table.rows) for (const identity of columnIdentities.slice(1)) applyRowIdentity(row.cells, identity, false, row.path);
      out[key] = { key, data, functional: table, lines: {}, path };
      continue;
    }
    const lines: Record<string, Record<string, Figure>> = {};
    for (const line of data.lines ?? []) {
      const typed = given?.lines && Object.hasOwn(given.lines, line.key) ? given.lines[line.key] : undefined;
      const cells: Record<string, Figure> = {};
      for (const c of columns) {
        const value = typed && Object.hasOwn(typed, c) ? typed[c] : undefined;
        cells[c] = figure(value, BLANK, `${path}/lines/${line.key}/${c}`);
      }
      lines[line.key] = cells;
    }
    // Line totals first (三公合计 = Σ items), then column totals in every line.
    for (const identity of (data.identities ?? []).filter((i) => i.kind === 'lines')) {
      const total = lines[identity.total];
      for (const c of columns) {
        if (total[c].printed) continue;
        const parts = dsum(identity.parts.map((p) => termsOf(lines[p][c])));
        total[c] = figure(undefined, parts, `${path}/lines/${identity.total}/${c}`);
      }
    }
    for (const line of data.lines ?? []) {
      const typed = given?.lines && Object.hasOwn(given.lines, line.key) ? given.lines[line.key] : undefined;
      applyColumns(lines[line.key], typed, `${path}/lines/${line.key}`);
    }
    out[key] = { key, data, lines, path };
  }
  return out;
}

function classValue<C extends string>(table: FunctionalTableModel<C>, code: string, column: C): Derived {
  return termsOf(table.rows.find((r) => r.code === code)?.cells[column]);
}

function fiscalFigures(
  typed: Partial<Record<FiscalColumn, Cents | null>> | undefined,
  derived: Record<Exclude<FiscalColumn, 'total'>, Derived>,
  path: string,
): FiscalFigures {
  const gpb = figure(typed ? typed.gpb : undefined, derived.gpb, `${path}/gpb`);
  const fund = figure(typed ? typed.fund : undefined, derived.fund, `${path}/fund`);
  const stateCapital = figure(typed ? typed.stateCapital : undefined, derived.stateCapital, `${path}/stateCapital`);
  const totalDerived = dsum([gpb, fund, stateCapital].map(termsOf));
  return { total: figure(typed ? typed.total : undefined, totalDerived, `${path}/total`), gpb, fund, stateCapital };
}

/** Returns null when the amount is zero, so that derived zeros print blank like the official format. */
function blankIfZero(d: Derived): Derived {
  return d.value === 0 ? BLANK : d;
}

/** a + b − c … as a derived amount: blank counts as zero, terms add up. */
function combine(plus: Figure[], minus: Figure[] = []): Derived {
  const terms = [...plus, ...minus].reduce((n, f) => n + f.terms, 0);
  return { value: plus.reduce((a, f) => a + amountOf(f), 0) - minus.reduce((a, f) => a + amountOf(f), 0), terms };
}

type Tables = Payload['tables'];
/** The five 功能分类 tables (公开02, 03, 05, 07, 08), derived first: every other table reads them. */
type FunctionalTables = Pick<Model, 'income' | 'expense' | 'gpbExpense' | 'fund' | 'stateCapital'>;

function deriveFunctionalTables(t: Tables): FunctionalTables {
  return {
    income: deriveFunctionalTable(t.income, INCOME_COLUMNS, ROW_IDENTITIES.income, '/tables/income'),
    expense: deriveFunctionalTable(t.expense, EXPENSE_COLUMNS, ROW_IDENTITIES.expense, '/tables/expense'),
    gpbExpense: deriveFunctionalTable(t.gpbExpense, BASIC_PROJECT_COLUMNS, ROW_IDENTITIES.gpbExpense, '/tables/gpbExpense'),
    fund: deriveFunctionalTable(t.fund, FUND_COLUMNS, ROW_IDENTITIES.fund, '/tables/fund'),
    stateCapital: deriveFunctionalTable(t.stateCapital, BASIC_PROJECT_COLUMNS, ROW_IDENTITIES.stateCapital, '/tables/stateCapital'),
  };
}

/** Every 类 code the summary tables 01 and 04 list: the template set's, the functional tables', the typed ones. */
function summaryClassCodes(set: TemplateSet, t: Tables, tables: FunctionalTables): Set<string> {
  const classCodes = new Set(set.classLines.map((c) => c.code));
  for (const table of [tables.expense, tables.gpbExpense, tables.fund, tables.stateCapital]) {
    for (const row of table.rows) if (row.level === 'class') classCodes.add(row.code);
  }
  for (const code of Object.keys(t.summary.expenseByClass)) classCodes.add(code);
  for (const code of Object.keys(t.fiscalSummary.expenseByClass)) classCodes.add(code);
  return classCodes;
}

const FS_PATH = '/tables/fiscalSummary';

/** 公开04表, expense side: by 类, 本年支出合计, 年末结转和结余, 总计. */
function deriveFiscalExpense(fs: Tables['fiscalSummary'], classCodes: Set<string>, tables: FunctionalTables): FiscalSummaryModel['expense'] & { byClass: Map<string, FiscalFigures> } {
  const { gpbExpense, fund, stateCapital } = tables;
  const byClass = new Map<string, FiscalFigures>();
  for (const code of [...classCodes].sort()) {
    byClass.set(
      code,
      fiscalFigures(
        fs.expenseByClass[code],
        {
          gpb: classValue(gpbExpense, code, 'total'),
          fund: classValue(fund, code, 'expenseTotal'),
          stateCapital: classValue(stateCapital, code, 'total'),
        },
        `${FS_PATH}/expenseByClass/${code}`,
      ),
    );
  }
  const columnSum = (column: Exclude<FiscalColumn, 'total'>) =>
    blankIfZero(dsum([...byClass.values()].map((f) => termsOf(f[column])), { blankIsNull: false }));
  const totalCurrent = fiscalFigures(
    fs.expense.totalCurrent,
    { gpb: columnSum('gpb'), fund: columnSum('fund'), stateCapital: columnSum('stateCapital') },
    `${FS_PATH}/expense/totalCurrent`,
  );
  const carryForwardEnd = fiscalFigures(
    fs.expense.carryForwardEnd,
    { gpb: BLANK, fund: blankIfZero(termsOf(fund.total.carryForwardEnd)), stateCapital: BLANK },
    `${FS_PATH}/expense/carryForwardEnd`,
  );
  const grandTotal = fiscalFigures(
    fs.expense.grandTotal,
    {
      gpb: blankIfZero(combine([totalCurrent.gpb, carryForwardEnd.gpb])),
      fund: blankIfZero(combine([totalCurrent.fund, carryForwardEnd.fund])),
      stateCapital: blankIfZero(combine([totalCurrent.stateCapital, carryForwardEnd.stateCapital])),
    },
    `${FS_PATH}/expense/grandTotal`,
  );
  return { byClass, totalCurrent, carryForwardEnd, grandTotal };
}

/** 公开04表: income by source is spending of the year plus the change in carry-forwards of that source. */
function deriveFiscalSummary(fs: Tables['fiscalSummary'], classCodes: Set<string>, tables: FunctionalTables): FiscalSummaryModel {
  const { gpbExpense, fund, stateCapital } = tables;
  const carryForwardStart = fiscalFigures(
    fs.income.carryForwardStart,
    { gpb: BLANK, fund: blankIfZero(termsOf(fund.total.carryForwardStart)), stateCapital: BLANK },
    `${FS_PATH}/income/carryForwardStart`,
  );
  const { byClass, totalCurrent, carryForwardEnd, grandTotal } = deriveFiscalExpense(fs, classCodes, tables);
  const incomeGpb = figure(
    fs.income.gpb,
    blankIfZero(combine([gpbExpense.total.total, carryForwardEnd.gpb], [carryForwardStart.gpb])),
    `${FS_PATH}/income/gpb`,
  );
  const incomeFund = figure(fs.income.fund, blankIfZero(termsOf(fund.total.income)), `${FS_PATH}/income/fund`);
  const incomeStateCapital = figure(
    fs.income.stateCapital,
    blankIfZero(combine([stateCapital.total.total, carryForwardEnd.stateCapital], [carryForwardStart.stateCapital])),
    `${FS_PATH}/income/stateCapital`,
  );
  const incomeTotal = figure(
    fs.income.totalCurrent,
    blankIfZero(combine([incomeGpb, incomeFund, incomeStateCapital])),
    `${FS_PATH}/income/totalCurrent`,
  );
  return {
    income: {
      gpb: incomeGpb,
      fund: incomeFund,
      stateCapital: incomeStateCapital,
      totalCurrent: incomeTotal,
      carryForwardStart,
      grandTotal: figure(fs.income.grandTotal, blankIfZero(combine([incomeTotal, carryForwardStart.total])), `${FS_PATH}/income/grandTotal`),
    },
    expenseByClass: byClass,
    expense: { totalCurrent, carryForwardEnd, grandTotal },
  };
}

const S_PATH = '/tables/summary';

/** 公开01表, income side: 财政拨款 lines from 公开04表, the others from 公开02表. */
function deriveSummaryIncome(s: Tables['summary'], income: FunctionalTables['income'], fiscal: FiscalSummaryModel['income']): SummaryModel['income'] {
  const incomeTotals = income.total;
  const si = {
    gpb: figure(s.income.gpb, termsOf(fiscal.gpb), `${S_PATH}/income/gpb`),
    fund: figure(s.income.fund, termsOf(fiscal.fund), `${S_PATH}/income/fund`),
    stateCapital: figure(s.income.stateCapital, termsOf(fiscal.stateCapital), `${S_PATH}/income/stateCapital`),
    superiorSubsidy: figure(s.income.superiorSubsidy, termsOf(incomeTotals.superiorSubsidy), `${S_PATH}/income/superiorSubsidy`),
    business: figure(s.income.business, termsOf(incomeTotals.business), `${S_PATH}/income/business`),
    operating: figure(s.income.operating, termsOf(incomeTotals.operating), `${S_PATH}/income/operating`),
    affiliatedRemit: figure(s.income.affiliatedRemit, termsOf(incomeTotals.affiliatedRemit), `${S_PATH}/income/affiliatedRemit`),
    other: figure(s.income.other, termsOf(incomeTotals.other), `${S_PATH}/income/other`),
  };
  const siTotal = figure(s.income.totalCurrent, blankIfZero(combine(Object.values(si))), `${S_PATH}/income/totalCurrent`);
  const siUse = figure(s.income.useOfNonFiscalBalance, BLANK, `${S_PATH}/income/useOfNonFiscalBalance`);
  const siStart = figure(s.income.carryForwardStart, BLANK, `${S_PATH}/income/carryForwardStart`);
  return {
    ...si,
    totalCurrent: siTotal,
    useOfNonFiscalBalance: siUse,
    carryForwardStart: siStart,
    grandTotal: figure(s.income.grandTotal, blankIfZero(combine([siTotal, siUse, siStart])), `${S_PATH}/income/grandTotal`),
  };
}

/** 公开01表: income as above, expense by 类 from 公开03表. */
function deriveSummary(s: Tables['summary'], classCodes: Set<string>, tables: FunctionalTables, fiscal: FiscalSummaryModel): SummaryModel {
  const summaryByClass = new Map<string, Figure>();
  for (const code of [...classCodes].sort()) {
    summaryByClass.set(code, figure(s.expenseByClass[code], classValue(tables.expense, code, 'total'), `${S_PATH}/expenseByClass/${code}`));
  }
  const seTotal = figure(
    s.expense.totalCurrent,
    blankIfZero(combine([...summaryByClass.values()])),
    `${S_PATH}/expense/totalCurrent`,
  );
  const seDistribution = figure(s.expense.balanceDistribution, BLANK, `${S_PATH}/expense/balanceDistribution`);
  const seEnd = figure(s.expense.carryForwardEnd, BLANK, `${S_PATH}/expense/carryForwardEnd`);
  return {
    income: deriveSummaryIncome(s, tables.income, fiscal.income),
    expenseByClass: summaryByClass,
    expense: {
      totalCurrent: seTotal,
      balanceDistribution: seDistribution,
      carryForwardEnd: seEnd,
      grandTotal: figure(s.expense.grandTotal, blankIfZero(combine([seTotal, seDistribution, seEnd])), `${S_PATH}/expense/grandTotal`),
    },
  };
}

/** 公开06表: 款 rows as typed, 类 groups summed from them unless typed, the two totals from the set's groups. */
function deriveBasicExpenseDetail(detail: Tables['basicExpenseDetail'], set: TemplateSet): BasicExpenseDetailModel {
  const names = economicNames(set);
  const items = detail.items;
  const econCodes = new Set<string>([...names.keys(), ...Object.keys(items)]);
  for (const code of Object.keys(items)) if (code.length === 5) econCodes.add(code.slice(0, 3));
  const econRows = new Map<string, EconomicRowModel>();
  const dPath = '/tables/basicExpenseDetail';
  for (const code of [...econCodes].sort()) {
    if (code.length !== 5) continue;
    const typed = Object.hasOwn(items, code) ? items[code] : undefined;
    econRows.set(code, {
      code,
      name: names.get(code) ?? '',
      figure: figure(typed, BLANK, `${dPath}/items/${code}`),
      isGroup: false,
      known: names.has(code),
    });
  }
  for (const code of [...econCodes].sort()) {
    if (code.length !== 3) continue;
    const children = [...econRows.values()].filter((r) => !r.isGroup && r.code.startsWith(code));
    const derived = dsum(children.map((c) => termsOf(c.figure)));
    econRows.set(code, {
      code,
      name: names.get(code) ?? '',
      figure: figure(Object.hasOwn(items, code) ? items[code] : undefined, derived, `${dPath}/items/${code}`),
      isGroup: true,
      known: names.has(code),
    });
  }
  const groupSum = (groups: string[]) => dsum(groups.map((g) => termsOf(econRows.get(g)?.figure)));
  return {
    rows: econRows,
    personnelTotal: figure(detail.personnelTotal, groupSum(set.economic.personnelGroups), `${dPath}/personnelTotal`),
    publicTotal: figure(detail.publicTotal, groupSum(set.economic.publicGroups), `${dPath}/publicTotal`),
  };
}

/** 公开09表, one column (预算数 or 决算数): the 公务用车 subtotal and the total summed unless typed. */
function deriveThreePublicFigures(typed: Tables['threePublic']['budget'], path: string): ThreePublicFigures {
  const abroad = figure(typed.abroad, BLANK, `${path}/abroad`);
  const vehiclePurchase = figure(typed.vehiclePurchase, BLANK, `${path}/vehiclePurchase`);
  const vehicleOperation = figure(typed.vehicleOperation, BLANK, `${path}/vehicleOperation`);
  const reception = figure(typed.reception, BLANK, `${path}/reception`);
  const vehicleParts = [vehiclePurchase, vehicleOperation];
  const vehicleSubtotal = figure(
    typed.vehicleSubtotal,
    dsum(vehicleParts.map(termsOf)),
    `${path}/vehicleSubtotal`,
  );
  const parts = [abroad, vehicleSubtotal, reception];
  const total = figure(typed.total, dsum(parts.map(termsOf)), `${path}/total`);
  return { total, abroad, vehicleSubtotal, vehiclePurchase, vehicleOperation, reception };
}

/**
 * Resolves every table of a parsed payload.
 * @example const model = deriveModel(Payload.parse(json)); model.gpbExpense.total.total.value // 151958
 */
export function deriveModel(payload: Payload): Model {
  const set = findTemplateSet(payload.templateSet) ?? findTemplateSet(DEFAULT_TEMPLATE_SET)!;
  const t = payload.tables;
  const tables = deriveFunctionalTables(t);
  const classCodes = summaryClassCodes(set, t, tables);
  const fiscalSummary = deriveFiscalSummary(t.fiscalSummary, classCodes, tables);
  const summary = deriveSummary(t.summary, classCodes, tables, fiscalSummary);
  const basicExpenseDetail = deriveBasicExpenseDetail(t.basicExpenseDetail, set);
  const threePublic = {
    budget: deriveThreePublicFigures(t.threePublic.budget, '/tables/threePublic/budget'),
    actual: deriveThreePublicFigures(t.threePublic.actual, '/tables/threePublic/actual'),
  };
  const custom = deriveCustomTables(payload, set);
  const { income, expense, gpbExpense, fund, stateCapital } = tables;
  return { payload, set, income, expense, gpbExpense, fund, stateCapital, summary, fiscalSummary, basicExpenseDetail, threePublic, custom };
}
