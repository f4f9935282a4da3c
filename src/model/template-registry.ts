/**
 * Template sets as validated data. Every folder templates/sets/<id>/ is a set (the registry
 * src/model/sets.generated.ts is written from the files that exist by scripts/gen-sets.mjs):
 *
 *   set.json            id, name, extends, fiscalYears, source, tables, classLines, economic, figures
 *   document.json       parts and their order, headings, fixed sentences of the whole document
 *   layouts/<key>.json  one table layout each (headers, rows, notes)
 *   narrative/*.json    情况说明 sentence templates and section titles
 *   glossary/*.json     名词解释 standard terms
 *   figures.json        figure captions and labels
 *
 * A set with `extends` says only what differs: set.json keys replace the base's, a layout file
 * is merged onto the base's layout of that table (or onto the layout its `like` names), and
 * document/narrative/glossary/figures files are
 * merged key by key into the base's (arrays replace). Every file is checked when the registry
 * loads (and by scripts/check-sets.mjs at npm test / npm start); errors name the file and the JSON
 * path. set.json, document.json and layouts are checked by zod schemas; wording files against the
 * shape of the national set's file (the reference all code is typed against): same keys, strings
 * where it has strings, and no {placeholder} the code does not fill there.
 */
import { z } from 'zod';
import type commonT from '../../templates/sets/national-2024/narrative/common.json';
import type overviewT from '../../templates/sets/national-2024/narrative/overview.json';
import type gpbT from '../../templates/sets/national-2024/narrative/gpb-expense.json';
import type fundsT from '../../templates/sets/national-2024/narrative/government-funds.json';
import type threePublicT from '../../templates/sets/national-2024/narrative/three-public.json';
import type otherT from '../../templates/sets/national-2024/narrative/other-sections.json';
import type performanceT from '../../templates/sets/national-2024/narrative/performance.json';
import type standardT from '../../templates/sets/national-2024/glossary/standard.json';
import type genericItemsT from '../../templates/sets/national-2024/glossary/generic-items.json';
import type figuresT from '../../templates/sets/national-2024/figures.json';
import headerVocabulary from '../../templates/import/header-synonyms.json';
import { SET_FILES } from './sets.generated';
import { BUILT_IN_FUNCTIONAL, TableLayoutSchema, type TableLayout } from './layout-schema';

/** The set every other set's wording is checked against, and the default of a payload. */
export const REFERENCE_SET = 'national-2024';

export const TABLE_KEYS = [
  'summary',
  'income',
  'expense',
  'fiscalSummary',
  'gpbExpense',
  'basicExpenseDetail',
  'fund',
  'stateCapital',
  'threePublic',
] as const;
/** A built-in table (its data has a fixed place in the payload and the audit knows its meaning). */
export type BuiltInTableKey = (typeof TABLE_KEYS)[number];
/** Any table of a set: a built-in one, or one the set declares (layouts/<key>.json). */
export type TableKey = string;
const TableKeySchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, '表名只能包含英文字母和数字，以字母开头');
export const isBuiltInTable = (key: string): key is BuiltInTableKey => (TABLE_KEYS as readonly string[]).includes(key);

/** The 情况说明 sections the narrative renderer can write (a set picks, orders and titles them). */
export const NARRATIVE_SECTION_KEYS = [
  'overall',
  'income',
  'expense',
  'fiscal',
  'gpb',
  'basic',
  'fund',
  'stateCapital',
  'threePublic',
  'operatingCosts',
  'procurement',
  'assets',
  'performance',
  // Sections some regions add (none of them in the national document): 一般性支出 (会议费、培训费),
  // 其他重要事项情况说明, 相关口径说明.
  'generalExpense',
  'otherMatters',
  'scopeNotes',
] as const;
export type NarrativeSectionKey = (typeof NARRATIVE_SECTION_KEYS)[number];

export const FIGURE_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const SetId = z.string().regex(/^[a-z0-9-]+$/, '模板集名称只能包含小写字母、数字和连字符');
const CodeName = z.strictObject({ code: z.string().regex(/^\d+$/, '科目编码只能是数字'), name: z.string().min(1) });

export const TableRefSchema = z.strictObject({
  /** Number as published ("01", "4"); fills {no} of the layout's label and names the output file. */
  no: z.string().regex(/^[0-9A-Za-z-]{1,20}$/, '表号只能包含字母、数字和连字符，至多 20 个（用作文件名）'),
  /** Which layout (layouts/<key>.json): a built-in table or one the set declares. */
  key: TableKeySchema,
  title: z.string().min(1),
});

/**
 * Header synonyms for the workbook import: a header word of a layout → other wordings of the same
 * column in exported workbooks ("小计": ["合计"]). Used by src/ingest only when a sheet's header
 * does not repeat the set's own words.
 */
export const HeaderSynonymsSchema = z
  .record(z.string().trim().min(1, '表头词不能为空'), z.array(z.string().trim().min(1, '同义词不能为空')).min(1, '至少一个同义词'))
  .superRefine((map, ctx) => {
    for (const [word, alternatives] of Object.entries(map)) {
      const seen = new Set<string>();
      alternatives.forEach((alt, i) => {
        const a = alt.replace(/\s/g, '');
        if (a === word.replace(/\s/g, '')) ctx.addIssue({ code: 'custom', path: [word, i], message: `“${alt}”就是表头词本身` });
        if (seen.has(a)) ctx.addIssue({ code: 'custom', path: [word, i], message: `同义词“${alt}”重复` });
        seen.add(a);
      });
    }
  });

/** templates/import/header-synonyms.json: the vocabulary every set inherits. */
export const HeaderVocabularySchema = z.strictObject({
  $comment: z.string().optional(),
  /** Where the wordings were seen (id → document and address). */
  sources: z.record(z.string(), z.string().min(1)),
  synonyms: HeaderSynonymsSchema,
});

export const SetFileSchema = z.strictObject({
  $comment: z.string().optional(),
  id: SetId,
  name: z.string().min(1),
  /** Id of the set this one inherits from. */
  extends: SetId.optional(),
  fiscalYears: z.array(z.number().int().min(1990).max(2100)).min(1).optional(),
  /** Where the format comes from: the published document it was typed from. */
  source: z
    .strictObject({
      title: z.string().min(1),
      publisher: z.string().optional(),
      url: z.string().optional(),
      retrieved: z.string().optional(),
      note: z.string().optional(),
    })
    .optional(),
  tables: z.array(TableRefSchema).min(1).optional(),
  /** The fixed 功能分类 类 lines of tables 01 and 04, in printed order (行次 follow this order). */
  classLines: z.array(CodeName).min(1).optional(),
  economic: z
    .strictObject({
      personnelGroups: z.array(z.string()),
      publicGroups: z.array(z.string()),
      columns: z.array(z.strictObject({ title: z.string(), rows: z.array(CodeName) })).min(1),
    })
    .optional(),
  /** Which figures of the 情况说明 the set has (default: all that apply). */
  figures: z.array(z.enum(FIGURE_KEYS)).optional(),
  /**
   * How a 0 the payload typed is printed: "0.00", "0", "-", or "" (blank, the national format).
   * A figure the payload leaves out always prints blank.
   */
  zero: z.enum(['', '0.00', '0', '-']).optional(),
  /**
   * The label of every table whose layout file in this set does not give its own: "表{no}",
   * "公开{no}表", or null for none. Saves a layout file per table just to renumber.
   */
  tableLabel: z.string().nullable().optional(),
  /**
   * More wordings of header words in this region's exported workbooks, added to the common
   * vocabulary (templates/import/header-synonyms.json) and to those of the set it extends.
   */
  headerSynonyms: HeaderSynonymsSchema.optional(),
});

const PartBase = { id: z.string().regex(/^[A-Za-z][\w-]*$/, '编号只能包含字母、数字、连字符'), title: z.string() };
export const DocumentPartSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('overview'), ...PartBase }),
  z.strictObject({ kind: z.literal('tables'), ...PartBase }),
  z.strictObject({
    kind: z.literal('narrative'),
    ...PartBase,
    /** The 情况说明 sections in this part, in order; numbered 一、二、… within the part. */
    sections: z.array(z.enum(NARRATIVE_SECTION_KEYS)).min(1),
  }),
  z.strictObject({ kind: z.literal('keyWork'), ...PartBase }),
  z.strictObject({ kind: z.literal('glossary'), ...PartBase }),
  z.strictObject({ kind: z.literal('attachments'), ...PartBase }),
]);
export type DocumentPart = z.infer<typeof DocumentPartSchema>;

export const DocumentSchema = z.strictObject({
  $comment: z.string().optional(),
  title: z.string(),
  tocTitle: z.string(),
  /** Parts in printed order. */
  parts: z.array(DocumentPartSchema).min(1),
  /** "{n}、{title}": the heading of a table inside the tables part ({n}: 一、二、…; {no}: the table's number). */
  tableHeading: z.string(),
  overview: z.strictObject({
    duties: z.strictObject({ id: z.string(), title: z.string() }),
    organization: z.strictObject({ id: z.string(), title: z.string() }),
    composition: z.string(),
    unitsIntro: z.string(),
    /** A unit in scope: "{name}", or "{name}（{note}）" when the payload gives its 备注. */
    unit: z.string(),
    unitWithNote: z.string(),
    /**
     * The units in scope as a table instead of a numbered list: the header of its three columns
     * (序号, 单位名称, 备注); the 备注 column holds the payload's note of each unit.
     */
    unitsTable: z.strictObject({ header: z.tuple([z.string(), z.string(), z.string()]) }).optional(),
  }),
  keyWork: z.strictObject({ tableTitle: z.string(), tableHeader: z.array(z.string()).length(4), none: z.string() }),
  narrativePending: z.string(),
  glossaryPending: z.string(),
  contact: z.string(),
  attachments: z.strictObject({
    overall: z.strictObject({ heading: z.string(), title: z.string() }),
    projects: z.strictObject({ heading: z.string(), title: z.string() }),
    unitLine: z.string(),
    dateLine: z.string(),
    overallNotes: z.array(z.string()),
    /** When 基本支出总额 / 项目支出总额 is a budget: its label, and the note that replaces overallNotes[noteIndex]. */
    expenseBasis: z.strictObject({
      $comment: z.string().optional(),
      budgetLabel: z.string(),
      note: z.string(),
      noteIndex: z.number().int().min(0),
      names: z.strictObject({ actual: z.string(), budget: z.string() }),
    }),
    /** Added to every form's 备注 when the forms' rate precision differs from the text's: "{n}. …". */
    rateNote: z.string(),
    /** How rateNote names a precision: "取整数", "保留 {decimals} 位小数". */
    precision: z.strictObject({ integer: z.string(), decimals: z.string() }),
    projectNotes: z.array(z.string()),
    projectTypes: z.array(z.string()),
    fundingSources: z.array(z.string()),
  }),
  attachmentsNone: z.string(),
  /**
   * 数据说明 at the end of the tables part, listing the findings the payload acknowledges
   * (audit.acknowledged) with their reasons. Absent: the set prints no such note.
   */
  dataNote: z
    .strictObject({
      title: z.string(),
      /** Opening sentence. */
      intro: z.string(),
      /** One line per acknowledged finding: {n} its number, {table} where it is, {reason} the reason. */
      item: z.string(),
      /** {table} for a finding outside the tables (the 情况说明's inputs). */
      elsewhere: z.string(),
    })
    .optional(),
});
export type DocumentTexts = z.infer<typeof DocumentSchema>;

export interface NarrativeTemplates {
  common: typeof commonT;
  overview: typeof overviewT;
  'gpb-expense': typeof gpbT;
  'government-funds': typeof fundsT;
  'three-public': typeof threePublicT;
  'other-sections': typeof otherT;
  performance: typeof performanceT;
}
export interface GlossaryTemplates {
  standard: typeof standardT;
  'generic-items': typeof genericItemsT;
}
export type FigureTemplates = typeof figuresT;

export type TableRef = z.infer<typeof TableRefSchema>;
export type CodeName = z.infer<typeof CodeName>;

/** A template set with everything inherited resolved: what the model, audit and renderers read. */
export interface TemplateSet {
  id: string;
  name: string;
  extends?: string;
  fiscalYears: number[];
  source?: z.infer<typeof SetFileSchema>['source'];
  tables: TableRef[];
  classLines: CodeName[];
  economic: NonNullable<z.infer<typeof SetFileSchema>['economic']>;
  figures?: string[];
  zero: '' | '0.00' | '0' | '-';
  layouts: Record<string, TableLayout>;
  document: DocumentTexts;
  narrative: NarrativeTemplates;
  glossary: GlossaryTemplates;
  figureTemplates: FigureTemplates;
  /** Header word → other wordings (common vocabulary + the sets extended + this set's own). */
  headerSynonyms: Record<string, string[]>;
}

/** A template set that cannot be loaded: every problem with its file and JSON path. */
export class TemplateSetError extends Error {
  constructor(readonly problems: { file: string; path: string; message: string }[]) {
    super(
      `模板集有误 invalid template set:\n` +
        problems.map((p) => `  templates/sets/${p.file} ${p.path || '/'}: ${p.message}`).join('\n'),
    );
    this.name = 'TemplateSetError';
  }
}

/** zod's own Chinese messages for template files (the payload schema keeps its hand-written ones). */
const ZH = { error: z.locales.zhCN().localeError };

/** The common vocabulary, checked once; a broken file names itself when sets load. */
const COMMON_VOCABULARY = HeaderVocabularySchema.safeParse(headerVocabulary, ZH);
const COMMON_SYNONYMS: Record<string, string[]> = COMMON_VOCABULARY.success ? COMMON_VOCABULARY.data.synonyms : {};

const jsonPointer = (path: readonly PropertyKey[]) =>
  path.map((k) => '/' + String(k).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

function zodProblems(file: string, error: z.ZodError): { file: string; path: string; message: string }[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `不认识的键 unknown key(s): ${issue.keys.join(', ')}`;
    return { file, path: jsonPointer(issue.path), message };
  });
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
const placeholdersOf = (s: string) => new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1]));

/**
 * Problems of a wording file against the shape of `reference` (the reference set's file): objects
 * with the same keys (all required, no others; `$comment` allowed), strings whose {placeholders}
 * the reference also uses at that place (the code fills only those), arrays of elements shaped like
 * the reference's elements (a key some reference element lacks is optional). A plain recursive walk:
 * it runs when an isolate loads the sets, so it must cost little.
 */
export function checkShape(
  value: unknown,
  reference: unknown,
  path = '',
  /** Placeholders the code fills under a path prefix beyond those the reference uses there. */
  extra: Record<string, string[]> = {},
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const extraAt = (at: string) => Object.entries(extra).flatMap(([prefix, names]) => (at.startsWith(prefix) ? names : []));
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const KIND: Record<string, string> = { string: '文字', number: '数', boolean: '是/否', null: 'null', array: '列表', object: '对象' };
  const walk = (v: unknown, ref: unknown, at: string, allowed?: Set<string>): void => {
    if (kind(v) !== kind(ref)) {
      problems.push({ path: at, message: `应为${KIND[kind(ref)] ?? kind(ref)}，实为${KIND[kind(v)] ?? kind(v)}` });
      return;
    }
    if (typeof v === 'string') {
      const ok = new Set([...(allowed ?? placeholdersOf(ref as string)), ...extraAt(at)]);
      const unknown = [...placeholdersOf(v)].filter((p) => !ok.has(p));
      if (unknown.length)
        problems.push({
          path: at,
          message: `此处没有占位符 ${unknown.map((p) => `{${p}}`).join('、')}（可用：${[...ok].map((p) => `{${p}}`).join('、') || '无'}）`,
        });
      return;
    }
    if (Array.isArray(v)) {
      const refs = ref as unknown[];
      if (refs.length === 0) return;
      if (refs.every((x) => typeof x === 'string')) {
        const ok = new Set(refs.flatMap((x) => [...placeholdersOf(x as string)]));
        v.forEach((x, i) => walk(x, '', `${at}/${i}`, ok));
        return;
      }
      if (refs.every(isPlainObject)) {
        const keys = new Map<string, unknown[]>();
        for (const el of refs as Record<string, unknown>[]) for (const [k, x] of Object.entries(el)) keys.set(k, [...(keys.get(k) ?? []), x]);
        v.forEach((el, i) => {
          if (!isPlainObject(el)) return walk(el, refs[0], `${at}/${i}`);
          for (const k of Object.keys(el))
            if (!keys.has(k)) problems.push({ path: `${at}/${i}`, message: `不认识的键 unknown key: ${k}（可用：${[...keys.keys()].join('、')}）` });
          for (const [k, examples] of keys) {
            if (!(k in el)) {
              if (examples.length === refs.length) problems.push({ path: `${at}/${i}`, message: `缺少 “${k}”` });
              continue;
            }
            const ok = examples.every((x) => typeof x === 'string') ? new Set(examples.flatMap((x) => [...placeholdersOf(x as string)])) : undefined;
            walk(el[k], examples[0], `${at}/${i}/${k}`, ok);
          }
        });
      }
      return;
    }
    if (isPlainObject(v)) {
      const r = ref as Record<string, unknown>;
      for (const k of Object.keys(v))
        if (k !== '$comment' && !(k in r)) problems.push({ path: at, message: `不认识的键 unknown key: ${k}` });
      for (const [k, x] of Object.entries(r)) {
        if (k === '$comment') continue;
        if (!(k in v)) problems.push({ path: `${at}/${k}`, message: '缺少 missing' });
        else walk(v[k], x, `${at}/${k}`);
      }
    }
  };
  walk(value, reference, path);
  return problems;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Deep merge: objects key by key, anything else (arrays included) replaced by the override. */
export function mergeDeep(base: unknown, override: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(override)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = k in base ? mergeDeep(base[k], v) : v;
    return out;
  }
  return override;
}

const WORDING_FILES = {
  narrative: ['common', 'overview', 'gpb-expense', 'government-funds', 'three-public', 'other-sections', 'performance'],
  glossary: ['standard', 'generic-items'],
} as const;

type Problem = { file: string; path: string; message: string };

/** Where the code fills more than the national wording uses: section titles may name the year. */
const EXTRA_PLACEHOLDERS: Record<string, Record<string, string[]>> = {
  'narrative/common.json': { '/sectionTitles/': ['year', 'prevYear', 'department'] },
};

/**
 * Loads the sets of `files` (id → path → JSON), resolving `extends`: all of them, or with `only`
 * just that set and the sets it extends (what a Worker isolate needs for one payload).
 * Throws TemplateSetError naming every problem.
 */
export function loadTemplateSets(files: Record<string, Record<string, unknown>>, only?: string): Map<string, TemplateSet> {
  const problems: Problem[] = [];
  if (!COMMON_VOCABULARY.success) problems.push(...zodProblems('../import/header-synonyms.json', COMMON_VOCABULARY.error));
  const resolved = new Map<string, TemplateSet>();
  const reference = files[REFERENCE_SET];
  if (!reference) throw new TemplateSetError([{ file: `${REFERENCE_SET}/`, path: '', message: '缺少参照模板集 missing reference set' }]);

  let ids = Object.keys(files);
  if (only !== undefined) {
    // The chain only → its base → … (read before validation; a bad `extends` is reported below).
    ids = [];
    for (let id: string | undefined = only; id && Object.hasOwn(files, id) && !ids.includes(id); ) {
      ids.push(id);
      const raw: unknown = files[id]['set.json'];
      id = isPlainObject(raw) && typeof raw.extends === 'string' ? raw.extends : undefined;
    }
  }
  const setFiles = new Map<string, z.infer<typeof SetFileSchema>>();
  for (const id of ids) {
    const byPath = files[id];
    for (const path of Object.keys(byPath)) {
      const known =
        path === 'set.json' ||
        path === 'document.json' ||
        path === 'figures.json' ||
        /^layouts\/[A-Za-z0-9]+\.json$/.test(path) ||
        WORDING_FILES.narrative.some((n) => path === `narrative/${n}.json`) ||
        WORDING_FILES.glossary.some((n) => path === `glossary/${n}.json`);
      if (!known) problems.push({ file: `${id}/${path}`, path: '', message: '不认识的文件 unknown file (see docs/template-sets.md)' });
    }
    const parsed = SetFileSchema.safeParse(byPath['set.json'], ZH);
    if (!byPath['set.json']) problems.push({ file: `${id}/set.json`, path: '', message: '缺少 set.json missing' });
    else if (!parsed.success) problems.push(...zodProblems(`${id}/set.json`, parsed.error));
    else if (parsed.data.id !== id)
      problems.push({ file: `${id}/set.json`, path: '/id', message: `id “${parsed.data.id}” 应与文件夹名 “${id}” 相同` });
    else setFiles.set(id, parsed.data);
  }

  const resolving = new Set<string>();
  const resolve = (id: string): TemplateSet | undefined => {
    if (resolved.has(id)) return resolved.get(id);
    const own = setFiles.get(id);
    if (!own) return undefined;
    if (resolving.has(id)) {
      problems.push({ file: `${id}/set.json`, path: '/extends', message: '继承关系成环 extends cycle' });
      return undefined;
    }
    resolving.add(id);
    let base: TemplateSet | undefined;
    if (own.extends) {
      if (!files[own.extends]) {
        problems.push({
          file: `${id}/set.json`,
          path: '/extends',
          message: `模板集 “${own.extends}” 不存在（可用：${Object.keys(files).join('、')}）`,
        });
        return undefined;
      }
      base = resolve(own.extends);
      if (!base) return undefined;
    }
    const set = build(id, own, files[id], base, reference, problems);
    resolving.delete(id);
    if (set) resolved.set(id, set);
    return set;
  };
  for (const id of setFiles.keys()) resolve(id);
  if (problems.length) throw new TemplateSetError(problems);
  return resolved;
}

function build(
  id: string,
  own: z.infer<typeof SetFileSchema>,
  byPath: Record<string, unknown>,
  base: TemplateSet | undefined,
  reference: Record<string, unknown>,
  problems: Problem[],
): TemplateSet | undefined {
  const before = problems.length;
  const missing = (key: string) =>
    problems.push({ file: `${id}/set.json`, path: '', message: `缺少 “${key}”（没有 extends 时必填）` });
  const fiscalYears = own.fiscalYears ?? base?.fiscalYears;
  const tables = own.tables ?? base?.tables;
  const classLines = own.classLines ?? base?.classLines;
  const economic = own.economic ?? base?.economic;
  if (!fiscalYears) missing('fiscalYears');
  if (!tables) missing('tables');
  if (!classLines) missing('classLines');
  if (!economic) missing('economic');

  // Wording files: merged onto the base's, checked against the reference's shape.
  const wording = <T>(path: string, baseValue: unknown, reference: unknown): T | undefined => {
    const value = path in byPath ? (baseValue === undefined ? byPath[path] : mergeDeep(baseValue, byPath[path])) : baseValue;
    if (value === undefined) {
      problems.push({ file: `${id}/${path}`, path: '', message: '缺少文件 missing file (no extends to inherit it from)' });
      return undefined;
    }
    const found = checkShape(value, reference, '', EXTRA_PLACEHOLDERS[path]);
    if (found.length) {
      problems.push(...found.map((p) => ({ file: `${id}/${path}`, ...p })));
      return undefined;
    }
    return value as T;
  };
  const n = <K extends keyof NarrativeTemplates>(name: K) => {
    const path = `narrative/${name}.json`;
    return wording<NarrativeTemplates[K]>(path, base?.narrative[name], reference[path]);
  };
  const g = <K extends keyof GlossaryTemplates>(name: K) => {
    const path = `glossary/${name}.json`;
    return wording<GlossaryTemplates[K]>(path, base?.glossary[name], reference[path]);
  };
  const narrative = {
    common: n('common'),
    overview: n('overview'),
    'gpb-expense': n('gpb-expense'),
    'government-funds': n('government-funds'),
    'three-public': n('three-public'),
    'other-sections': n('other-sections'),
    performance: n('performance'),
  };
  const glossary = { standard: g('standard'), 'generic-items': g('generic-items') };
  const figureTemplates = wording<FigureTemplates>('figures.json', base?.figureTemplates, reference['figures.json']);
  let document: DocumentTexts | undefined;
  {
    const path = 'document.json';
    const value = path in byPath ? (base ? mergeDeep(base.document, byPath[path]) : byPath[path]) : base?.document;
    const parsed = DocumentSchema.safeParse(value, ZH);
    if (value === undefined) problems.push({ file: `${id}/${path}`, path: '', message: '缺少文件 missing file' });
    else if (!parsed.success) problems.push(...zodProblems(`${id}/${path}`, parsed.error));
    else document = parsed.data;
  }

  // Layouts: a file is merged key by key onto the base's layout of its table (arrays replace),
  // or onto the layout named by its `like` (a new table shaped like an existing one); a layout
  // with neither is complete on its own.
  const layouts: Record<string, TableLayout> = { ...(base?.layouts ?? {}) };
  const layoutFiles = Object.entries(byPath).filter(([path]) => /^layouts\/[A-Za-z0-9]+\.json$/.test(path));
  const pending = new Map(layoutFiles.map(([path, value]) => [/^layouts\/([A-Za-z0-9]+)\.json$/.exec(path)![1], value]));
  const resolveLayout = (key: string, seen: string[]): void => {
    if (!pending.has(key)) return;
    const value = pending.get(key);
    pending.delete(key);
    const file = `${id}/layouts/${key}.json`;
    const like = isPlainObject(value) && typeof value.like === 'string' ? value.like : undefined;
    if (like && seen.includes(like)) {
      problems.push({ file, path: '/like', message: '“like” 成环' });
      return;
    }
    if (like) resolveLayout(like, [...seen, key]);
    const { like: _like, ...own } = isPlainObject(value) ? value : { like: undefined };
    const start = like ? layouts[like] : layouts[key];
    if (like && !start) {
      problems.push({ file, path: '/like', message: `没有版式 “${like}”（有：${Object.keys(layouts).join('、')}）` });
      return;
    }
    const merged = start ? mergeDeep({ ...start, key }, own) : own;
    const parsed = TableLayoutSchema.safeParse(merged, ZH);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      return;
    }
    if (parsed.data.key !== key) {
      problems.push({ file, path: '/key', message: `key “${parsed.data.key}” 应与文件名 “${key}” 相同` });
      return;
    }
    layouts[key] = parsed.data;
  };
  for (const [key] of [...pending]) resolveLayout(key, [key]);
  if (own.tableLabel !== undefined) {
    const ownLabel = (key: string) => {
      const file = byPath[`layouts/${key}.json`];
      return isPlainObject(file) && 'label' in file;
    };
    for (const key of Object.keys(layouts)) if (!ownLabel(key)) layouts[key] = { ...layouts[key], label: own.tableLabel };
  }
  // Functional segments read a built-in table or a declared one with rows by code.
  for (const [key, layout] of Object.entries(layouts)) {
    if (!isBuiltInTable(key) && !layout.data && !layout.body.every((seg) => seg.type === 'functional' || seg.type === 'rows'))
      problems.push({ file: `${id}/layouts/${key}.json`, path: '/data', message: '自定义表需要声明 data（数据来自付款数据的 tables.custom）' });
    layout.body.forEach((seg, i) => {
      if (seg.type !== 'functional') return;
      const declared = layouts[seg.table]?.data;
      if ((BUILT_IN_FUNCTIONAL as readonly string[]).includes(seg.table)) return;
      if (declared?.rows === 'functional') {
        const unknown = seg.values.filter((v) => !declared.columns.some((c) => c.key === v));
        if (unknown.length)
          problems.push({ file: `${id}/layouts/${key}.json`, path: `/body/${i}/values`, message: `表 “${seg.table}” 没有栏目 ${unknown.join('、')}` });
        return;
      }
      problems.push({
        file: `${id}/layouts/${key}.json`,
        path: `/body/${i}/table`,
        message: `“${seg.table}” 不是按功能分类列示的表（可用：${[...BUILT_IN_FUNCTIONAL].join('、')} 或声明了 data.rows = functional 的表）`,
      });
    });
    const data = layout.data;
    if (data)
      (data.identities ?? []).forEach((identity, i) => {
        const keys = identity.kind === 'columns' ? data.columns.map((c) => c.key) : (data.lines ?? []).map((l) => l.key);
        const unknown = [identity.total, ...identity.parts].filter((k) => !keys.includes(k));
        if (unknown.length)
          problems.push({
            file: `${id}/layouts/${key}.json`,
            path: `/data/identities/${i}`,
            message: `没有${identity.kind === 'columns' ? '栏目' : '行'} ${unknown.join('、')}（有：${keys.join('、') || '无'}）`,
          });
      });
  }
  if (tables) {
    const seenNo = new Set<string>();
    const seenKey = new Set<string>();
    tables.forEach((t, i) => {
      const file = `${id}/set.json`;
      if (!layouts[t.key]) problems.push({ file, path: `/tables/${i}/key`, message: `表 “${t.key}” 没有版式文件 layouts/${t.key}.json` });
      if (seenNo.has(t.no)) problems.push({ file, path: `/tables/${i}/no`, message: `表号 “${t.no}” 重复` });
      if (seenKey.has(t.key)) problems.push({ file, path: `/tables/${i}/key`, message: `表 “${t.key}” 重复` });
      seenNo.add(t.no);
      seenKey.add(t.key);
    });
  }
  if (document && !document.parts.some((p) => p.kind === 'tables'))
    problems.push({ file: `${id}/document.json`, path: '/parts', message: '缺少表格部分 (kind “tables”)' });
  if (problems.length > before) return undefined;
  return {
    id,
    name: own.name,
    ...(own.extends ? { extends: own.extends } : {}),
    fiscalYears: fiscalYears!,
    ...(own.source ?? base?.source ? { source: own.source ?? base?.source } : {}),
    tables: tables!,
    classLines: classLines!,
    economic: economic!,
    ...(own.figures ?? base?.figures ? { figures: own.figures ?? base?.figures } : {}),
    zero: own.zero ?? base?.zero ?? '',
    layouts: layouts as Record<TableKey, TableLayout>,
    document: document!,
    narrative: allDefined<NarrativeTemplates>(narrative),
    glossary: allDefined<GlossaryTemplates>(glossary),
    figureTemplates: figureTemplates!,
    headerSynonyms: mergeSynonyms(base?.headerSynonyms ?? COMMON_SYNONYMS, own.headerSynonyms),
  };
}


function mergeSynonyms(base: Record<string, string[]>, own: Record<string, string[]> | undefined): Record<string, string[]> {
  if (!own) return base;
  const out: Record<string, string[]> = { ...base };
  for (const [word, alternatives] of Object.entries(own)) out[word] = [...new Set([...(out[word] ?? []), ...alternatives])];
  return out;
}

/** An object whose values were each checked (problems otherwise returned early) as its full type. */
function allDefined<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  for (const [k, v] of Object.entries(o)) if (v === undefined) throw new Error(`template part ${k} missing`);
  return o as T;
}

let files: Record<string, Record<string, unknown>> = SET_FILES;
let all: Map<string, TemplateSet> | undefined;
const single = new Map<string, TemplateSet>();

/**
 * Replaces the sets (tests: a fixture set outside templates/sets/ next to the shipped ones);
 * every one is checked at once.
 * @example useTemplateSets({ ...SET_FILES, 'fixture-2024': files })
 */
export function useTemplateSets(replacement: Record<string, Record<string, unknown>>): void {
  all = loadTemplateSets(replacement);
  files = replacement;
  single.clear();
}

/** Ids of every set, in id order (without loading them). */
export function templateSetIdList(): string[] {
  return Object.keys(files).sort();
}

/** Every set, loaded and checked once (GET /v1/template-sets, scripts/check-sets.mjs). */
export function templateSets(): Map<string, TemplateSet> {
  all ??= loadTemplateSets(files);
  return all;
}

/** One set, loaded with the sets it extends the first time it is asked for; undefined when there is none. */
export function templateSet(id: string): TemplateSet | undefined {
  if (all) return all.get(id);
  if (!Object.hasOwn(files, id)) return undefined;
  if (!single.has(id)) for (const [k, set] of loadTemplateSets(files, id)) single.set(k, set);
  return single.get(id);
}
