/**
 * 名词解释（十）: every 项 the tables use gets a line "…（项），反映……". When neither the built-in
 * catalog nor the payload explains a subject, the line would print without its explanation.
 */
import { subjectExplanation, usedItemCodes } from '../../model/glossary';
import type { AuditContext } from '../context';
import type { Finding } from '../types';

export function glossaryRules(ctx: AuditContext): Finding[] {
  return usedItemCodes(ctx.model)
    .filter((code) => subjectExplanation(ctx.model, code) === undefined)
    .map((code) => ({
      rule: 'glossary.subject-explanation',
      severity: 'warning' as const,
      message: `科目 ${code} 不在内置《政府收支分类科目》目录中，名词解释将缺少其说明，请在 glossary.subjectExplanations 中补充“反映……”的解释。`,
      paths: [`/glossary/subjectExplanations/${code}`],
    }));
}
