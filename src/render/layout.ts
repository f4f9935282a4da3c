/**
 * Table layouts are data (templates/sets/<set>/layouts/<table key>.json): headers with their
 * rowspan/colspan as in the official format, the fixed row lists, which model figure goes in
 * each cell, and the notes. One generic renderer (table/grid.ts) draws any of them, so a region's
 * or a year's format is a new folder of JSON, not new code. The schema is src/model/layout-schema.ts.
 */
import { templateSetOf, type DocumentTexts, type TableKey } from '../model/template-set';
import type { TableLayout } from '../model/layout-schema';

export type {
  HeaderCellSpec,
  HeaderRowSpec,
  ColumnKind,
  ColumnSpec,
  FigurePath,
  Emphasis,
  CellSpec,
  RecordSpec,
  ExplicitRowSpec,
  LineSpec,
  HalfSpec,
  SegmentSpec,
  TableLayout,
} from '../model/layout-schema';
export type { DocumentTexts };

export interface LayoutSet {
  tables: Record<TableKey, TableLayout>;
  document: DocumentTexts;
}

/** Layouts and document texts of a template set (the reference set's for an unknown id). */
export function layoutSet(templateSetId: string): LayoutSet {
  const set = templateSetOf(templateSetId);
  return { tables: set.layouts, document: set.document };
}
