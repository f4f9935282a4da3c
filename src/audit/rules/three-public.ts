/**
 * 公开09表: 合计 = 因公出国（境）费 + 公务用车小计 + 公务接待费, 小计 = 购置费 + 运行维护费; 决算数 covers
 * 基本支出 and 项目支出 alike, so it can never be less than the matching 06 基本支出 line; the
 * 运行维护费 breakdown of 说明（九） must add up to the table.
 */
import { amountOf, type ThreePublicKey } from '../../model/derive';
import { sum } from '../../schema/money';
import { checkAtMost, checkEqual, checkTyped, collect, type AuditContext } from '../context';
import { THREE_PUBLIC_LABELS, tableLead } from '../labels';
import type { Finding } from '../types';

const SIDES = { budget: '预算数', actual: '决算数' } as const;

/** 06 基本支出 lines that are part of a 三公 item. */
const DETAIL_LINES: [string, ThreePublicKey][] = [
  ['30212', 'abroad'],
  ['30217', 'reception'],
  ['30231', 'vehicleOperation'],
  ['31013', 'vehiclePurchase'],
];


export function threePublicRules(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t09 = ctx.table('threePublic');
  const findings: Finding[] = [];
  for (const side of ['budget', 'actual'] as const) {
    const f = m.threePublic[side];
    collect(
      findings,
      checkTyped(ctx, 'three-public.total', f.total, `${t09}${SIDES[side]}“合计”`, '因公出国（境）费、公务用车购置及运行维护费、公务接待费之和'),
      checkTyped(ctx, 'three-public.vehicle-subtotal', f.vehicleSubtotal, `${t09}${SIDES[side]}“公务用车购置及运行维护费”小计`, '公务用车购置费与运行维护费之和'),
    );
  }
  const t06 = ctx.table('basicExpenseDetail');
  for (const [code, key] of DETAIL_LINES) {
    const row = m.basicExpenseDetail.rows.get(code);
    if (!row || row.figure.value === null) continue;
    const actual = m.threePublic.actual[key];
    collect(
      findings,
      checkAtMost(
        ctx,
        'three-public.vs-detail',
        { label: `${tableLead(t06)}科目“${code} ${row.name}”`, value: row.figure.value, path: row.figure.path },
        { label: `${t09}决算数“${THREE_PUBLIC_LABELS[key]}”`, value: actual.value, path: actual.path },
        '“三公”经费决算数包括基本支出和项目支出，不应小于基本支出中的同类支出',
      ),
    );
  }
  const detail = m.payload.explanation.threePublicDetail;
  if (detail.vehicleOperationBreakdown.length > 0) {
    const operation = m.threePublic.actual.vehicleOperation;
    collect(
      findings,
      checkEqual(
        ctx,
        'three-public.breakdown',
        {
          label: '“三公”经费说明中公务用车运行维护费各用途金额之和',
          value: sum(detail.vehicleOperationBreakdown.map((b) => b.amount)),
          path: '/explanation/threePublicDetail/vehicleOperationBreakdown',
          terms: detail.vehicleOperationBreakdown.length,
        },
        { label: `${t09}决算数“公务用车运行维护费”`, value: operation.value, path: operation.path },
      ),
    );
  }
  const purchase = m.threePublic.actual.vehiclePurchase;
  if (detail.vehiclesPurchased !== undefined && (detail.vehiclesPurchased > 0) !== (amountOf(purchase) > 0)) {
    findings.push({
      rule: 'three-public.purchase-count',
      severity: 'warning',
      message:
        detail.vehiclesPurchased > 0
          ? `说明中本年度购置（更新）公务用车 ${detail.vehiclesPurchased} 辆，但${t09}决算数“公务用车购置费”为 0，请核对。`
          : `${t09}决算数“公务用车购置费”不为 0，但说明中本年度购置（更新）公务用车 0 辆，请核对。`,
      paths: ['/explanation/threePublicDetail/vehiclesPurchased', purchase.path],
    });
  }
  return findings;
}
