/**
 * Payloads as a department's software prints them: exact amounts in 元, every printed cell (项, 款,
 * 类, 合计, the 01/04 lines, each 06 line and its totals) rounded on its own, half-up, to 0.01 万元.
 * The exact amounts satisfy every identity; only rounding separates the printed ones. The audit must
 * never call such a payload wrong, and must catch anything 0.01 beyond its 尾数误差 bound.
 */
import type { Json } from './helpers';
import { minimal } from './helpers';

/** Round half-up from 元 to integer 0.01 万元 (100 元). */
export const roundYuan = (yuan: number): number => Math.floor((yuan + 50) / 100);

/** Round half-to-even from 元 to 0.01 万元: some software does this instead. */
export const roundYuanEven = (yuan: number): number => {
  const q = Math.floor(yuan / 100);
  const r = yuan - q * 100;
  return r > 50 || (r === 50 && q % 2 === 1) ? q + 1 : q;
};

/** A cell: blank when nothing was spent, else the rounded amount (a small one prints as 0.00). */
const cell = (yuan: number, round: (yuan: number) => number): string | null =>
  yuan === 0 ? null : (round(yuan) / 100).toFixed(2);

const NAMES: Record<string, string> = {
  '201': '一般公共服务支出',
  '20103': '政府办公厅（室）及相关机构事务',
  '2010302': '一般行政管理事务',
  '2010350': '事业运行',
  '2010399': '其他政府办公厅（室）及相关机构事务支出',
  '20104': '发展与改革事务',
  '2010402': '一般行政管理事务',
  '208': '社会保障和就业支出',
  '20805': '行政事业单位养老支出',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '210': '卫生健康支出',
  '21011': '行政事业单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '221': '住房保障支出',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
  '2210202': '提租补贴',
  '2210203': '购房补贴',
};
export const PROJECT_ITEMS = ['2010302', '2010399', '2010402'];
export const BASIC_ITEMS = ['2010350', '2080505', '2101102', '2101103', '2210201', '2210202', '2210203'];
export const PERSONNEL = ['30101', '30102', '30106', '30107', '30108', '30110', '30111', '30112', '30113'];
export const PUBLIC = ['30201', '30203', '30207', '30211', '30213', '30228', '30229', '30299'];

export interface YuanTables {
  /** 元 per 项 of 项目支出. */
  project: number[];
  /** 元 per 06 item (PERSONNEL then PUBLIC); 30231 is fixed at 8,700 元 (09 prints 0.87). */
  detail: number[];
  /** Cut points in [0, 1) splitting Σ06 over the 基本支出 项. */
  cuts: number[];
}

/**
 * Builds the full payload. `round` is the rounding rule of the department's software.
 * @example roundedPayload({ project: [1e6, 2e5, 3], detail: [...], cuts: [...] })
 */
export function roundedPayload(y: YuanTables, round: (yuan: number) => number = roundYuan): Json {
  const detail = new Map<string, number>();
  [...PERSONNEL, ...PUBLIC].forEach((code, i) => detail.set(code, y.detail[i] ?? 0));
  detail.set('30231', 8700);
  const basicTotal = [...detail.values()].reduce((a, b) => a + b, 0);
  // Split the 基本支出 total (exactly) over the 基本 项 at the cut points.
  const cuts = [...y.cuts].sort((a, b) => a - b).map((c) => Math.floor(c * basicTotal));
  const bounds = [0, ...cuts.slice(0, BASIC_ITEMS.length - 1), basicTotal];
  const basic = new Map<string, number>();
  BASIC_ITEMS.forEach((code, i) => basic.set(code, bounds[i + 1] - bounds[i]));
  const project = new Map<string, number>();
  PROJECT_ITEMS.forEach((code, i) => project.set(code, y.project[i] ?? 0));

  const codes = Object.keys(NAMES).sort();
  const exact = (code: string, kind: 'basic' | 'project') => {
    const m = kind === 'basic' ? basic : project;
    let s = 0;
    for (const [c, yuan] of m) if (c.startsWith(code)) s += yuan;
    return s;
  };
  const rows = (withIncome: boolean) =>
    codes.map((code) => {
      const b = exact(code, 'basic');
      const p = exact(code, 'project');
      return withIncome
        ? { code, name: NAMES[code], total: cell(b + p, round), fiscal: cell(b + p, round) }
        : { code, name: NAMES[code], total: cell(b + p, round), basic: cell(b, round), project: cell(p, round) };
    });
  const B = basicTotal;
  const P = [...project.values()].reduce((a, b) => a + b, 0);
  const T = B + P;
  const classes = codes.filter((c) => c.length === 3);
  const base = minimal();
  const personnel = PERSONNEL.reduce((a, c) => a + (detail.get(c) ?? 0), 0);
  const pub = B - personnel;
  base.tables = {
    summary: {
      income: { gpb: cell(T, round), totalCurrent: cell(T, round), grandTotal: cell(T, round) },
      expenseByClass: Object.fromEntries(classes.map((c) => [c, cell(exact(c, 'basic') + exact(c, 'project'), round)])),
      expense: { totalCurrent: cell(T, round), grandTotal: cell(T, round) },
    },
    income: { rows: rows(true), total: { total: cell(T, round), fiscal: cell(T, round) } },
    expense: { rows: rows(false), total: { total: cell(T, round), basic: cell(B, round), project: cell(P, round) } },
    fiscalSummary: {
      income: { gpb: cell(T, round), totalCurrent: cell(T, round), grandTotal: cell(T, round) },
      expenseByClass: Object.fromEntries(
        classes.map((c) => {
          const v = cell(exact(c, 'basic') + exact(c, 'project'), round);
          return [c, { total: v, gpb: v }];
        }),
      ),
      expense: { totalCurrent: { total: cell(T, round), gpb: cell(T, round) }, grandTotal: { total: cell(T, round), gpb: cell(T, round) } },
    },
    gpbExpense: { rows: rows(false), total: { total: cell(T, round), basic: cell(B, round), project: cell(P, round) } },
    basicExpenseDetail: {
      items: {
        ...Object.fromEntries([...detail].map(([c, yuan]) => [c, cell(yuan, round)])),
        '301': cell(personnel, round),
        '302': cell(pub, round),
      },
      personnelTotal: cell(personnel, round),
      publicTotal: cell(pub, round),
    },
    threePublic: base.tables.threePublic,
  };
  return base;
}
