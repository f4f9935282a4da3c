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

export const FunctionalTable = z.enum(['income', 'expense', 'gpbExpense', 'fund', 'stateCapital']);

export const SegmentSpec = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rows'), rows: z.array(ExplicitRowSpec) }),
  /** 功能分类 table (02/03/05/07/08): the 合计 row, then 类/款/项 rows from the model. */
  z.strictObject({
    type: z.literal('functional'),
    table: FunctionalTable,
    totalLabel: z.string(),
    values: z.array(z.string()),
  }),
  /**
   * Income and expense side by side (01/04). Blocks align row by row; the shorter half of a block
   * is padded with numbered blank lines. 行次 run down the left half, then on down the right.
   */
  z.strictObject({
    type: z.literal('paired'),
    halves: z.tuple([HalfSpec, HalfSpec]),
    blocks: z.array(z.strictObject({ left: z.array(LineSpec), right: z.array(LineSpec) })),
  }),
  /** 经济分类 groups side by side (06), from the template set's economic columns. */
  z.strictObject({ type: z.literal('economic'), source: FigurePath, values: z.array(z.string()) }),
]);

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
