/**
 * audit.acknowledged: a reviewer names a finding (rule + its first path) and gives a reason; the
 * finding then no longer blocks and is listed apart with the reason. Unmatched entries are warnings.
 */
import { describe, expect, it } from 'vitest';
import { auditReport } from '../../../src/audit';
import { checkReport } from '../../../src/audit/check-report';
import { deriveModel } from '../../../src/model/derive';
import { Payload } from '../../../src/schema/payload';
import { full, type Json } from './helpers';

const report = (p: Json) => auditReport(deriveModel(Payload.parse(p)));
// One error: three-public.total at /tables/threePublic/actual/total.
const broken = (p: Json) => { p.tables.threePublic.actual.total = '1.87'; };
const ACK = { rule: 'three-public.total', path: '/tables/threePublic/actual/total', reason: '决算已批复，原表如此' };

describe('audit.acknowledged', () => {
  it('sets an acknowledged error apart with its reason; it no longer blocks', () => {
    const p = full((x) => {
      broken(x);
      x.audit = { acknowledged: [ACK] };
    });
    const { findings, acknowledged } = report(p);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toMatchObject({
      rule: 'three-public.total',
      severity: 'error',
      paths: ['/tables/threePublic/actual/total'],
      reason: '决算已批复，原表如此',
      acknowledgement: '/audit/acknowledged/0',
    });
    const checked = checkReport(p);
    expect(checked.ok && checked.errors).toEqual([]);
    expect(checked.ok && checked.acknowledged.map((f) => f.rule)).toEqual(['three-public.total']);
  });

  it('does not cover other errors: the same rule at another path still blocks', () => {
    const p = full((x) => {
      broken(x);
      x.tables.threePublic.budget.total = '1.87';
      x.audit = { acknowledged: [ACK] };
    });
    const errors = report(p).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.paths[0]])).toEqual([['three-public.total', '/tables/threePublic/budget/total']]);
    const checked = checkReport(p);
    expect(checked.ok && checked.errors.length).toBeGreaterThan(0);
  });

  it('needs the rule too: a path alone does not match', () => {
    const { findings, acknowledged } = report(full((x) => {
      broken(x);
      x.audit = { acknowledged: [{ ...ACK, rule: 'three-public.vehicle-subtotal' }] };
    }));
    expect(acknowledged).toEqual([]);
    expect(findings.map((f) => f.rule)).toContain('three-public.total');
    expect(findings.find((f) => f.rule === 'audit.acknowledgement-unmatched')).toMatchObject({ severity: 'warning', paths: ['/audit/acknowledged/0'] });
  });

  it('can acknowledge warnings, e.g. the reference’s 尾数误差', () => {
    const { findings, acknowledged } = report(full((x) => {
      x.audit = { acknowledged: [{ rule: 'cross.summary-class-vs-expense', path: '/tables/summary/expenseByClass/201', reason: '各表分别由元四舍五入' }] };
    }));
    expect(acknowledged.map((f) => [f.rule, f.severity, f.paths[0]])).toContainEqual(['cross.summary-class-vs-expense', 'warning', '/tables/summary/expenseByClass/201']);
    expect(findings.some((f) => f.paths[0] === '/tables/summary/expenseByClass/201')).toBe(false);
  });

  it('reports a stale acknowledgement (the figure was corrected) as a warning', () => {
    const { findings } = report(full((x) => {
      x.audit = { acknowledged: [ACK] };
    }));
    const stale = findings.filter((f) => f.rule === 'audit.acknowledgement-unmatched');
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toContain('没有对应的审核结果');
  });

  it('refuses an acknowledgement without a readable reason or with a malformed rule or path', () => {
    for (const entry of [
      { rule: 'rollup.class', path: '/tables/gpbExpense/rows/0/basic', reason: '' },
      { rule: 'rollup.class', path: '/tables/gpbExpense/rows/0/basic', reason: 'ok' },
      { rule: 'rollup.class', path: '/tables/gpbExpense/rows/0/basic' },
      { rule: 'Rollup Class', path: '/tables/gpbExpense/rows/0/basic', reason: '决算已批复，原表如此' },
      { rule: 'rollup.class', path: 'tables/gpbExpense', reason: '决算已批复，原表如此' },
    ]) {
      expect(Payload.safeParse(full((x) => { x.audit = { acknowledged: [entry] }; })).success, JSON.stringify(entry)).toBe(false);
    }
  });
});
