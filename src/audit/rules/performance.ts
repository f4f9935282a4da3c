/** 预算绩效（十三）: each project summary must name a project that has a self-evaluation table. */
import type { AuditContext } from '../context';
import type { Finding } from '../types';

export function performanceRules(ctx: AuditContext): Finding[] {
  const perf = ctx.model.payload.performance;
  if (!perf) return [];
  const names = perf.projects.map((p) => p.name);
  const findings: Finding[] = [];
  perf.projectSummaries.forEach((s, index) => {
    if (names.includes(s.name)) return;
    findings.push({
      rule: 'performance.summary-name',
      severity: 'error',
      message:
        names.length === 0
          ? `项目支出自评结果中的项目“${s.name}”没有对应的项目支出绩效自评表，请补充自评表。`
          : `项目支出自评结果中的项目“${s.name}”与项目支出绩效自评表的项目名称不一致` +
            `（自评表中的项目：${names.join('、')}），名称须一致。`,
      paths: [`/performance/projectSummaries/${index}/name`],
      actual: s.name,
    });
  });
  return findings;
}
