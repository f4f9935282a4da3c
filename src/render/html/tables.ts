/**
 * One table of 第二部分 in three forms: a full HTML page, CSV for spreadsheets, JSON for code.
 * All three come from the same built grid (grid.ts).
 */
import type { Model } from '../../model/derive';
import type { RenderContext } from '../output';
import { escapeHtml } from './escape';
import { buildTable, flatHeaders, type BuiltTable } from './grid';
import { renderPage } from './page';
import { tableSectionHtml } from './table-html';

/** Links to the CSV and JSON of a table, when the page knows where they live. */
export function downloadLinks(no: string, ctx: RenderContext): string {
  if (!ctx.links || ctx.params.embed) return '';
  const csv = escapeHtml(ctx.links.table(no, 'csv'));
  const json = escapeHtml(ctx.links.table(no, 'json'));
  return `\n<p class="downloads">下载数据：<a href="${csv}" download>CSV</a><a href="${json}">JSON</a></p>`;
}

/** The table as an HTML fragment (<section>) for use inside a larger page. */
export function renderTableSection(model: Model, id: string, ctx: RenderContext): string {
  return tableSectionHtml(buildTable(model, id), { after: downloadLinks(id, ctx) });
}

/**
 * Table `id` ("01".."09") as a full HTML page. Unknown ids throw ProblemError(404).
 * @example renderTableHtml(model, '01', { params: DEFAULT_PARAMS })
 */
export function renderTableHtml(model: Model, id: string, ctx: RenderContext): string {
  const table = buildTable(model, id);
  const { meta } = model.payload;
  const docTitle = `${meta.fiscalYear} 年度${meta.department} 部门决算公开`;
  const back = ctx.links ? `<a href="${escapeHtml(ctx.links.document())}">查看完整公开文档</a>` : '';
  const header = `<header class="chrome"><span class="site">${escapeHtml(docTitle)}</span>${back}</header>`;
  const heading = ctx.params.embed ? '' : `<h1 class="visually-hidden">${escapeHtml(table.title)}</h1>\n`;
  return renderPage({
    ctx,
    title: `${table.title}${table.label ? `（${table.label}）` : ''} — ${meta.department}`,
    header,
    main: heading + tableSectionHtml(table, { after: downloadLinks(id, ctx) }),
    embedId: `${meta.slug}-${meta.fiscalYear}-table-${table.no}`,
  });
}

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
