/**
 * Tables as Excel workbooks, shaped like a 决算软件 export so a clerk opens what she would open
 * anyway: the title, the 公开NN表 label, the 编制单位 / 单位 line, the multi-row header merged
 * exactly as the HTML table prints it (the same BuiltTable and placeHeader: nothing is
 * re-derived), the 栏次 row, then the rows — amounts as numeric cells formatted `#,##0.00`, blank
 * where the table prints blank — and the notes. Header rows are frozen, columns sized to their
 * text (a CJK character counts double), sheets named from the template set's labels and titles.
 *
 * SheetJS CE writes no frozen panes, so the zip it writes is opened again with its own CFB
 * container, a <pane> is put into each sheet's <sheetView>, and the zip is written back with
 * fixed entry dates: the same payload gives the same bytes in the Worker and in Node.
 */
import type { Model } from '../../model/derive';
import { tableLabel } from '../../model/template-set';
import { placeHeader, buildTable, type BuiltTable, type GridCell } from './grid';
import { XLSX, type CellObject, type ColInfo, type Range, type RowInfo, type WorkBook, type WorkSheet } from './sheetjs';

/** Excel's number format of an amount: thousands separators, two decimals. */
export const AMOUNT_FORMAT = '#,##0.00';

/**
 * The number format that prints a typed zero as the template set prints zeros (set.json `zero`):
 * "0.00" and blank-for-zero sets use AMOUNT_FORMAT (a blank is no cell at all), "0" and "-" add a
 * zero section.
 */
export function amountFormat(zero: Model['set']['zero']): string {
  if (zero === '0') return `${AMOUNT_FORMAT};-${AMOUNT_FORMAT};0`;
  if (zero === '-') return `${AMOUNT_FORMAT};-${AMOUNT_FORMAT};"-"`;
  return AMOUNT_FORMAT;
}

/** Width of text in Excel's character units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return width;
}

const MIN_WIDTH = 6;
/** Points per line of 11 pt 宋体, and the title row's height for 16 pt. */
const LINE_HEIGHT = 15;
const TITLE_HEIGHT = 24;
const TITLE_SCALE = 1.6;
const MAX_WIDTH = 60;
/** Room on either side of the text, in characters. */
const PADDING = 2;

/**
 * How a cell looks, as a 决算 export prints it: the title bold and centred over the table, the
 * label and unit to the right, header and rows in a ruled grid (header centred, totals bold).
 */
export type CellStyle = 'title' | 'right' | 'head' | 'text' | 'center' | 'amount' | 'textTotal' | 'amountTotal' | 'note' | 'centerTotal';

/** One sheet ready to add to a workbook, with what the zip patch needs to know. */
export interface TableSheet {
  sheet: WorkSheet;
  /** Rows above the first data row (title, unit line, header, 栏次): frozen. */
  frozenRows: number;
  /** The style of each styled cell by address ("A1"); blank cells of the grid are there too, for their borders. */
  styles: Map<string, CellStyle>;
  /** Printed as the set's layout says (landscape for the wide tables), one page wide. */
  orientation: 'portrait' | 'landscape';
}

interface Fit {
  col: number;
  span: number;
  width: number;
}

/**
 * Lays out one built table on a worksheet.
 * @example tableSheet(buildTable(model, '05'), model.set.zero).frozenRows // 7: title, label, unit line, 4 header rows
 */
export function tableSheet(table: BuiltTable, zero: Model['set']['zero']): TableSheet {
  const sheet: WorkSheet = {};
  const styles = new Map<string, CellStyle>();
  const merges: Range[] = [];
  const fits: Fit[] = [];
  const width = table.width;
  const last = width - 1;
  const numberFormat = amountFormat(zero);

  const put = (r: number, c: number, cell: CellObject) => {
    sheet[XLSX.utils.encode_cell({ r, c })] = cell;
  };
  const merge = (r: number, c: number, rowspan: number, colspan: number) => {
    if (rowspan > 1 || colspan > 1) merges.push({ s: { r, c }, e: { r: r + rowspan - 1, c: c + colspan - 1 } });
  };
  /** Styles the cells r…r+rowspan × c…c+colspan; blank ones become value-less cells so their borders print. */
  const style = (r: number, c: number, rowspan: number, colspan: number, look: CellStyle | undefined) => {
    if (!look) return;
    for (let dr = 0; dr < rowspan; dr++) {
      for (let dc = 0; dc < colspan; dc++) {
        const address = XLSX.utils.encode_cell({ r: r + dr, c: c + dc });
        styles.set(address, look);
        if (!sheet[address]) sheet[address] = { t: 'z', z: 'General' };
      }
    }
  };
  const text = (r: number, c: number, value: string, options: { rowspan?: number; colspan?: number; fit?: boolean; look?: CellStyle } = {}) => {
    const colspan = options.colspan ?? 1;
    merge(r, c, options.rowspan ?? 1, colspan);
    if (value !== '') put(r, c, { t: 's', v: value });
    style(r, c, options.rowspan ?? 1, colspan, options.look);
    if (value === '') return;
    if (options.fit !== false) fits.push({ col: c, span: colspan, width: textWidth(value) });
  };

  let row = 0;
  // Title over the whole width, as the set prints it.
  text(row, 0, table.title, { colspan: width, look: 'title', fit: false });
  // The title is set in 16 pt bold: about 1.6 times as wide as the 11 pt the widths count in.
  fits.push({ col: 0, span: width, width: Math.ceil(textWidth(table.title) * TITLE_SCALE) });
  row++;
  if (table.label) {
    text(row, last, table.label, { look: 'right' });
    row++;
  }
  // 编制单位 on the left (over all but the last column), 单位 in the last column.
  const org = `编制单位：${table.department}`;
  const unit = `单位：${table.unit}`;
  if (width > 1) {
    text(row, 0, org, { colspan: width - 1 });
    text(row, last, unit, { look: 'right' });
  } else {
    text(row, 0, `${org}　${unit}`);
  }
  row++;

  const headerTop = row;
  for (const cell of placeHeader(table.header, width)) {
    text(headerTop + cell.row, cell.col, cell.text, { rowspan: cell.rowspan, colspan: cell.colspan, look: 'head' });
  }
  row += table.header.length;
  const frozenRows = row;

  for (const gridRow of table.rows) {
    const total = gridRow.emphasis !== undefined;
    let col = 0;
    for (const cell of gridRow.cells) {
      if (cell.figure) amount(row, col, cell, total);
      else text(row, col, cell.text, { colspan: cell.colspan, look: lookOf(cell, total) });
      col += cell.colspan;
    }
    row++;
  }

  /** 行次 and stub cells are centred, on 合计 rows too (bold there, like the row's label). */
  function lookOf(cell: GridCell, total: boolean): CellStyle {
    const centred = cell.kind === 'line' || cell.kind === 'stub';
    if (total) return centred ? 'centerTotal' : 'textTotal';
    return centred ? 'center' : 'text';
  }

  function amount(r: number, c: number, cell: GridCell, total: boolean): void {
    merge(r, c, 1, cell.colspan);
    style(r, c, 1, cell.colspan, total ? 'amountTotal' : 'amount');
    if (cell.text === '') return;
    const value = Number(cell.plain);
    // A figure cell always holds an exact decimal; anything else would be a bug in the grid.
    if (cell.plain === '' || !Number.isFinite(value)) throw new Error(`amount cell without a number: ${JSON.stringify(cell.text)}`);
    put(r, c, { t: 'n', v: value, z: numberFormat });
    // One more character for the bold digits of 合计 rows: a number that does not fit shows as ####.
    fits.push({ col: c, span: cell.colspan, width: textWidth(cell.text) + 1 });
  }

  // Notes under the table, each over its whole width, wrapped (a long note must not widen the page).
  const notes: { row: number; width: number }[] = [];
  for (const note of table.emptyNote ? [...table.notes, table.emptyNote] : table.notes) {
    text(row, 0, note, { colspan: width, fit: false, look: 'note' });
    notes.push({ row, width: textWidth(note) });
    row++;
  }

  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(row - 1, 0), c: last } });
  sheet['!merges'] = merges;
  const cols = columnWidths(fits, width);
  sheet['!cols'] = cols;
  // A wrapped note's row is as tall as its lines: Excel does not grow a row for wrapped text in merged cells.
  const across = cols.reduce((sum, c) => sum + (c.wch ?? MIN_WIDTH), 0);
  const rows: RowInfo[] = [{ hpt: TITLE_HEIGHT }];
  for (const note of notes) rows[note.row] = { hpt: LINE_HEIGHT * Math.max(1, Math.ceil((note.width * 1.1) / across)) };
  sheet['!rows'] = rows;
  // Excel's "narrow" margins, in inches: a pageSetup is patched in after them.
  sheet['!margins'] = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  return { sheet, frozenRows, styles, orientation: table.layout.orientation ?? 'portrait' };
}

/**
 * Column widths that fit: single columns take their widest cell, then each wider cell (a merged
 * header, the 合计 label over code and name, the title) spreads what it still lacks evenly over
 * its columns.
 */
function columnWidths(fits: Fit[], width: number): ColInfo[] {
  const widths = Array<number>(width).fill(MIN_WIDTH);
  for (const fit of fits) if (fit.span === 1) widths[fit.col] = Math.max(widths[fit.col], Math.min(MAX_WIDTH, fit.width + PADDING));
  for (const fit of [...fits].filter((f) => f.span > 1).sort((a, b) => a.span - b.span || a.col - b.col)) {
    const cols = widths.slice(fit.col, fit.col + fit.span);
    const lacking = Math.min(MAX_WIDTH * fit.span, fit.width + PADDING) - cols.reduce((a, b) => a + b, 0);
    if (lacking <= 0) continue;
    const each = Math.ceil(lacking / fit.span);
    for (let c = fit.col; c < fit.col + fit.span; c++) widths[c] += each;
  }
  return widths.map((wch) => ({ wch }));
}

const FORBIDDEN_IN_SHEET_NAME: Record<string, string> = { '[': '［', ']': '］', ':': '：', '*': '＊', '?': '？', '/': '／', '\\': '＼' };
const MAX_SHEET_NAME = 31;

/**
 * Sheet names from the set's labels and titles: "公开05表 一般公共预算财政拨款支出决算表" when it
 * fits Excel's 31 characters, else the label ("公开05表"), else the title cut to 31; Excel's
 * forbidden characters become their full-width forms, and a repeated name gets "(2)".
 * @example sheetNames(model) // ["公开01表 收入支出决算总表", …]
 */
export function sheetNames(model: Model): string[] {
  const used = new Set<string>();
  return model.set.tables.map((ref) => {
    const label = tableLabel(model.set, ref.no);
    const full = label ? `${label} ${ref.title}` : ref.title;
    let name = clean([...full].length <= MAX_SHEET_NAME ? full : (label ?? full));
    name = [...name].slice(0, MAX_SHEET_NAME).join('').replace(/^'+|'+$/g, '').trim() || `表${ref.no}`;
    let unique = name;
    for (let n = 2; used.has(unique.toLowerCase()); n++) {
      const suffix = `(${n})`;
      unique = [...name].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    }
    used.add(unique.toLowerCase());
    return unique;
  });
}

function clean(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, (ch) => FORBIDDEN_IN_SHEET_NAME[ch]).replace(/[\u0000-\u001f]/g, '');
}

/** Table `id` as an .xlsx file of one sheet. */
export function renderTableXlsx(model: Model, id: string): Uint8Array {
  const index = model.set.tables.findIndex((t) => t.no === id);
  const table = buildTable(model, id); // throws not-found for an unknown id
  return writeWorkbook(model, [{ name: sheetNames(model)[index], ...tableSheet(table, model.set.zero) }], table.title);
}

/** Every table of the report, one sheet each, in the set's order. */
export function renderWorkbookXlsx(model: Model, title: string): Uint8Array {
  const names = sheetNames(model);
  const sheets = model.set.tables.map((ref, i) => ({ name: names[i], ...tableSheet(buildTable(model, ref.no), model.set.zero) }));
  return writeWorkbook(model, sheets, title);
}

/**
 * Writes the workbook, then patches what SheetJS CE does not write (frozen panes, cell styles).
 * The document's dates come from the payload (its 公开日期), never from the clock.
 */
function writeWorkbook(model: Model, sheets: ({ name: string } & TableSheet)[], title: string): Uint8Array {
  const { meta } = model.payload;
  const stamp = `${meta.publishedOn}T00:00:00Z`;
  const book: WorkBook = {
    SheetNames: sheets.map((s) => s.name),
    Sheets: Object.fromEntries(sheets.map((s) => [s.name, s.sheet])),
    // The header rows print again at the top of every page.
    Workbook: {
      Names: sheets
        .map((s, i) => ({ Name: '_xlnm.Print_Titles', Sheet: i, Ref: `'${s.name.replace(/'/g, "''")}'!$1:$${s.frozenRows}` }))
        .filter((_, i) => sheets[i].frozenRows > 0),
    },
    Props: { Title: title, Author: meta.department, Company: meta.department, CreatedDate: stamp as unknown as Date, ModifiedDate: stamp as unknown as Date },
  };
  const written = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: false }) as ArrayBuffer;
  return patchWorkbook(new Uint8Array(written), sheets, amountFormat(model.set.zero));
}

/** The cell formats of styles.xml, in order: xf 0 is the default, CellStyle n is xf n + 1. */
const STYLE_ORDER: readonly CellStyle[] = ['title', 'right', 'head', 'text', 'center', 'amount', 'textTotal', 'amountTotal', 'note', 'centerTotal'];
const CUSTOM_FORMAT_ID = 164;

/**
 * styles.xml for the sheets: 宋体 as 决算 exports use it (bold for totals, 16 pt bold for the
 * title), thin borders round the header and rows, amounts in `numberFormat` (Excel's built-in 4
 * when it is #,##0.00).
 */
export function stylesXml(numberFormat: string): string {
  const amountId = numberFormat === AMOUNT_FORMAT ? 4 : CUSTOM_FORMAT_ID;
  const numFmts =
    amountId === CUSTOM_FORMAT_ID ? `<numFmts count="1"><numFmt numFmtId="${CUSTOM_FORMAT_ID}" formatCode="${escapeXml(numberFormat)}"/></numFmts>` : '';
  const font = (extra: string, size: number) => `<font>${extra}<sz val="${size}"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`;
  const side = (name: string) => `<${name} style="thin"><color auto="1"/></${name}>`;
  const xf = (look: CellStyle): string => {
    const font = look === 'title' ? 2 : look === 'textTotal' || look === 'amountTotal' || look === 'centerTotal' ? 1 : 0;
    const border = look === 'title' || look === 'right' || look === 'note' ? 0 : 1;
    const number = look === 'amount' || look === 'amountTotal' ? amountId : 0;
    const horizontal = look === 'title' || look === 'head' || look === 'center' || look === 'centerTotal' ? 'center' : look === 'right' ? 'right' : undefined;
    const alignment =
      look === 'note' ? '<alignment vertical="top" wrapText="1"/>' : `<alignment${horizontal ? ` horizontal="${horizontal}"` : ''} vertical="center"/>`;
    return `<xf numFmtId="${number}" fontId="${font}" fillId="0" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1">${alignment}</xf>`;
  };
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    numFmts,
    `<fonts count="3">${font('', 11)}${font('<b/>', 11)}${font('<b/>', 16)}</fonts>`,
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border></borders>`,
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    `<cellXfs count="${STYLE_ORDER.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${STYLE_ORDER.map(xf).join('')}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '<dxfs count="0"/><tableStyles count="0"/></styleSheet>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What SheetJS CE does not write, patched into its zip with its own CFB container: a frozen pane
 * under the first `frozenRows` rows of each sheet (in `<sheetView>`), the page set-up (A4 in the
 * layout's orientation, one page wide), and the cell styles (our styles.xml in place of SheetJS's,
 * each cell's `s` set from the sheet's style map). Zip entries
 * keep SheetJS's zero dates: nothing in the file depends on the clock or the time zone.
 */
export function patchWorkbook(zip: Uint8Array, sheets: Pick<TableSheet, 'frozenRows' | 'styles' | 'orientation'>[], numberFormat: string): Uint8Array {
  const cfb = XLSX.CFB.read(zip, { type: 'array' });
  const entryOf = (path: string) => {
    const entry = XLSX.CFB.find(cfb, `/${path}`);
    if (!entry?.content) throw new Error(`xlsx: ${path} missing from SheetJS's output`);
    return entry;
  };
  const replace = (entry: ReturnType<typeof entryOf>, text: string) => {
    entry.content = new TextEncoder().encode(text) as never;
    entry.size = entry.content.length;
  };
  replace(entryOf('xl/styles.xml'), stylesXml(numberFormat));
  sheets.forEach(({ frozenRows, styles, orientation }, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const entry = entryOf(path);
    let xml = new TextDecoder().decode(toBytes(entry.content));
    const view = /<sheetView ([^>]*?)\/>/;
    if (!view.test(xml)) throw new Error(`xlsx: no empty <sheetView/> in ${path} (SheetJS changed its output)`);
    if (frozenRows > 0) {
      const cell = `A${frozenRows + 1}`;
      xml = xml.replace(
        view,
        `<sheetView $1><pane ySplit="${frozenRows}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/></sheetView>`,
      );
    }
    // Print one page wide (as many pages down as it takes), in the layout's orientation (A4).
    const margins = /<pageMargins [^>]*\/>/;
    const worksheet = /<worksheet [^>]*>/;
    if (!margins.test(xml) || !worksheet.test(xml) || xml.includes('<sheetPr')) throw new Error(`xlsx: unexpected page set-up in ${path} (SheetJS changed its output)`);
    xml = xml
      .replace(worksheet, (tag) => `${tag}<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
      .replace(margins, (tag) => `${tag}<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>`);
    // Every cell gets the style of our styles.xml (SheetJS's own `s` indexes point into the file replaced above).
    xml = xml.replace(/<c r="([A-Z]+[0-9]+)"( s="\d+")?/g, (_, address: string) => {
      const look = styles.get(address);
      return look ? `<c r="${address}" s="${STYLE_ORDER.indexOf(look) + 1}"` : `<c r="${address}"`;
    });
    replace(entry, xml);
  });
  // Reading gave each entry a Date parsed in local time from SheetJS's zero DOS dates; without one,
  // the entry is written with zero again, as SheetJS writes it (and its central directory always does).
  for (const entry of cfb.FileIndex) delete entry.mt;
  return toBytes(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: true }) as ArrayLike<number>);
}

function toBytes(data: ArrayLike<number> | ArrayBuffer): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return Uint8Array.from(data);
}
