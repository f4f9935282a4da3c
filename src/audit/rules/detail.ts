/** 公开06表: codes the template knows, 类 (301/302/303/310) = Σ款, 人员经费/公用经费合计 = Σ their 类. */
import { checkTyped, type AuditContext } from '../context';
import { tableLead } from '../labels';
import type { Finding } from '../types';


export function detailRules(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t = ctx.table('basicExpenseDetail');
  const d = m.basicExpenseDetail;
  const findings: Finding[] = [];
  for (const code of Object.keys(m.payload.tables.basicExpenseDetail.items).sort()) {
    if (d.rows.get(code)?.known) continue;
    // A zero or blank line the set does not print loses nothing: only an amount needs a place.
    if (!m.payload.tables.basicExpenseDetail.items[code]) continue;
    findings.push({
      rule: 'detail.unknown-code',
      severity: 'error',
      message: `${tableLead(t)}经济分类科目编码 ${code} 不在表式模板集“${m.set.name}”的科目中，该表无法列示，请核对编码。`,
      paths: [`/tables/basicExpenseDetail/items/${code}`],
      actual: code,
    });
  }
  for (const row of [...d.rows.values()].filter((r) => r.isGroup && r.known).sort((a, b) => a.code.localeCompare(b.code))) {
    const f = checkTyped(ctx, 'detail.group', row.figure, `${tableLead(t)}科目“${row.code} ${row.name}”`, '其下各款级科目之和');
    if (f) findings.push(f);
  }
  const personnel = checkTyped(ctx, 'detail.personnel-total', d.personnelTotal, `${t}“人员经费合计”`, `${m.set.economic.personnelGroups.join('、')} 各类之和`);
  const pub = checkTyped(ctx, 'detail.public-total', d.publicTotal, `${t}“公用经费合计”`, `${m.set.economic.publicGroups.join('、')} 各类之和`);
  if (personnel) findings.push(personnel);
  if (pub) findings.push(pub);
  return findings;
}
