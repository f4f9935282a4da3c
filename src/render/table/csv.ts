/** A table as CSV for spreadsheets, from the same grid as the HTML table. */
import type { Model } from '../../model/derive';
import { buildTable, flatHeaders } from './grid';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
function csvField(text: string, isText: boolean): string {
  // A text cell starting with = + - @ would run as a formula in Excel: prefix it (OWASP CSV injection).
  const safe = isText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Table `id` as CSV: UTF-8 with BOM (so Excel detects the encoding), CRLF, one flattened header
 * row, amounts without thousands separators so spreadsheets read them as numbers, blanks empty.
 */
export function renderTableCsv(model: Model, id: string): string {
  const table = buildTable(model, id);
  const lines = [flatHeaders(table).map((h) => csvField(h, true)).join(',')];
  for (const row of table.rows) {
    const fields: string[] = [];
    for (const cell of row.cells) {
      fields.push(csvField(cell.figure ? cell.plain : cell.text, !cell.figure));
      for (let i = 1; i < cell.span; i++) fields.push('');
    }
    lines.push(fields.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
