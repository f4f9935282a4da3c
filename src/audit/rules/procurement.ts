/** 政府采购（十一）: total = 货物 + 工程 + 服务; 中小企业 ≤ total and per category; 小微企业 ≤ 中小企业. */
import { sum, type Cents } from '../../schema/money';
import { checkAtMost, checkEqual, collect, type AuditContext } from '../context';
import type { Finding } from '../types';

const BASE = '/explanation/procurement';

/** Terms of an amount the payload may leave blank. */
function t(value: Cents | null | undefined): number {
  return value === undefined || value === null ? 0 : 1;
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
        { label: '货物、工程、服务支出之和', value: categorySum, path: `${BASE}/services`, terms: categories.reduce((n: number, c) => n + t(c), 0) },
      ),
    );
  }
  const total = p.total ?? categorySum;
  if (p.smeTotal !== undefined && p.smeTotal !== null) {
    const totalTerms = p.total != null ? 1 : categories.reduce((n: number, c) => n + t(c), 0);
    collect(
      findings,
      checkAtMost(
        ctx,
        'procurement.sme-total',
        { label: '授予中小企业合同金额', value: p.smeTotal, path: `${BASE}/smeTotal` },
        { label: '政府采购支出总额', value: total, path: `${BASE}/${p.total != null ? 'total' : 'services'}`, terms: totalTerms },
        '中小企业合同金额是政府采购支出的一部分',
      ),
    );
  }
  if (p.smallMicro !== undefined && p.smallMicro !== null) {
    collect(
      findings,
      checkAtMost(
        ctx,
        'procurement.small-micro',
        { label: '授予小微企业合同金额', value: p.smallMicro, path: `${BASE}/smallMicro` },
        { label: '授予中小企业合同金额', value: p.smeTotal ?? null, path: `${BASE}/smeTotal` },
        '小微企业合同金额是中小企业合同金额的一部分',
      ),
    );
  }
  const pairs = [
    ['smeGoods', 'goods', '货物'],
    ['smeWorks', 'works', '工程'],
    ['smeServices', 'services', '服务'],
  ] as const;
  for (const [sme, category, name] of pairs) {
    const value = p[sme];
    if (value === undefined || value === null) continue;
    collect(
      findings,
      checkAtMost(
        ctx,
        'procurement.sme-category',
        { label: `${name}采购授予中小企业合同金额`, value, path: `${BASE}/${sme}` },
        { label: `${name}采购支出`, value: p[category] ?? null, path: `${BASE}/${category}` },
        '授予中小企业的部分不能超过该类采购支出',
      ),
    );
  }
  const smeCategories = [p.smeGoods, p.smeWorks, p.smeServices];
  if (p.smeTotal !== undefined && p.smeTotal !== null && smeCategories.some((c) => c !== undefined && c !== null)) {
    collect(
      findings,
      checkEqual(
        ctx,
        'procurement.sme-sum',
        { label: '授予中小企业合同金额', value: p.smeTotal, path: `${BASE}/smeTotal` },
        { label: '货物、工程、服务采购授予中小企业合同金额之和', value: sum(smeCategories), path: `${BASE}/smeServices`, terms: smeCategories.reduce((n: number, c) => n + t(c), 0) },
      ),
    );
  }
  return findings;
}
