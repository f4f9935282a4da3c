/**
 * 名词解释（十）: every 项 the tables use gets a line "…（项），反映……". The payload's own wording
 * wins; the built-in catalog fills in what it knows. The 项 that neither explains are listed in one
 * note (not one warning per line): their lines print without an explanation.
 */
import { subjectExplanation, subjectNames, usedItemCodes } from '../../model/glossary';
import type { AuditContext } from '../context';
import type { Finding } from '../types';

export function glossaryRules(ctx: AuditContext): Finding[] {
  const missing = usedItemCodes(ctx.model).filter((code) => subjectExplanation(ctx.model, code) === undefined);
  if (missing.length === 0) return [];
  const listed = missing.map((code) => `${code} ${subjectNames(ctx.model, code)?.item ?? ''}`.trim()).join('、');
  return [
    {
      rule: 'glossary.subject-explanation',
      severity: 'warning',
      message:
        `名词解释中 ${missing.length} 个项级科目没有解释（${listed}）：内置科目目录没有收录，数据中也未提供，` +
        `名词解释将只列科目名称。如需解释，请在 glossary.subjectExplanations 中按编码补充“反映……”。`,
      paths: missing.map((code) => `/glossary/subjectExplanations/${code}`),
    },
  ];
}
