/**
 * The 尾数误差 bound: ⌊terms / 2⌋ × 0.01 万元 for a comparison of `terms` printed amounts (each
 * within ±0.005 万元 of its exact 元 amount). Property tests: tables rounded from 元 never exceed it,
 * and 0.01 beyond it is always an error. `options.tolerance` can only narrow it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundingBound } from '../../../src/audit/context';
import { Payload } from '../../../src/schema/payload';
import { byRule, full, run, type Json } from './helpers';
import { BASIC_ITEMS, PERSONNEL, PROJECT_ITEMS, PUBLIC, roundedPayload, roundYuan, roundYuanEven, type YuanTables } from './rounded';

/** 元 amounts from 0 to 20 million, often tiny (they print as 0.00) or sitting on a .5 tie. */
const yuan = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 20_000_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 49_999 }).map((k) => k * 100 + 50) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 149 }) },
  { weight: 1, arbitrary: fc.constant(0) },
);
const tables: fc.Arbitrary<YuanTables> = fc.record({
  project: fc.array(yuan, { minLength: PROJECT_ITEMS.length, maxLength: PROJECT_ITEMS.length }),
  detail: fc.array(yuan, { minLength: PERSONNEL.length + PUBLIC.length, maxLength: PERSONNEL.length + PUBLIC.length }),
  cuts: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: BASIC_ITEMS.length - 1, maxLength: BASIC_ITEMS.length - 1 }),
});

describe('roundingBound', () => {
  it('is ⌊terms/2⌋: two prints of one amount may differ by 0.01, a total of n parts by ⌊(n+1)/2⌋ × 0.01', () => {
    expect([0, 1, 2, 3, 4, 5, 10, 11].map(roundingBound)).toEqual([0, 0, 1, 1, 2, 2, 5, 5]);
  });

  it('covers every sum of n figures rounded from 元 (half-up or half-even) against its rounded total', () => {
    fc.assert(
      fc.property(fc.array(yuan, { minLength: 1, maxLength: 40 }), fc.boolean(), (parts, even) => {
        const round = even ? roundYuanEven : roundYuan;
        const printedTotal = round(parts.reduce((a, b) => a + b, 0));
        const printedSum = parts.reduce((a, p) => a + round(p), 0);
        expect(Math.abs(printedTotal - printedSum)).toBeLessThanOrEqual(roundingBound(parts.length + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('is reached: half-even rounding of n + 1 ties gives exactly ⌊(n+1)/2⌋ × 0.01 (so it is not loose)', () => {
    // n parts of 150 元 (0.015 万元) each round up to 0.02 under half-even; for n ≡ 3 (mod 4) their
    // exact total 0.015n is a tie that rounds down: every one of the n + 1 figures is off by 0.005.
    for (const n of [3, 7, 11]) {
      const parts = Array.from({ length: n }, () => 150);
      const total = roundYuanEven(150 * n);
      const printed = parts.reduce((a, p) => a + roundYuanEven(p), 0);
      expect(Math.abs(total - printed)).toBe(roundingBound(n + 1));
    }
  });
});

describe('the audit on tables rounded from 元', () => {
  it('never reports an error for a payload whose every cell is rounded on its own (half-up and half-even)', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), (y, even) => {
        const findings = run(roundedPayload(y, even ? roundYuanEven : roundYuan));
        const errors = findings.filter((f) => f.severity === 'error');
        expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
        for (const f of findings.filter((x) => x.message.includes('相差'))) expect(f.message).toContain('尾数误差');
      }),
      { numRuns: 60 },
    );
  });

  const cents = (v: string | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 100));
  /** A printed total, the rule that checks it, and its printed parts (null: blank). */
  const TOTALS: { path: string; rule: string; get: (p: Json) => string | null; set: (p: Json, v: string) => void; parts: (p: Json) => (string | null)[] }[] = [
    {
      path: '/tables/gpbExpense/total/total', rule: 'rollup.total',
      get: (p) => p.tables.gpbExpense.total.total, set: (p, v) => { p.tables.gpbExpense.total.total = v; },
      parts: (p) => p.tables.gpbExpense.rows.filter((r: Json) => r.code.length === 3).map((r: Json) => r.total),
    },
    {
      path: '/tables/expense/total/basic', rule: 'rollup.total',
      get: (p) => p.tables.expense.total.basic, set: (p, v) => { p.tables.expense.total.basic = v; },
      parts: (p) => p.tables.expense.rows.filter((r: Json) => r.code.length === 3).map((r: Json) => r.basic),
    },
    {
      path: '/tables/basicExpenseDetail/items/302', rule: 'detail.group',
      get: (p) => p.tables.basicExpenseDetail.items['302'], set: (p, v) => { p.tables.basicExpenseDetail.items['302'] = v; },
      parts: (p) => Object.entries(p.tables.basicExpenseDetail.items).filter(([c]) => c.length === 5 && c.startsWith('302')).map(([, v]) => v as string | null),
    },
  ];

  it('calls a total within ⌊(n+1)/2⌋ × 0.01 of its n parts 尾数误差, and 0.01 beyond that an error, in either direction', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 0, max: TOTALS.length - 1 }), fc.boolean(), (y, which, up) => {
        const payload = roundedPayload(y);
        const t = TOTALS[which];
        const parts = t.parts(payload).map(cents).filter((c): c is number => c !== null);
        const partsSum = parts.reduce((a, b) => a + b, 0);
        const bound = roundingBound(parts.length + 1);
        const finding = (total: number) => {
          t.set(payload, (total / 100).toFixed(2));
          return byRule(run(payload), t.rule).find((f) => f.paths[0] === t.path);
        };
        const sign = up ? 1 : -1;
        if (bound > 0) expect(finding(partsSum + sign * bound)?.severity).toBe('warning');
        expect(finding(partsSum + sign * (bound + 1))?.severity).toBe('error');
        void t.get;
      }),
      { numRuns: 60 },
    );
  });
});

describe('the bound per identity', () => {
  it('a 0.01 difference between one amount printed in two tables is 尾数误差; 0.02 is an error', () => {
    const at210 = (v: string) =>
      byRule(run(full((p) => { p.tables.summary.expenseByClass['210'] = v; })), 'cross.summary-class-vs-expense').filter((f) => f.paths[0].endsWith('/210'));
    expect(at210('28.00').map((f) => f.severity)).toEqual(['warning']);
    expect(at210('28.01').map((f) => f.severity)).toEqual(['error']);
  });

  it('a 类 of two 款 against them: up to 0.01 (3 terms)', () => {
    const one = byRule(run(full((p) => { p.tables.gpbExpense.rows[0].total = '1,415.09'; })), 'rollup.class');
    expect(one.map((f) => f.severity)).toEqual(['warning']);
    expect(one[0].message).toContain('尾数误差');
    expect(one[0].message).toContain('最多可相差 0.01');
    const two = byRule(run(full((p) => { p.tables.gpbExpense.rows[0].total = '1,415.10'; })), 'rollup.class');
    expect(two.map((f) => f.severity)).toEqual(['error']);
    expect(two[0].message).not.toContain('尾数误差');
  });

  it('06 人员经费 of nine items: up to 0.05 (10 terms), 0.06 an error', () => {
    const at = (v: string) => byRule(run(full((p) => { p.tables.basicExpenseDetail.items['301'] = v; p.tables.basicExpenseDetail.personnelTotal = v; })), 'detail.group');
    expect(at('342.95').map((f) => f.severity)).toEqual(['warning']);
    expect(at('342.96').map((f) => f.severity)).toEqual(['error']);
  });

  it('procurement uses the same bound: 货物 + 工程 + 服务 against the total (4 terms: 0.02)', () => {
    const at = (v: string) => byRule(run(full((p) => { p.explanation.procurement.total = v; })), 'procurement.total');
    expect(at('69.31').map((f) => f.severity)).toEqual(['warning']);
    expect(at('69.32').map((f) => f.severity)).toEqual(['error']);
  });

  it('inequalities too: 05 above 03 by 0.01 is 尾数误差, by 0.02 an error', () => {
    const at = (v: string) =>
      byRule(run(full((p) => { p.tables.gpbExpense.rows[2].project = v; p.tables.gpbExpense.rows[2].total = v; })), 'cross.gpb-vs-expense');
    expect(at('1,147.72').map((f) => f.severity)).toEqual(['warning']);
    expect(at('1,147.73').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('options.tolerance', () => {
  it('narrows the bound: 0 makes the reference’s 尾数误差 errors', () => {
    const errors = run(full((p) => { p.options.tolerance = 0; })).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.paths[0]])).toEqual([
      ['cross.summary-class-vs-expense', '/tables/summary/expenseByClass/201'],
      ['cross.summary-class-vs-expense', '/tables/summary/expenseByClass/208'],
      ['cross.fiscal-vs-gpb', '/tables/fiscalSummary/expenseByClass/201/gpb'],
      ['cross.fiscal-vs-gpb', '/tables/fiscalSummary/expenseByClass/208/gpb'],
    ]);
    expect(run(full(), { tolerance: 0 }).filter((f) => f.severity === 'error')).toHaveLength(4);
  });

  it('cannot widen it: 0.01 still leaves a 0.06 difference of nine items an error; above 0.01 is refused', () => {
    const edited = full((p) => {
      p.options.tolerance = '0.01';
      p.tables.gpbExpense.rows[0].basic = '251.41';
    });
    expect(byRule(run(edited), 'rollup.class').map((f) => f.severity)).toEqual(['error']);
    for (const tolerance of ['0.02', 1, 999999999]) {
      const r = Payload.safeParse(full((p) => { p.options.tolerance = tolerance; }));
      expect(r.success).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain('不能放宽');
    }
  });
});
