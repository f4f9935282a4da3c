/**
 * What the 名词解释 says about each 功能分类 科目 the tables use: the explanation and the names as
 * printed. Shared by the audit (which warns when a subject has no explanation) and the renderer
 * (render/narrative/glossary.ts), so both read the same answer.
 */
import type { Model } from './derive';
import { functionalSubject } from './template-set';

/**
 * Explanation ("反映……") of a 功能分类 code: the payload's own glossary.subjectExplanations (the
 * department's wording wins), else the built-in catalog, else the wording shared by every 款's
 * 行政运行 / 一般行政管理事务 / 机关服务 / 事业运行 when the code and the table's name match it;
 * undefined when none applies (the audit notes that once for all such codes).
 * @example subjectExplanation(model, '2101103') // "反映财政部门安排的公务员医疗补助经费。"
 */
export function subjectExplanation(model: Model, code: string): string | undefined {
  const given = model.payload.glossary.subjectExplanations;
  if (Object.hasOwn(given, code)) return given[code];
  const catalog = functionalSubject(code)?.explanation;
  if (catalog) return catalog;
  if (code.length !== 7) return undefined;
  const name = subjectNames(model, code)?.item;
  const generic = model.set.glossary['generic-items'].items.find((g) => code.endsWith(g.suffix) && g.name === name);
  return generic?.explanation;
}

const TABLES = ['income', 'expense', 'gpbExpense', 'fund', 'stateCapital'] as const;

/** Names of a 项 and its 类/款 as the tables print them (first table that has the row). */
export function subjectNames(model: Model, code: string): { class: string; section: string; item: string } | undefined {
  const nameOf = (c: string) => {
    for (const key of TABLES) {
      const row = model[key].rows.find((r) => r.code === c);
      if (row && row.name) return row.name;
    }
    return functionalSubject(c)?.name ?? '';
  };
  const item = nameOf(code);
  if (!item) return undefined;
  return { class: nameOf(code.slice(0, 3)), section: nameOf(code.slice(0, 5)), item };
}

/** Every 项 code used in tables 02/03/05/07/08, in code order. */
export function usedItemCodes(model: Model): string[] {
  const codes = new Set<string>();
  for (const key of TABLES) for (const row of model[key].rows) if (row.level === 'item') codes.add(row.code);
  return [...codes].sort();
}
