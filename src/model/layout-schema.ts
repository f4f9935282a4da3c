/**
 * The zod schema of a table layout (templates/sets/<set>/layouts/<table>.json): headers with their
 * rowspan/colspan as in the official format, the fixed row lists, which model figure goes in each
 * cell, and the notes. The types the renderers use are inferred from it, so a layout file is
 * checked before any renderer reads it.
 */
import { z } from 'zod';

const Comment = z.string().optional();

export const HeaderCellSpec = z.strictObject({
  text: z.string(),
  colspan: z.number().int().min(1).optional(),
  rowspan: z.number().int().min(1).optional(),
});

export const HeaderRowSpec = z.strictObject({
  /** `columnNumbers`: the 栏次 row — shown, but not part of flattened CSV headers. */
  role: z.literal('columnNumbers').optional(),
  cells: z.array(HeaderCellSpec).min(1),
});

export const ColumnKind = z.enum(['code', 'name', 'label', 'line', 'amount']);

/** A logical column (one CSV column); `span` physical columns in HTML (功能分类编码 spans 类/款/项). */
export const ColumnSpec = z.strictObject({
  key: z.string().min(1),
  kind: ColumnKind,
  span: z.number().int().min(1).optional(),
});

/** A figure path into the model, e.g. "summary.income.gpb"; Maps are indexed by key. */
export const FigurePath = z.string().min(1);

export const Emphasis = z.enum(['total', 'grand']);

/** A body cell of an explicit row; `span` counts logical columns. */
export const CellSpec = z.union([
  z.strictObject({ text: z.string(), rowHeader: z.boolean().optional(), span: z.number().int().min(1).optional() }),
  z.strictObject({ figure: FigurePath, span: z.number().int().min(1).optional() }),
]);

/** A machine-readable record (JSON output) that a row stands for. */
export const RecordSpec = z.strictObject({
  name: z.string(),
  code: z.string().optional(),
  level: z.string().optional(),
  section: z.string().optional(),
  /** Value column key → figure path. */
  values: z.record(z.string(), FigurePath),
});

export const ExplicitRowSpec = z.strictObject({
  cells: z.array(CellSpec),
  emphasis: Emphasis.optional(),
  records: z.array(RecordSpec).optional(),
});

/** One line of a half of a paired table (01/04): a label with its figures, or the fixed 类 lines. */
export const LineSpec = z.union([
  z.strictObject({
    label: z.string(),
    figures: z.array(FigurePath).optional(),
    emphasis: Emphasis.optional(),
    indent: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    classLines: z.strictObject({
      /** Map of figures by 类 code, e.g. "summary.expenseByClass". */
      source: FigurePath,
      /** "{ordinal}、{name}". */
      label: z.string(),
      /** Relative to `source`, "{code}" replaced by the 类 code. */
      figures: z.array(FigurePath),
    }),
  }),
]);

export const HalfSpec = z.strictObject({
  /** 收入 / 支出, as a JSON record's section. */
  section: z.string(),
  /** Value column keys of this half's figures, for JSON. */
  values: z.array(z.string()),
});

export const BUILT_IN_FUNCTIONAL = ['income', 'expense', 'gpbExpense', 'fund', 'stateCapital'] as const;

export const SegmentSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rows'), rows: z.array(ExplicitRowSpec) }),
  /**
   * 功能分类 table: the 合计 row, then 类/款/项 rows from the model. `table`: a built-in one
   * (income, expense, gpbExpense, fund, stateCapital) or a table the set declares with `data`.
   */
  z.strictObject({
    type: z.literal('functional'),
    table: z.string().min(1),
    totalLabel: z.string(),
    values: z.array(z.string()),
    /** Where the 合计 row goes: first (national), last, or not printed. */
    total: z.enum(['first', 'last', 'none']).optional(),
    /** `nonblank`: only rows with a figure in one of `values` (e.g. a 项目支出 table from 05's project column). */
    rows: z.enum(['all', 'nonblank']).optional(),
  }),
  /**
   * Income and expense side by side (01/04). Blocks align row by row; the shorter half of a block
   * is padded with numbered blank lines. 行次 run down the left half, then on down the right.
   */
  z.strictObject({
    type: z.literal('paired'),
    /** false: no 行次 column (the layout then has label + amounts per half). */
    lineNumbers: z.boolean().optional(),
    halves: z.tuple([HalfSpec, HalfSpec]),
    blocks: z.array(z.strictObject({ left: z.array(LineSpec), right: z.array(LineSpec) })),
  }),
  /** 经济分类 groups side by side (06), from the template set's economic columns. */
  z.strictObject({ type: z.literal('economic'), source: FigurePath, values: z.array(z.string()) }),
]);

/**
 * An identity the audit checks in a declared table: `columns` — in every row, the `total` column
 * equals the sum of the `parts` columns (合计 = 基本支出 + 项目支出); `lines` — in every column, the
 * `total` line equals the sum of the `parts` lines (三公合计 = 出国 + 车辆 + 接待).
 */
export const IdentitySpec = z.strictObject({
  kind: z.enum(['columns', 'lines']),
  total: z.string().min(1),
  parts: z.array(z.string().min(1)).min(1),
});

/**
 * The data a table not built in takes from the payload (tables.custom.<key>): rows by 功能分类
 * code (类 = Σ款 = Σ项 and 合计 = Σ类 are derived and checked) or fixed lines, with declared columns.
 */
export const DataSpec = z.strictObject({
  rows: z.enum(['functional', 'lines']),
  columns: z.array(z.strictObject({ key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), title: z.string() })).min(1),
  /** For `lines`: the line keys and their names (used in audit messages). */
  lines: z.array(z.strictObject({ key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), title: z.string() })).optional(),
  identities: z.array(IdentitySpec).optional(),
});

export const TableLayoutSchema = z.strictObject({
  $comment: Comment,
  key: z.string().min(1),
  /** "{year} 年度收入支出决算总表". */
  title: z.string(),
  /** "公开{no}表", or null where a region prints no label. */
  label: z.string().nullable(),
  orientation: z.enum(['portrait', 'landscape']).optional(),
  columns: z.array(ColumnSpec).min(1),
  header: z.array(HeaderRowSpec),
  /** Value columns of JSON records, with their titles. */
  valueColumns: z.array(z.strictObject({ key: z.string(), title: z.string() })),
  body: z.array(SegmentSpec),
  notes: z.array(z.string()),
  /** Printed under the table when every figure in it is blank ("本部门 {year} 年度无…"). */
  emptyNote: z.string().optional(),
  /** For a table that is not built in: what the payload gives for it. */
  data: DataSpec.optional(),
});

export type HeaderCellSpec = z.infer<typeof HeaderCellSpec>;
export type HeaderRowSpec = z.infer<typeof HeaderRowSpec>;
export type ColumnKind = z.infer<typeof ColumnKind>;
export type ColumnSpec = z.infer<typeof ColumnSpec>;
export type FigurePath = string;
export type Emphasis = z.infer<typeof Emphasis>;
export type CellSpec = z.infer<typeof CellSpec>;
export type RecordSpec = z.infer<typeof RecordSpec>;
export type ExplicitRowSpec = z.infer<typeof ExplicitRowSpec>;
export type LineSpec = z.infer<typeof LineSpec>;
export type HalfSpec = z.infer<typeof HalfSpec>;
export type SegmentSpec = z.infer<typeof SegmentSpec>;
export type TableLayout = z.infer<typeof TableLayoutSchema>;
export type IdentitySpec = z.infer<typeof IdentitySpec>;
export type DataSpec = z.infer<typeof DataSpec>;
