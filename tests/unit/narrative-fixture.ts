/** The small department the narrative variant tests edit field by field. */
import { deriveModel } from '../../src/model/derive';
import { Payload, type PayloadInput } from '../../src/schema/payload';
import { buildNarrative } from '../../src/render/narrative';

/** A small department: 400 万元 in total (370 财政拨款 + 30 事业收入), up from 350. */
export function variantPayload(): PayloadInput {
  return {
    schemaVersion: 1,
    meta: { department: '某市某区测试局', slug: 'test-ju', fiscalYear: 2024, publishedOn: '2025-09-30', contactPhone: '027-12345678' },
    tables: {
      income: {
        rows: [
          { code: '2010301', name: '行政运行', total: 300, fiscal: 300 },
          { code: '2010350', name: '事业运行', total: 80, fiscal: 50, business: 30 },
          { code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: 20, fiscal: 20 },
        ],
      },
      expense: {
        rows: [
          { code: '2010301', name: '行政运行', total: 300, basic: 300 },
          { code: '2010350', name: '事业运行', total: 80, basic: 60, project: 20 },
          { code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: 20, basic: 20 },
        ],
      },
      gpbExpense: {
        rows: [
          { code: '2010301', name: '行政运行', total: 300, basic: 300 },
          { code: '2010350', name: '事业运行', total: 50, basic: 30, project: 20 },
          { code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: 20, basic: 20 },
        ],
      },
      basicExpenseDetail: { items: { '30101': 200, '30102': 100, '30201': 40, '30231': 10 } },
      threePublic: {
        budget: { abroad: 5, vehiclePurchase: 20, vehicleOperation: 5, reception: 2 },
        actual: { abroad: 4, vehiclePurchase: 18, vehicleOperation: 4.5, reception: 1.2 },
      },
    },
    explanation: {
      previousYear: {
        grandTotal: 350,
        incomeTotal: 350,
        expenseTotal: 350,
        fiscalGrandTotal: 320,
        gpbIncome: 320,
        gpbExpense: 370,
        threePublic: { abroad: 0, vehiclePurchase: 0, vehicleOperation: 6, reception: 1.2 },
        operatingCosts: 10,
      },
      reasons: {
        grandTotal: '新增城市管理职能。',
        expense: '人员增加',
        threePublic: '新购置执法车辆',
        vehicle: '新购置执法车辆',
        abroad: '赴港开展学习交流',
      },
      annualBudget: {
        items: {
          '2010301': { budget: 0, reason: '机构新设，年中追加经费' },
          '2010350': { budget: 50, reason: '（预算与决算相等时不应出现）' },
          '2080505': { budget: 25 },
        },
      },
      threePublicDetail: {
        vehiclesPurchased: 1,
        vehiclesHeld: 3,
        vehicleOperationBreakdown: [
          { item: '燃料费', amount: 2.5 },
          { item: '维修费', amount: 2 },
        ],
        abroadGroups: 1,
        abroadPeople: 3,
        receptionBatches: 2,
        receptionPeople: 15,
      },
      operatingCosts: 12.34,
      procurement: { goods: 10, works: 0, services: 5, smeTotal: 12, smallMicro: 0, smeGoods: 8, smeServices: 4 },
      assets: {
        vehicles: 3,
        vehicleBreakdown: [
          { kind: '执法执勤用车', count: 2 },
          { kind: '其他用车', count: 1 },
        ],
        equipmentOver1m: 1,
      },
    },
  } as PayloadInput;
}

/** The payload as plain JSON, so each case can edit any field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Mutable = any;

export function render(edit: (p: Mutable) => void = () => {}) {
  const payload = structuredClone(variantPayload()) as Mutable;
  edit(payload);
  const part = buildNarrative(deriveModel(Payload.parse(payload)));
  const section = (n: number) =>
    part.sections[n - 1].blocks.flatMap((b) => (b.kind === 'paragraph' ? [`${b.marker ? b.marker.text + b.marker.gap : ''}${b.text}`] : []));
  return { part, section };
}

