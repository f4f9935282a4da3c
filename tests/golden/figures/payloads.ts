/**
 * Payloads for the figure tests: the reference example, and a synthetic department with what the
 * reference lacks (several income sources, eight 类 with tiny shares, every 三公 category, budget
 * lines without spending and spending without budget).
 */
import example from '../../../examples/wuhan-jianghan-cyzx-2024.json';
import { Payload, type PayloadInput } from '../../../src/schema/payload';
import { deriveModel, type Model } from '../../../src/model/derive';

export { example };

const items: [code: string, name: string, basic: number, project: number, budget: number | null][] = [
  ['2010301', '行政运行', 612.4, 0, 640],
  ['2010350', '事业运行', 98.15, 0, 105.5],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出', 0, 843.27, 700],
  ['2050101', '行政运行', 0, 12.5, 15],
  ['2070101', '行政运行', 0, 3.08, null],
  ['2080505', '机关事业单位基本养老保险缴费支出', 88.8, 0, 92.1],
  ['2101101', '行政单位医疗', 31.64, 0, 30],
  ['2120101', '行政运行', 0, 126.9, 300],
  ['2130101', '行政运行', 0, 0.96, 0],
  ['2210201', '住房公积金', 68.7, 0, 70.2],
  ['2240101', '行政运行', 0, 1.2, 5],
  ['2240106', '安全监管', 0, 0, 20],
];

const cents = (x: number) => Math.round(x * 100);
const amount = (c: number) => (c / 100).toFixed(2);
const gpbTotal = items.reduce((sum, [, , b, p]) => sum + cents(b) + cents(p), 0);
const basicTotal = items.reduce((sum, [, , b]) => sum + cents(b), 0);

export const testPayload: PayloadInput = {
  schemaVersion: 1,
  meta: {
    department: '某市某区综合测试局',
    slug: 'test-bureau',
    fiscalYear: 2024,
    publishedOn: '2025-09-30',
  },
  tables: {
    summary: {
      income: {
        gpb: amount(gpbTotal),
        fund: '150.00',
        superiorSubsidy: '80.50',
        business: '320.25',
        other: '12.34',
        totalCurrent: amount(gpbTotal + 15000 + 8050 + 32025 + 1234),
        carryForwardStart: '100.00',
        grandTotal: amount(gpbTotal + 15000 + 8050 + 32025 + 1234 + 10000),
      },
      expense: {
        totalCurrent: amount(gpbTotal + 15000 + 8050 + 32025 + 1234 - 6309),
        carryForwardEnd: '163.09',
        grandTotal: amount(gpbTotal + 15000 + 8050 + 32025 + 1234 + 10000),
      },
    },
    income: { rows: [] },
    expense: {
      rows: [],
      total: {
        total: amount(gpbTotal + 15000 + 8050 + 32025 + 1234 - 6309),
        basic: amount(basicTotal + 30000),
        project: amount(gpbTotal - basicTotal + 15000 + 8050 + 32025 + 1234 - 6309 - 30000 - 5000),
        remitToSuperior: '50.00',
      },
    },
    gpbExpense: {
      rows: items
        .filter(([, , b, p]) => b + p > 0)
        .map(([code, name, basic, project]) => ({ code, name, basic: basic || null, project: project || null })),
    },
    threePublic: {
      budget: { abroad: '10.00', vehiclePurchase: '25.00', vehicleOperation: '8.50', reception: '3.20' },
      actual: { abroad: null, vehiclePurchase: '24.80', vehicleOperation: '7.93', reception: '1.06' },
    },
  },
  explanation: {
    previousYear: { grandTotal: '3102.66', fiscalGrandTotal: '1654.30' },
    annualBudget: {
      items: Object.fromEntries(
        items.filter(([, , , , budget]) => budget !== null).map(([code, , , , budget]) => [code, { budget: budget! }]),
      ),
    },
  },
};

export function modelOf(input: unknown): Model {
  return deriveModel(Payload.parse(input));
}

/** The example with another department name (rare characters, markup characters…). */
export function exampleWithDepartment(department: string): Model {
  return modelOf({ ...example, meta: { ...example.meta, department } });
}

/** A payload in which every figure is zero: 图2–图6 draw their "no data" panel. */
export const zeroPayload: PayloadInput = {
  schemaVersion: 1,
  meta: { department: '某空白单位', slug: 'blank-unit', fiscalYear: 2024, publishedOn: '2025-09-30' },
  tables: { income: { rows: [] }, expense: { rows: [] }, gpbExpense: { rows: [] } },
  explanation: { previousYear: { grandTotal: 0, fiscalGrandTotal: 0 } },
};
