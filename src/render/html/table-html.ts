/**
 * A built table as semantic HTML: <caption> with title, 公开NN表, 编制单位 and unit; <thead> with
 * scoped column headers; row headers as <th scope="row">. Where a row holds several row headers
 * (the side-by-side halves of 01/04 and the three groups of 06), data cells name their headers
 * explicitly with `headers`, so a screen reader does not read three row labels for one number.
 */
import { escapeHtml } from './escape';
import { headingWords } from '../words';

export { headingWords } from '../words';
import { placeHeader, type BuiltTable, type GridCell, type GridRow } from '../table/grid';

export interface TableHtmlOptions {
  /** HTML placed after the notes (download links). */
  after?: string;
}

const ROLE_CLASS: Record<GridCell['kind'], string> = {
  code: 'code',
  name: 'name',
  label: 'label',
  line: 'line',
  amount: 'num',
  stub: 'stub',
};

/** The <section> holding one table with its caption, notes and 空表说明. */
export function tableSectionHtml(table: BuiltTable, options: TableHtmlOptions = {}): string {
  // Built tables are kept per model (grid.ts), so their markup is made once too.
  let markup = sections.get(table);
  if (markup === undefined) {
    markup = sectionMarkup(table);
    sections.set(table, markup);
  }
  return `${markup}${options.after ?? ''}
</section>`;
}

const sections = new WeakMap<BuiltTable, string>();

/** The section up to its closing tag, without the caller's `after`. */
function sectionMarkup(table: BuiltTable): string {
  const prefix = `t${table.no}`;
  const captionId = `${prefix}-caption`;
  const orientation = table.layout.orientation ?? 'portrait';
  const placed = placeHeader(table.header, table.width);

  // Column header ids by physical column, for `headers` on cells of multi-header rows.
  const columnHeaders: string[][] = Array.from({ length: table.width }, () => []);
  const headRows = table.header.map((row, r) => {
    const cells = placed
      .filter((c) => c.row === r)
      .map((c) => {
        const id = `${prefix}-h${r}-${c.col}`;
        if (!c.columnNumbers) for (let i = c.col; i < c.col + c.colspan; i++) columnHeaders[i].push(id);
        const scope = c.colspan > 1 ? 'colgroup' : 'col';
        const spans = `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
        // Short headers (行次, 小计, 合计) never break; longer ones only between words.
        const short = [...c.text].length <= 4 ? ' class="nw"' : '';
        return `<th id="${id}" scope="${scope}"${spans}${short}>${breakableHtml(c.text)}</th>`;
      })
      .join('');
    return `<tr${row.role === 'columnNumbers' ? ' class="colno"' : ''}>${cells}</tr>`;
  });

  const bodyRows = table.rows.map((row, r) => bodyRowHtml(row, r, prefix, columnHeaders));

  const label = table.label ? `<span class="cap-label">${escapeHtml(table.label)}</span>` : '';
  const caption = `<caption id="${captionId}"><span class="cap-title">${escapeHtml(table.title)}</span><span class="cap-meta"><span class="cap-org">编制单位：${escapeHtml(table.department)}</span><span class="cap-right">${label}<span class="cap-unit">单位：${escapeHtml(table.unit)}</span></span></span></caption>`;

  const notes = table.notes.length
    ? `\n<div class="table-notes">${table.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`
    : '';
  const emptyNote = table.emptyNote ? `\n<p class="empty-note">${escapeHtml(table.emptyNote)}</p>` : '';
  const uniform = table.columns.every((c) => c.kind === 'amount');
  const classes = ['jt', `t-${table.key}`, orientation, uniform ? 'uniform' : ''].filter(Boolean).join(' ');
  // Column widths by kind: codes, 行次 and amounts get fixed widths, names take the rest.
  const cols = uniform
    ? ''
    : `<colgroup>${table.columns
        .map((c) => {
          const span = c.span ?? 1;
          const cls = c.kind === 'code' ? (span > 1 ? 'c-code3' : 'c-code') : `c-${c.kind}`;
          return `<col class="${cls}">`.repeat(span);
        })
        .join('')}</colgroup>\n`;
  return `<section class="table-block ${orientation}" id="table-${table.no}" data-table="${table.no}">
<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">
<table class="${classes}">
${caption}
${cols}<thead>
${headRows.join('\n')}
</thead>
<tbody>
${bodyRows.join('\n')}
</tbody>
</table>
</div>${notes}${emptyNote}`;
}

/**
 * Escaped heading that breaks only between its words: each word unbreakable (class w: nowrap, so
 * not even after a bracket, 因公出国（境）| 费), <wbr> between them (keep-all allows no other break).
 */
function breakableHtml(text: string): string {
  const words = headingWords(text);
  if (words.length < 2) return escapeHtml(text);
  return words.map((w) => `<span class="w">${escapeHtml(w)}</span>`).join('<wbr>');
}

function bodyRowHtml(row: GridRow, r: number, prefix: string, columnHeaders: string[][]): string {
  const multiHeader = row.cells.filter((c) => c.rowHeader && c.text !== '').length > 1;
  let col = 0;
  let rowHeaderId = '';
  const cells = row.cells.map((cell) => {
    const start = col;
    col += cell.colspan;
    const span = cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '';
    const classes = [ROLE_CLASS[cell.kind], cell.indent ? `indent-${cell.indent}` : ''].filter(Boolean).join(' ');
    if (cell.rowHeader && cell.text !== '') {
      rowHeaderId = `${prefix}-r${r}-${start}`;
      const id = multiHeader ? ` id="${rowHeaderId}"` : '';
      return `<th scope="row"${id}${span} class="${classes}">${escapeHtml(cell.text)}</th>`;
    }
    // A new half or group (a code, or a blank label of 01's padded lines) ends the previous row header.
    if (cell.kind === 'label' || cell.kind === 'name' || cell.kind === 'code') rowHeaderId = '';
    let headers = '';
    if (multiHeader) {
      // Codes and 行次 are labels themselves: only their column names them.
      const own = cell.kind === 'amount' ? [rowHeaderId] : [];
      const ids = [...own, ...columnHeaders[start]].filter(Boolean);
      if (ids.length) headers = ` headers="${ids.join(' ')}"`;
    }
    // data-path: the payload's JSON pointer, for tools that point a finding at its cell (the workbench).
    const path = cell.path ? ` data-path="${escapeHtml(cell.path)}"` : '';
    return `<td${span}${headers} class="${classes}"${path}>${escapeHtml(cell.text)}</td>`;
  });
  const classes = [row.emphasis ?? '', row.level ? `lv-${row.level}` : ''].filter(Boolean).join(' ');
  return `<tr${classes ? ` class="${classes}"` : ''}>${cells.join('')}</tr>`;
}
