import { describe, expect, it } from 'vitest';
import { byRule, full, run } from './helpers';

describe('tolerance', () => {
  it('defaults to 0.01: a 0.01 difference is a 尾数误差 warning, 0.02 an error', () => {
    const one = byRule(run(full((p) => { p.tables.gpbExpense.rows[0].basic = '251.40'; })), 'rollup.class');
    expect(one.map((f) => f.severity)).toEqual(['warning']);
    expect(one[0].message).toContain('尾数误差');
    const two = byRule(run(full((p) => { p.tables.gpbExpense.rows[0].basic = '251.41'; })), 'rollup.class');
    expect(two.map((f) => f.severity)).toEqual(['error']);
    expect(two[0].message).not.toContain('尾数误差');
  });

  it('can be set to zero by the caller: the reference’s 尾数误差 become errors', () => {
    const errors = run(full(), { tolerance: 0 }).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.paths[0]])).toEqual([
      ['cross.summary-class-vs-expense', '/tables/summary/expenseByClass/201'],
      ['cross.summary-class-vs-expense', '/tables/summary/expenseByClass/208'],
      ['cross.fiscal-vs-gpb', '/tables/fiscalSummary/expenseByClass/201/gpb'],
      ['cross.fiscal-vs-gpb', '/tables/fiscalSummary/expenseByClass/208/gpb'],
    ]);
  });

  it('comes from payload.options.tolerance when the caller gives none', () => {
    const edited = full((p) => {
      p.options.tolerance = '0.02';
      p.tables.gpbExpense.rows[0].basic = '251.41';
    });
    expect(byRule(run(edited), 'rollup.class').map((f) => f.severity)).toEqual(['warning']);
    expect(byRule(run(edited, { tolerance: 1 }), 'rollup.class').map((f) => f.severity)).toEqual(['error']);
  });

  it('also softens inequalities: 05 above 03 by 0.01 is a 尾数误差 warning', () => {
    const f = byRule(run(full((p) => {
      p.tables.gpbExpense.rows[2].project = '1,147.72';
      p.tables.gpbExpense.rows[2].total = '1,147.72';
    })), 'cross.gpb-vs-expense');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0].message).toContain('尾数误差');
  });
});
