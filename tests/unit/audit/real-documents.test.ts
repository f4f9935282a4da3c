/**
 * Figures of real published documents of another province, typed exactly as printed, must not be
 * refused. The search tool gives the opening text of public pages, so what can be typed in full
 * is the 三公 part (09 and its 情况说明): 深圳市罗湖区 (广东) 2024 决算, two units.
 * Sources: https://www.szlh.gov.cn/zwgk/zdlyxxgk/zjxx/bmsgjf/content/post_12572275.html (清水河街道办事处)
 *          https://www.szlh.gov.cn/zwgk/zdlyxxgk/zjxx/bmsgjf/content/post_12572749.html (罗湖区审计局)
 */
import { describe, expect, it } from 'vitest';
import { full, run, type Json } from './helpers';

/** The reference with its 三公 replaced by another unit's, as printed. */
function withThreePublic(budget: Json, actual: Json, previous: Json, reasons: Json) {
  return full((p) => {
    p.tables.threePublic = { budget, actual };
    p.explanation.previousYear.threePublic = previous;
    Object.assign(p.explanation.reasons, reasons);
    p.explanation.threePublicDetail = { vehicleOperationBreakdown: [] };
  });
}

const baseline = new Set(run(full()).map((f) => `${f.rule} ${f.paths[0]}`));
const added = (p: Json) => run(p).filter((f) => !baseline.has(`${f.rule} ${f.paths[0]}`));

describe('深圳市罗湖区清水河街道办事处 2024 三公, as published', () => {
  // “决算为34.08万元，完成全年预算50.74万元 … 因公出国（境）费 0.94 … 公务用车购置及运行维护费 33.13 …
  // 购置 17.98（预算 18）… 运行维护费 15.15（预算 31.8）… 公务接待费 0”: 0.94 + 33.13 + 0 = 34.07.
  const payload = withThreePublic(
    { total: '50.74', abroad: '0.94', vehicleSubtotal: '49.8', vehiclePurchase: '18', vehicleOperation: '31.8', reception: '0' },
    { total: '34.08', abroad: '0.94', vehicleSubtotal: '33.13', vehiclePurchase: '17.98', vehicleOperation: '15.15', reception: '0' },
    // 比上年决算数减少 1.55 / 运行维护费减少 2.5 / 购置 增加 0 / 出国 增加 0.94 from 0.
    { total: '35.63', abroad: '0', vehicleSubtotal: '35.63', vehiclePurchase: '17.98', vehicleOperation: '17.65', reception: '0' },
    { threePublic: '新购车辆能耗及维保成本下降，公务用车运维费相应减少', vehicle: '新购车辆能耗及维保成本下降，公务用车运维费相应减少' },
  );

  it('is not refused: its one difference (合计 34.08 against parts 34.07) is a 尾数误差 warning', () => {
    const findings = added(payload);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity, f.paths[0]])).toEqual([
      ['three-public.total', 'warning', '/tables/threePublic/actual/total'],
      // True of the page too: 因公出国（境）费 rose from 0 to 0.94 and no reason is given for it.
      ['reasons.year-on-year', 'warning', '/explanation/reasons/abroad'],
    ]);
    expect(findings[0].message).toContain('尾数误差');
  });
});

describe('深圳市罗湖区审计局 2024 三公, as published', () => {
  // “决算为2.02万元，完成全年预算5.3万元的38.1%，比上年决算数减少0.33万元 … 运行维护费 2.02 …”
  const payload = withThreePublic(
    { total: '5.3', abroad: '0', vehicleSubtotal: '5.3', vehiclePurchase: '0', vehicleOperation: '5.3', reception: '0' },
    { total: '2.02', abroad: '0', vehicleSubtotal: '2.02', vehiclePurchase: '0', vehicleOperation: '2.02', reception: '0' },
    { total: '2.35', abroad: '0', vehicleSubtotal: '2.35', vehiclePurchase: '0', vehicleOperation: '2.35', reception: '0' },
    { threePublic: '公务用车维修维护较上年度减少', vehicle: '公务用车维修维护较上年度减少' },
  );

  it('passes without any new finding', () => {
    expect(added(payload)).toEqual([]);
  });
});
