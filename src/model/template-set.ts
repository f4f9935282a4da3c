/**
 * Template sets: which tables a publication has, in which order, with which fixed row lists.
 * The data lives in templates/sets/*.json; this module only types and looks it up.
 */
import national2024 from '../../templates/sets/national-2024.json';
import functionalCatalog from '../../templates/catalog/functional-subjects.json';

export type TableKey =
  | 'summary'
  | 'income'
  | 'expense'
  | 'fiscalSummary'
  | 'gpbExpense'
  | 'basicExpenseDetail'
  | 'fund'
  | 'stateCapital'
  | 'threePublic';

export interface TableRef {
  /** Number as published, "01".."09". */
  no: string;
  key: TableKey;
  title: string;
}

export interface CodeName {
  code: string;
  name: string;
}

export interface TemplateSet {
  id: string;
  name: string;
  fiscalYears: number[];
  tables: TableRef[];
  /** The fixed 功能分类 类 lines of tables 01 and 04, in printed order (行次 follow this order). */
  classLines: CodeName[];
  economic: {
    personnelGroups: string[];
    publicGroups: string[];
    columns: { title: string; rows: CodeName[] }[];
  };
}

const SETS: Record<string, TemplateSet> = {
  [national2024.id]: national2024 as TemplateSet,
};

export const DEFAULT_TEMPLATE_SET = 'national-2024';

export function templateSetIds(): string[] {
  return Object.keys(SETS);
}

/** Returns the template set or undefined when the payload names one we do not ship. */
export function findTemplateSet(id: string): TemplateSet | undefined {
  return Object.hasOwn(SETS, id) ? SETS[id] : undefined;
}

export interface FunctionalSubject {
  name: string;
  /** 名词解释 wording: "反映……". */
  explanation?: string;
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
