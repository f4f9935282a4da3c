/**
 * Template sets: which tables a publication has, in which order, with which fixed row lists,
 * layouts and wording. The data lives in templates/sets/<id>/ and is loaded and checked by
 * template-registry.ts; this module looks sets up.
 */
import functionalCatalog from '../../templates/catalog/functional-subjects.json';
import { fill } from './text';
import { REFERENCE_SET, templateSet, templateSetIdList, templateSets, type TemplateSet } from './template-registry';

export type {
  TableKey,
  BuiltInTableKey,
  TableRef,
  CodeName,
  TemplateSet,
  DocumentTexts,
  DocumentPart,
  NarrativeTemplates,
  GlossaryTemplates,
  FigureTemplates,
  NarrativeSectionKey,
} from './template-registry';
export { TemplateSetError, TABLE_KEYS } from './template-registry';

export const DEFAULT_TEMPLATE_SET = REFERENCE_SET;

export function templateSetIds(): string[] {
  return templateSetIdList();
}

/** Every shipped set, in id order. */
export function allTemplateSets(): TemplateSet[] {
  return [...templateSets().values()];
}

/** Returns the template set or undefined when the payload names one we do not ship. */
export function findTemplateSet(id: string): TemplateSet | undefined {
  return templateSet(id);
}

/** The set a payload's figures are laid out in: its own, or the reference set when it names none that exists. */
export function templateSetOf(id: string): TemplateSet {
  return findTemplateSet(id) ?? templateSet(REFERENCE_SET)!;
}

/** "公开04表" / "表4" / null: the set's printed label of a table. */
export function tableLabel(set: TemplateSet, no: string): string | null {
  const ref = set.tables.find((t) => t.no === no);
  if (!ref) return null;
  const label = set.layouts[ref.key].label;
  return label === null ? null : fill(label, { no: ref.no });
}

/**
 * How the audit, the CLI and the index name a table of the set: its label ("公开05表", "表5"),
 * else its title in 《》; undefined when the set does not have the table.
 */
export function tableName(set: TemplateSet, key: string): string | undefined {
  const ref = set.tables.find((t) => t.key === key);
  if (!ref) return undefined;
  return tableLabel(set, ref.no) ?? `《${ref.title}》`;
}

export interface FunctionalSubject {
  name: string;
  /** 名词解释 wording: "反映……". */
  explanation?: string;
  /**
   * The budget whose money the subject spends, when it is not the 一般公共预算: "fund" (政府性基金预算)
   * or "stateCapital" (国有资本经营预算, e.g. 223 “反映用国有资本经营预算收入安排的支出”).
   */
  budget?: 'fund' | 'stateCapital';
}

const CATALOG = functionalCatalog as Record<string, FunctionalSubject>;

/** Built-in 政府收支分类科目 catalog entry for a 3/5/7-digit code. */
export function functionalSubject(code: string): FunctionalSubject | undefined {
  return Object.hasOwn(CATALOG, code) ? CATALOG[code] : undefined;
}

/** Economic-classification names of a template set, by code. */
export function economicNames(set: TemplateSet): Map<string, string> {
  const names = new Map<string, string>();
  for (const column of set.economic.columns) for (const row of column.rows) names.set(row.code, row.name);
  return names;
}
