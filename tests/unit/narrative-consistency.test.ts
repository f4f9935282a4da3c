/**
 * Every number printed in 第三部分 and 第五部分 must be traced to the payload or to a figure derived
 * from it. The rendered HTML is stripped of tags, every number is pulled out with a regex, and each
 * one is checked against what this test derives on its own from the model:
 *   - amounts: figures the tables print, amounts the payload types, the few sums the text states
 *     (Σ of the self-evaluation tables, Σ of 年初预算 items, 财政拨款收入 = the three 财政拨款 lines,
 *     the previous year's 三公 parts, 政府采购 goods + works + services), and the difference between
 *     such an amount and a previous-year figure (与上年相比 增加/减少);
 *   - percentages: a/b with b a total or budget (shares, completion; a detail row of a functional
 *     table is never a denominator) or |a−prev|/prev (change rates), rounded half-up with
 *     options.percentDecimals; performance.rateDecimals only for a self-evaluation table's
 *     executed/budget — a truncated value or any other precision fails;
 *   - integers: the years, the payload's counts, the number of evaluated projects, the date parts;
 *   - numbers inside payload text (reasons, outputs…), which are printed as typed.
 * List numbering ("1." / "（1）") and figure numbers ("图1") are removed first. Nothing else passes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveModel, type Model } from '../../src/model/derive';
import { formatAmountText, percent, type Cents } from '../../src/schema/money';
import { Payload } from '../../src/schema/payload';
import { renderGlossarySection, renderNarrativeSection } from '../../src/render/narrative';
import { DEFAULT_PARAMS } from '../../src/render/output';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';
import minimal from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';

const NUMBER = /\d+(?:\.\d+)?%?/g;
const textAmount = (c: Cents) => (c === 0 ? '0' : formatAmountText(c));

function isFigure(x: unknown): x is { value: Cents | null } {
  return !!x && typeof x === 'object' && 'value' in x && 'printed' in x && 'path' in x;
}

/** Every `Figure.value` in the model (tables as printed); without the detail rows when `rows` is false. */
function modelAmounts(model: Model, into: Set<Cents>, rows = true): void {
  const seen = new Set<unknown>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (isFigure(x)) {
      if (x.value !== null) into.add(x.value);
      return;
    }
    const entries = x instanceof Map ? [...x.entries()] : Object.entries(x);
    for (const [key, v] of entries) if (rows || key !== 'rows') walk(v);
  };
  const { payload: _payload, set: _set, ...tables } = model;
  walk(tables);
}

function walkPayload(x: unknown, numbers: (n: number) => void, strings: (s: string) => void): void {
  if (typeof x === 'number') numbers(x);
  else if (typeof x === 'string') strings(x);
  else if (Array.isArray(x)) x.forEach((v) => walkPayload(v, numbers, strings));
  else if (x && typeof x === 'object') Object.values(x).forEach((v) => walkPayload(v, numbers, strings));
}

interface Allowed {
  /** Amounts the text may state: base amounts and differences of two of them. */
  amounts: Set<Cents>;
  /** Every number token allowed without a % sign. */
  plain: Set<string>;
  /** Every percentage allowed (without the % sign). */
  percents: Set<string>;
}

function allowedNumbers(model: Model): Allowed {
  const p = model.payload;
  const e = p.explanation;
  const sum = (xs: (Cents | null | undefined)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  // Totals and budgets: every model figure except the functional tables' detail rows, every amount
  // the payload types outside the tables, and the sums the text states.
  const wholes = new Set<Cents>([0]);
  modelAmounts(model, wholes, false);
  walkPayload(e, (n) => wholes.add(n), () => {});
  walkPayload(p.performance, (n) => wholes.add(n), () => {});
  if (p.performance) {
    wholes.add(sum(p.performance.projects.map((x) => x.budget)));
    wholes.add(sum(p.performance.projects.map((x) => x.executed)));
  }
  wholes.add(sum(Object.values(e.annualBudget.items).map((i) => i.budget)));
  const si = model.summary.income;
  wholes.add(sum([si.gpb.value, si.fund.value, si.stateCapital.value]));
  if (e.procurement) wholes.add(sum([e.procurement.goods, e.procurement.works, e.procurement.services]));
  // Previous-year figures: the only denominators of change rates.
  const previous = new Set<Cents>();
  walkPayload(e.previousYear, (n) => previous.add(n), () => {});
  const tp = e.previousYear.threePublic;
  if (tp) {
    const vehicle = tp.vehicleSubtotal ?? sum([tp.vehiclePurchase, tp.vehicleOperation]);
    previous.add(vehicle).add(sum([tp.abroad, vehicle, tp.reception]));
  }
  for (const x of previous) wholes.add(x);
  // Every amount that may be printed: the wholes and the detail rows.
  const base = new Set(wholes);
  modelAmounts(model, base);

  const d = p.options.percentDecimals;
  const amounts = new Set(base);
  const percents = new Set<string>();
  for (const a of base) {
    for (const b of wholes) {
      const share = percent(a, b, d);
      if (share !== null) percents.add(share);
    }
    for (const prev of previous) {
      amounts.add(Math.abs(a - prev));
      const rate = percent(Math.abs(a - prev), prev, d);
      if (rate !== null) percents.add(rate);
    }
  }
  // performance.rateDecimals is for the self-evaluation tables' 执行率 only (executed / budget).
  for (const x of p.performance?.projects ?? []) {
    const rate = percent(x.executed, x.budget, p.performance!.rateDecimals);
    if (rate !== null) percents.add(rate);
  }
  const plain = new Set<string>();
  for (const c of amounts) plain.add(textAmount(c));

  // Integers: years, counts, date parts, the fixed wording "100 万元以上设备".
  const year = p.meta.fiscalYear;
  [year, e.comparisonYear ?? year - 1, 12, 31, 100].forEach((n) => plain.add(String(n)));
  const detail = e.threePublicDetail;
  [detail.vehiclesPurchased, detail.vehiclesHeld, detail.receptionBatches, detail.receptionPeople, detail.abroadGroups, detail.abroadPeople].forEach(
    (n) => n !== undefined && plain.add(String(n)),
  );
  if (e.assets) {
    [e.assets.vehicles, e.assets.equipmentOver1m, ...e.assets.vehicleBreakdown.map((b) => b.count)].forEach(
      (n) => n !== undefined && plain.add(String(n)),
    );
    if (e.assets.asOf) e.assets.asOf.split('-').forEach((part) => plain.add(String(Number(part))));
  }
  if (p.performance) {
    plain.add(String(p.performance.projects.length));
    plain.add(String(p.performance.projectSummaries.length));
  }
  // Numbers inside payload text are printed as typed.
  walkPayload(p, () => {}, (s) => (s.match(NUMBER) ?? []).forEach((t) => plain.add(t)));

  return { amounts, plain, percents };
}

function visibleText(html: string): string {
  return html
    .replace(/<span class="no">[^<]*<\/span>/g, ' ') // list numbering
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/图\s*\d+/g, '图'); // figure numbers
}

/** The numbers of the rendered narrative and glossary that trace to nothing. */
function strayNumbers(model: Model): string[] {
  const ctx = { params: DEFAULT_PARAMS };
  const text = visibleText(renderNarrativeSection(model, ctx) + renderGlossarySection(model, ctx));
  const allowed = allowedNumbers(model);
  const stray: string[] = [];
  for (const token of text.match(NUMBER) ?? []) {
    // Payload text is printed as typed ("网格化案件上报率98%").
    if (allowed.plain.has(token)) continue;
    if (token.endsWith('%') && allowed.percents.has(token.slice(0, -1))) continue;
    stray.push(token);
  }
  return stray;
}

function modelOf(json: unknown): Model {
  return deriveModel(Payload.parse(json));
}

describe('every number in the narrative is traced', () => {
  it('in the reference example', () => {
    const model = modelOf(example);
    const ctx = { params: DEFAULT_PARAMS };
    const tokens = visibleText(renderNarrativeSection(model, ctx)).match(NUMBER) ?? [];
    expect(tokens.length).toBeGreaterThan(150);
    expect(strayNumbers(model)).toEqual([]);
  });

  it('in the minimal example', () => {
    expect(strayNumbers(modelOf(minimal))).toEqual([]);
  });

  it('catches a stray number (the check is not vacuous)', () => {
    const model = modelOf(example);
    const allowed = allowedNumbers(model);
    expect(allowed.plain.has('1519.58')).toBe(true);
    expect(allowed.plain.has('1519.59')).toBe(false);
    expect(allowed.percents.has('23.42')).toBe(true);
    expect(allowed.percents.has('684.34')).toBe(true);
    expect(allowed.percents.has('23.4')).toBe(false); // another precision
    expect(allowed.percents.has('684.33')).toBe(false); // truncated
    expect(allowed.percents.has('462')).toBe(false); // a "percentage" of a zero budget
    expect(allowed.percents.has('98')).toBe(true); // 监督员政府购岗费 执行率 (rateDecimals 0)
    expect(allowed.percents.has('29')).toBe(false); // 0 decimals only for 执行率
    // How loose is it? About 1 in 10 random two-decimal percentages below 100% happens to trace.
    let traced = 0;
    for (let i = 0; i < 10000; i++) if (allowed.percents.has((i / 100).toFixed(2))) traced++;
    expect(traced).toBeLessThan(1200);
  });

  it('in generated variants (random amounts, zero and missing budgets and years, 1–4 decimals)', () => {
    const cents = fc.integer({ min: 0, max: 5_000_000 });
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
    const yuan = (c: Cents) => formatAmountText(c);
    fc.assert(
      fc.property(
        fc.record({
          items: fc.array(fc.record({ basic: cents, project: cents, business: cents }), { minLength: 3, maxLength: 3 }),
          budgets: fc.array(fc.oneof(fc.constant<'none' | 'zero' | 'same'>('none'), fc.constant('zero'), fc.constant('same'), cents), {
            minLength: 3,
            maxLength: 3,
          }),
          previous: fc.array(maybe(cents), { minLength: 8, maxLength: 8 }),
          threePublic: fc.array(fc.oneof(fc.constant(0), cents), { minLength: 8, maxLength: 8 }),
          threePublicPrevious: maybe(fc.array(fc.oneof(fc.constant(0), cents), { minLength: 3, maxLength: 3 })),
          procurement: fc.array(fc.oneof(fc.constant(0), cents), { minLength: 3, maxLength: 3 }),
          operatingCosts: maybe(cents),
          decimals: fc.integer({ min: 0, max: 4 }),
          rateDecimals: fc.integer({ min: 0, max: 2 }),
          sameAsCurrent: fc.boolean(),
        }),
        (r) => {
          const codes = [
            ['2010301', '行政运行'],
            ['2010350', '事业运行'],
            ['2210201', '住房公积金'],
          ];
          const gpbRows = codes.map(([code, name], i) => ({ code, name, basic: yuan(r.items[i].basic), project: yuan(r.items[i].project) }));
          const gpbTotals = r.items.map((x) => x.basic + x.project);
          const total = gpbTotals.reduce((a, b) => a + b, 0) + r.items.reduce((a, x) => a + x.business, 0);
          const prev = r.previous.map((p) => (r.sameAsCurrent && p !== undefined ? total : p));
          const items: Record<string, { budget: string; reason?: string }> = {};
          r.budgets.forEach((b, i) => {
            if (b === 'none') return;
            const budget = b === 'zero' ? 0 : b === 'same' ? gpbTotals[i] : b;
            items[codes[i][0]] = { budget: yuan(budget), reason: `原因${i + 1}` };
          });
          const [ab, vpb, vob, rb, aa, vpa, voa, ra] = r.threePublic;
          const [goods, works, services] = r.procurement;
          const payload = {
            schemaVersion: 1,
            meta: { department: '生成单位', slug: 'gen', fiscalYear: 2024, publishedOn: '2025-06-30' },
            tables: {
              income: {
                rows: codes.map(([code, name], i) => ({
                  code,
                  name,
                  fiscal: yuan(gpbTotals[i]),
                  business: yuan(r.items[i].business),
                })),
              },
              expense: {
                rows: codes.map(([code, name], i) => ({
                  code,
                  name,
                  basic: yuan(r.items[i].basic),
                  project: yuan(r.items[i].project + r.items[i].business),
                })),
              },
              gpbExpense: { rows: gpbRows },
              threePublic: {
                budget: { abroad: yuan(ab), vehiclePurchase: yuan(vpb), vehicleOperation: yuan(vob), reception: yuan(rb) },
                actual: { abroad: yuan(aa), vehiclePurchase: yuan(vpa), vehicleOperation: yuan(voa), reception: yuan(ra) },
              },
            },
            explanation: {
              previousYear: {
                grandTotal: prev[0] === undefined ? undefined : yuan(prev[0]),
                incomeTotal: prev[1] === undefined ? undefined : yuan(prev[1]),
                expenseTotal: prev[2] === undefined ? undefined : yuan(prev[2]),
                fiscalGrandTotal: prev[3] === undefined ? undefined : yuan(prev[3]),
                gpbIncome: prev[4] === undefined ? undefined : yuan(prev[4]),
                gpbExpense: prev[5] === undefined ? undefined : yuan(prev[5]),
                operatingCosts: prev[6] === undefined ? undefined : yuan(prev[6]),
                threePublic: r.threePublicPrevious
                  ? { abroad: yuan(r.threePublicPrevious[0]), vehicleOperation: yuan(r.threePublicPrevious[1]), reception: yuan(r.threePublicPrevious[2]) }
                  : undefined,
              },
              reasons: { grandTotal: '职能调整', vehicle: '车辆老旧' },
              annualBudget: { items },
              threePublicDetail: { vehiclesHeld: 2, receptionBatches: 3 },
              operatingCosts: r.operatingCosts === undefined ? undefined : yuan(r.operatingCosts),
              procurement: {
                goods: yuan(goods),
                works: yuan(works),
                services: yuan(services),
                smeTotal: yuan(Math.floor((goods + works + services) / 2)),
                smallMicro: yuan(Math.floor((goods + works + services) / 5)),
                smeGoods: yuan(Math.floor(goods / 3)),
                smeServices: yuan(services),
              },
            },
            performance: {
              rateDecimals: r.rateDecimals,
              projects: [
                { name: '项目甲', supervisor: '生成单位', implementer: '办公室', projectType: '经常性项目', fundingSource: '部门预算项目', budget: yuan(r.items[0].project + 1), executed: yuan(r.items[0].project) },
              ],
              projectSummaries: [{ name: '项目甲', outputs: ['完成率95%'] }],
            },
            options: { percentDecimals: r.decimals },
          };
          const model = modelOf(JSON.parse(JSON.stringify(payload)));
          const ctx = { params: DEFAULT_PARAMS };
          const html = renderNarrativeSection(model, ctx);
          expect(html).not.toMatch(/undefined|NaN|null|大小于|\{|\}/);
          expect(strayNumbers(model)).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 20241231 },
    );
  });
});
