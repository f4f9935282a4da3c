/** The template set named by the payload must exist and cover its fiscal year. */
import { findTemplateSet, templateSetIds } from '../../model/template-set';
import type { AuditContext } from '../context';
import type { Finding } from '../types';

export function templateRules(ctx: AuditContext): Finding[] {
  const { payload, set: fallback } = ctx.model;
  const set = findTemplateSet(payload.templateSet);
  if (!set) {
    return [
      {
        rule: 'template.unknown',
        severity: 'error',
        message:
          `表式模板集“${payload.templateSet}”不存在（可用：${templateSetIds().join('、')}），` +
          `本次暂按“${fallback.name}”核对。`,
        paths: ['/templateSet'],
        actual: payload.templateSet,
      },
    ];
  }
  if (!set.fiscalYears.includes(payload.meta.fiscalYear)) {
    return [
      {
        rule: 'template.fiscal-year',
        severity: 'warning',
        message:
          `会计年度 ${payload.meta.fiscalYear} 不在表式模板集“${set.name}”的适用年度（${set.fiscalYears.join('、')}）之内，` +
          `类级科目行等表式可能与当年规定不符。`,
        paths: ['/meta/fiscalYear', '/templateSet'],
        expected: set.fiscalYears.join('、'),
        actual: String(payload.meta.fiscalYear),
      },
    ];
  }
  return [];
}
