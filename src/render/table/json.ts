/** A table as JSON for code, from the same grid as the HTML table. */
import type { Model } from '../../model/derive';
import { buildTable, type BuiltTable } from './grid';

export interface TableJson {
  table: string;
  title: string;
  label: string | null;
  unit: string;
  department: string;
  fiscalYear: number;
  columns: { key: string; title: string }[];
  rows: BuiltTable['records'];
  notes: string[];
}

/** Table `id` as a JSON value; amounts are exact decimal strings ("1519.58") or null for blank. */
export function tableJson(model: Model, id: string): TableJson {
  const table = buildTable(model, id);
  return {
    table: table.no,
    title: table.title,
    label: table.label,
    unit: table.unit,
    department: table.department,
    fiscalYear: table.fiscalYear,
    columns: table.layout.valueColumns,
    rows: table.records,
    notes: table.emptyNote ? [...table.notes, table.emptyNote] : table.notes,
  };
}

/** Table `id` as JSON text. */
export function renderTableJson(model: Model, id: string): string {
  return `${JSON.stringify(tableJson(model, id), null, 2)}\n`;
}
