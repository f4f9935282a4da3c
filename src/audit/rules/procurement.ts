/** 政府采购（十一）: total = 货物 + 工程 + 服务; 中小企业 ≤ total and per category; 小微企业 ≤ 中小企业. */
import { formatAmount, sum, type Cents } from '../../schema/money';
import { checkEqual, collect, type AuditContext } from '../context';
import type { Finding } from '../types';

const BASE = '/explanation/procurement';

function atMost(rule: string, part: Cents, partLabel: string, partKey: string, whole: Cents, wholeLabel: string, wholeKey: string): Finding | null {
  if (part <= whole) return null;
  return {
    rule,
    severity: 'error',
    message: `${partLabel} ${formatAmount(part)} 大于${wholeLabel} ${formatAmount(whole)}，请核对。`,
    paths: [`${BASE}/${partKey}`, `${BASE}/${wholeKey}`],
    expected: `≤ ${formatAmount(whole)}`,
    actual: formatAmount(part),
  };
}

export function procurementRules(ctx: AuditContext): Finding[] {
  const p = ctx.model.payload.explanation.procurement;
  if (!p) return [];
  const findings: Finding[] = [];
  const categories = [p.goods, p.works, p.services];
  const categorySum = sum(categories);
  const anyCategory = categories.some((c) => c !== undefined && c !== null);
  if (p.total !== undefined && p.total !== null && anyCategory) {
    collect(
      findings,
      checkEqual(
        ctx,
        'procurement.total',
        { label: '政府采购支出总额', value: p.total, path: `${BASE}/total` },
        { label: '货物、工程、服务支出之和', value: categorySum, path: `${BASE}/services` },
      ),
    );
  }
  const total = p.total ?? categorySum;
  if (p.smeTotal !== undefined && p.smeTotal !== null) {
    collect(findings, atMost('procurement.sme-total', p.smeTotal, '授予中小企业合同金额', 'smeTotal', total, '政府采购支出总额', p.total != null ? 'total' : 'services'));
  }
  if (p.smallMicro !== undefined && p.smallMicro !== null) {
    collect(findings, atMost('procurement.small-micro', p.smallMicro, '授予小微企业合同金额', 'smallMicro', p.smeTotal ?? 0, '授予中小企业合同金额', 'smeTotal'));
  }
  const pairs = [
    ['smeGoods', 'goods', '货物'],
    ['smeWorks', 'works', '工程'],
    ['smeServices', 'services', '服务'],
  ] as const;
  for (const [sme, category, name] of pairs) {
    const value = p[sme];
    if (value === undefined || value === null) continue;
    collect(findings, atMost('procurement.sme-category', value, `${name}采购授予中小企业合同金额`, sme, p[category] ?? 0, `${name}采购支出`, category));
  }
  const smeCategories = [p.smeGoods, p.smeWorks, p.smeServices];
  if (p.smeTotal !== undefined && p.smeTotal !== null && smeCategories.some((c) => c !== undefined && c !== null)) {
    collect(
      findings,
      checkEqual(
        ctx,
        'procurement.sme-sum',
        { label: '授予中小企业合同金额', value: p.smeTotal, path: `${BASE}/smeTotal` },
        { label: '货物、工程、服务采购授予中小企业合同金额之和', value: sum(smeCategories), path: `${BASE}/smeServices` },
      ),
    );
  }
  return findings;
}
