/**
 * Table layouts are data (templates/layouts/<set>/<table key>.json): headers with their
 * rowspan/colspan as in the official format, the fixed row lists, which model figure goes in
 * each cell, and the notes. One generic renderer (grid.ts) draws any of them, so a region's or a
 * year's format is a new folder of JSON, not new code.
 */
import type { TableKey } from '../model/template-set';
import summary from '../../templates/layouts/national-2024/summary.json';
import income from '../../templates/layouts/national-2024/income.json';
import expense from '../../templates/layouts/national-2024/expense.json';
import fiscalSummary from '../../templates/layouts/national-2024/fiscalSummary.json';
import gpbExpense from '../../templates/layouts/national-2024/gpbExpense.json';
import basicExpenseDetail from '../../templates/layouts/national-2024/basicExpenseDetail.json';
import fund from '../../templates/layouts/national-2024/fund.json';
import stateCapital from '../../templates/layouts/national-2024/stateCapital.json';
import threePublic from '../../templates/layouts/national-2024/threePublic.json';
import document2024 from '../../templates/layouts/national-2024/document.json';

/** A header cell, in physical columns. */
export interface HeaderCellSpec {
  text: string;
  colspan?: number;
  rowspan?: number;
}

export interface HeaderRowSpec {
  /** `columnNumbers`: the 栏次 row — shown, but not part of flattened CSV headers. */
  role?: 'columnNumbers';
  cells: HeaderCellSpec[];
}

export type ColumnKind = 'code' | 'name' | 'label' | 'line' | 'amount';

/** A logical column (one CSV column); `span` physical columns in HTML (功能分类编码 spans 类/款/项). */
export interface ColumnSpec {
  key: string;
  kind: ColumnKind;
  span?: number;
}

/** A figure path into the model, e.g. "summary.income.gpb"; Maps are indexed by key. */
export type FigurePath = string;

export type Emphasis = 'total' | 'grand';

/** A body cell of an explicit row; `span` counts logical columns. */
export type CellSpec =
  | { text: string; rowHeader?: boolean; span?: number }
  | { figure: FigurePath; span?: number };

/** A machine-readable record (JSON output) that a row stands for. */
export interface RecordSpec {
  name: string;
  code?: string;
  level?: string;
  section?: string;
  /** Value column key → figure path. */
  values: Record<string, FigurePath>;
}

export interface ExplicitRowSpec {
  cells: CellSpec[];
  emphasis?: Emphasis;
  records?: RecordSpec[];
}

/** One line of a half of a paired table (01/04): a label with its figures, or the fixed 类 lines. */
export type LineSpec =
  | { label: string; figures?: FigurePath[]; emphasis?: Emphasis; indent?: number }
  | {
      classLines: {
        /** Map of figures by 类 code, e.g. "summary.expenseByClass". */
        source: FigurePath;
        /** "{ordinal}、{name}". */
        label: string;
        /** Relative to `source`, "{code}" replaced by the 类 code. */
        figures: FigurePath[];
      };
    };

export interface HalfSpec {
  /** 收入 / 支出, as a JSON record's section. */
  section: string;
  /** Value column keys of this half's figures, for JSON. */
  values: string[];
}

export type SegmentSpec =
  | { type: 'rows'; rows: ExplicitRowSpec[] }
  /** 功能分类 table (02/03/05/07/08): the 合计 row, then 类/款/项 rows from the model. */
  | {
      type: 'functional';
      table: 'income' | 'expense' | 'gpbExpense' | 'fund' | 'stateCapital';
      totalLabel: string;
      values: string[];
    }
  /**
   * Income and expense side by side (01/04). Blocks align row by row; the shorter half of a block
   * is padded with numbered blank lines. 行次 run down the left half, then on down the right.
   */
  | { type: 'paired'; halves: [HalfSpec, HalfSpec]; blocks: { left: LineSpec[]; right: LineSpec[] }[] }
  /** 经济分类 groups side by side (06), from the template set's economic columns. */
  | { type: 'economic'; source: FigurePath; values: string[] };

export interface TableLayout {
  key: TableKey;
  /** "{year} 年度收入支出决算总表". */
  title: string;
  /** "公开{no}表", or null where a region prints no label. */
  label: string | null;
  orientation?: 'portrait' | 'landscape';
  columns: ColumnSpec[];
  header: HeaderRowSpec[];
  /** Value columns of JSON records, with their titles. */
  valueColumns: { key: string; title: string }[];
  body: SegmentSpec[];
  notes: string[];
  /** Printed under the table when every figure in it is blank ("本部门 {year} 年度无…"). */
  emptyNote?: string;
}

/** Texts of the whole document (part titles, fixed sentences, attachment notes). */
export type DocumentTexts = typeof document2024;

export interface LayoutSet {
  tables: Record<TableKey, TableLayout>;
  document: DocumentTexts;
}

const LAYOUT_SETS: Record<string, LayoutSet> = {
  'national-2024': {
    tables: {
      summary,
      income,
      expense,
      fiscalSummary,
      gpbExpense,
      basicExpenseDetail,
      fund,
      stateCapital,
      threePublic,
    } as unknown as Record<TableKey, TableLayout>,
    document: document2024,
  },
};

/** Layouts for a template set id; template sets without their own layouts use the national ones. */
export function layoutSet(templateSetId: string): LayoutSet {
  return Object.hasOwn(LAYOUT_SETS, templateSetId) ? LAYOUT_SETS[templateSetId] : LAYOUT_SETS['national-2024'];
}
