/**
 * Tables as .xlsx, read back with the full SheetJS reader (not the mini build that writes them):
 * the header merges equal the HTML table's colspan/rowspan, amounts are numbers with `#,##0.00`
 * equal to the table's cells, blanks are blank, the header rows are frozen, columns fit, sheets
 * are named from the set — for every table of every template set.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/audit/check-report';
import { importWorkbook } from '../../src/ingest';
import { Payload } from '../../src/schema/payload';
import type { Model } from '../../src/model/derive';
import { SET_FILES } from '../../src/model/sets.generated';
import { useTemplateSets } from '../../src/model/template-registry';
import { tableLabel } from '../../src/model/template-set';
import { FORMATS } from '../../src/render/formats';
import { DEFAULT_PARAMS, renderOutput, type OutputSpec } from '../../src/render/output';
import { buildTable, type BuiltTable } from '../../src/render/table/grid';
import { AMOUNT_FORMAT, amountFormat, sheetNames, stylesXml, textWidth } from '../../src/render/table/xlsx';
import { contentDisposition } from '../../src/render/download-name';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { withoutBlanks } from '../bytes';
import { FIXTURE_SET_DIR, readSetFolder } from '../set-folder';

const runtime = createNodeRuntime();
const example = (name: string) => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8'));

function modelOf(payload: unknown): Model {
  const r = checkReport(JSON.parse(JSON.stringify(payload)));
  if (!r.ok) throw new Error(JSON.stringify(r.schemaErrors.slice(0, 5)));
  return r.model;
}

async function render(model: Model, spec: OutputSpec) {
  const out = await renderOutput(model, spec, { params: DEFAULT_PARAMS }, runtime);
  if (typeof out.body === 'string') throw new Error('xlsx must be bytes');
  return { ...out, body: out.body };
}

const read = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array', cellStyles: true, cellNF: true });

/** The worksheet XML of sheet `index` (0-based), straight from the zip. */
function sheetXml(bytes: Uint8Array, index: number): string {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, `/xl/worksheets/sheet${index + 1}.xml`);
  if (!entry) throw new Error(`sheet${index + 1}.xml missing`);
  return new TextDecoder().decode(entry.content as Uint8Array);
}

interface HeaderCell {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

/** The <thead> of the table's HTML, placed on a grid by the HTML table algorithm (written here again, independently). */
function htmlHeader(html: string, width: number): HeaderCell[] {
  const thead = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  const rows = [...thead.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
  const taken = rows.map(() => Array<boolean>(width).fill(false));
  const cells: HeaderCell[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    for (const th of row.matchAll(/<th([^>]*)>([\s\S]*?)<\/th>/g)) {
      while (taken[r][col]) col++;
      const colspan = Number(/colspan="(\d+)"/.exec(th[1])?.[1] ?? 1);
      const rowspan = Number(/rowspan="(\d+)"/.exec(th[1])?.[1] ?? 1);
      const text = th[2].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken[r + dr][col + dc] = true;
      cells.push({ text, row: r, col, rowspan, colspan });
      col += colspan;
    }
  });
  return cells;
}

/** A cell with no value: absent, or a value-less cell that is there for its borders. */
const isBlank = (cell: XLSX.CellObject | undefined) => cell === undefined || (cell.t === 'z' && cell.v === undefined);

interface Xf {
  numFmtId: number;
  bold: boolean;
  size: number;
  border: boolean;
  horizontal: string | null;
}

/** The look of every cell of sheet `index`, read from the zip: its `s` in the sheet XML, resolved through styles.xml. */
function looks(bytes: Uint8Array, index: number): Map<string, Xf> {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const text = (path: string) => new TextDecoder().decode(XLSX.CFB.find(cfb, path)!.content as Uint8Array);
  const styles = text('/xl/styles.xml');
  const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => ({
    bold: m[1].includes('<b/>'),
    size: Number(/<sz val="(\d+)"/.exec(m[1])?.[1]),
  }));
  const borders = [...(/<borders[^>]*>([\s\S]*?)<\/borders>/.exec(styles)?.[1] ?? '').matchAll(/<border>([\s\S]*?)<\/border>/g)].map((m) => m[1].includes('style="thin"'));
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf ([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m): Xf => {
    const attr = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(m[1])?.[1] ?? 0);
    return {
      numFmtId: attr('numFmtId'),
      ...fonts[attr('fontId')],
      border: borders[attr('borderId')],
      horizontal: /horizontal="(\w+)"/.exec(m[2] ?? '')?.[1] ?? null,
    };
  });
  const out = new Map<string, Xf>();
  for (const m of text(`/xl/worksheets/sheet${index + 1}.xml`).matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) out.set(m[1], xfs[Number(m[2] ?? 0)]);
  return out;
}

const key = (r: number, c: number, r2: number, c2: number) => `${XLSX.utils.encode_cell({ r, c })}:${XLSX.utils.encode_cell({ r: r2, c: c2 })}`;

/**
 * Checks one sheet against the table it was written from and that table's HTML. Returns the
 * number of amount cells compared, so a caller can tell the check was not vacuous.
 */
function checkSheet(ws: XLSX.WorkSheet, xml: string, table: BuiltTable, html: string, zero: Model['set']['zero']): number {
  const at = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  const last = table.width - 1;
  // Title rows: the title, the label, the 编制单位 / 单位 line.
  expect(at(0, 0)?.v).toBe(table.title);
  let top = 1;
  if (table.label) {
    expect(at(1, last)?.v).toBe(table.label);
    top = 2;
  }
  expect(at(top, 0)?.v).toBe(`编制单位：${table.department}`);
  expect(at(top, last)?.v).toBe(`单位：${table.unit}`);
  top++;

  // Header: every <th> of the HTML at its place, merged exactly over its colspan × rowspan.
  const merges = new Set((ws['!merges'] ?? []).map((m) => key(m.s.r, m.s.c, m.e.r, m.e.c)));
  const header = htmlHeader(html, table.width);
  expect(header.length).toBeGreaterThan(0);
  const headerRows = Math.max(...header.map((h) => h.row + h.rowspan));
  expect(headerRows).toBe(table.header.length);
  for (const h of header) {
    const cell = at(top + h.row, h.col);
    if (h.text === '') expect(isBlank(cell)).toBe(true);
    else expect(cell?.v, `${table.no} header ${h.text}`).toBe(h.text);
    const merged = merges.has(key(top + h.row, h.col, top + h.row + h.rowspan - 1, h.col + h.colspan - 1));
    expect(merged, `${table.no} merge of header “${h.text}”`).toBe(h.rowspan > 1 || h.colspan > 1);
  }
  const headerMerges = [...merges].filter((m) => {
    const row = XLSX.utils.decode_cell(m.split(':')[0]).r;
    return row >= top && row < top + headerRows;
  });
  expect(headerMerges.length).toBe(header.filter((h) => h.rowspan > 1 || h.colspan > 1).length);
  // The 栏次 row, where the set prints one, is the last header row.
  const colNo = table.header.findIndex((r) => r.role === 'columnNumbers');
  if (colNo >= 0) expect(at(top + colNo, 0)?.v ?? at(top + colNo, 0)).toBe(table.header[colNo].cells[0].text || undefined);

  // Frozen: everything above the first data row.
  const first = top + headerRows;
  expect(xml).toContain(`<pane ySplit="${first}" topLeftCell="A${first + 1}" activePane="bottomLeft" state="frozen"/>`);

  // Rows: codes and names as printed, amounts as numbers, blank as no cell.
  let amounts = 0;
  const format = amountFormat(zero);
  table.rows.forEach((row, i) => {
    let col = 0;
    for (const cell of row.cells) {
      const got = at(first + i, col);
      if (cell.text === '') {
        expect(isBlank(got), `${table.no} row ${i} col ${col} blank`).toBe(true);
      } else if (cell.figure) {
        expect(got?.t, `${table.no} row ${i} “${cell.text}”`).toBe('n');
        expect(got?.z).toBe(format);
        expect(Math.round((got?.v as number) * 100)).toBe(Math.round(Number(cell.plain) * 100));
        expect(Math.abs((got?.v as number) - Number(cell.plain))).toBeLessThan(0.005);
        amounts++;
      } else {
        expect(got?.t).toBe('s');
        expect(got?.v).toBe(cell.text);
      }
      if (cell.colspan > 1) expect(merges.has(key(first + i, col, first + i, col + cell.colspan - 1))).toBe(true);
      col += cell.colspan;
    }
  });
  // Notes after the rows.
  table.notes.forEach((note, i) => expect(at(first + table.rows.length + i, 0)?.v).toBe(note));

  // Columns fit every single-column cell (a CJK character counting double).
  const cols = ws['!cols'] ?? [];
  expect(cols.length).toBe(table.width);
  const needed = Array<number>(table.width).fill(0);
  for (const h of header) if (h.colspan === 1) needed[h.col] = Math.max(needed[h.col], textWidth(h.text));
  for (const row of table.rows) {
    let col = 0;
    for (const cell of row.cells) {
      if (cell.colspan === 1) needed[col] = Math.max(needed[col], textWidth(cell.text));
      col += cell.colspan;
    }
  }
  needed.forEach((w, c) => expect(cols[c].wch, `${table.no} column ${c}`).toBeGreaterThanOrEqual(Math.min(w, 60)));
  return amounts;
}

/**
 * The look of sheet `index` as a 决算 export prints it: the title bold 16 pt and centred, label and
 * unit to the right, every cell of the header and the rows ruled (blank ones too), the header
 * centred, amounts in the amount format, totals bold, notes outside the grid; A4 one page wide
 * in the layout's orientation, the header rows repeated on every printed page.
 */
function checkLooks(bytes: Uint8Array, index: number, table: BuiltTable, name: string): void {
  const look = looks(bytes, index);
  const at = (r: number, c: number) => look.get(XLSX.utils.encode_cell({ r, c }));
  const top = table.label ? 3 : 2;
  const first = top + table.header.length;
  expect(at(0, 0)).toMatchObject({ bold: true, size: 16, horizontal: 'center', border: false });
  expect(at(top - 1, table.width - 1)).toMatchObject({ horizontal: 'right', border: false });
  for (let r = top; r < first; r++) {
    for (let c = 0; c < table.width; c++) expect(at(r, c), `${table.no} header ${r},${c}`).toMatchObject({ border: true, horizontal: 'center', bold: false });
  }
  table.rows.forEach((row, i) => {
    let col = 0;
    for (const cell of row.cells) {
      for (let c = col; c < col + cell.colspan; c++) {
        const got = at(first + i, c);
        expect(got, `${table.no} row ${i} col ${c}`).toMatchObject({ border: true, bold: row.emphasis !== undefined });
        if (cell.figure) expect(got?.numFmtId, `${table.no} row ${i} col ${c}`).toBe(4);
        // 行次 and stub cells are centred on every row, 合计 rows included.
        if (cell.kind === 'line' || cell.kind === 'stub') expect(got?.horizontal, `${table.no} row ${i} col ${c}`).toBe('center');
      }
      col += cell.colspan;
    }
  });
  if (table.notes.length) expect(at(first + table.rows.length, 0)?.border ?? false).toBe(false);
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const text = (path: string) => new TextDecoder().decode(XLSX.CFB.find(cfb, path)!.content as Uint8Array);
  const sheet = text(`/xl/worksheets/sheet${index + 1}.xml`);
  expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  expect(sheet).toContain(`<pageSetup paperSize="9" orientation="${table.layout.orientation ?? 'portrait'}" fitToWidth="1" fitToHeight="0"/>`);
  expect(text('/xl/workbook.xml')).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">&apos;${name}&apos;!$1:$${first}</definedName>`,
  );
}

describe('table 05 of the reference example as .xlsx', () => {
  let model: Model;
  let bytes: Uint8Array;
  beforeAll(async () => {
    model = modelOf(example('wuhan-jianghan-cyzx-2024'));
    bytes = (await render(model, { kind: 'table', id: '05', format: 'xlsx' })).body;
  });

  it('answers with the registry’s content type and a readable file name', async () => {
    const out = await render(model, { kind: 'table', id: '05', format: 'xlsx' });
    expect(out.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(out.contentType).toBe(FORMATS.xlsx.contentType);
    expect(out.filename).toEqual({
      name: '武汉市江汉区城市运行管理中心 2024 年度一般公共预算财政拨款支出决算表（公开05表）.xlsx',
      ascii: 'wuhan-jianghan-cyzx-2024-table-05.xlsx',
    });
    const header = contentDisposition(out.filename!);
    expect(header).toMatch(/^attachment; filename="wuhan-jianghan-cyzx-2024-table-05\.xlsx"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(out.filename!.name);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
  });

  it('prints as the HTML table prints: merged header, 栏次 row, numbers with #,##0.00, blanks blank, frozen header', async () => {
    const book = read(bytes);
    expect(book.SheetNames).toEqual(['公开05表 一般公共预算财政拨款支出决算表']);
    const ws = book.Sheets[book.SheetNames[0]];
    const table = buildTable(model, '05');
    const html = (await renderOutput(model, { kind: 'table', id: '05', format: 'html' }, { params: DEFAULT_PARAMS }, runtime)).body as string;
    expect(checkSheet(ws, sheetXml(bytes, 0), table, html, model.set.zero)).toBeGreaterThan(30);
    checkLooks(bytes, 0, table, book.SheetNames[0]);
    // By hand, what a clerk sees: the header of 05 and its first lines.
    const csv = XLSX.utils.sheet_to_csv(ws).split('\n');
    expect(csv.slice(0, 10)).toEqual([
      '2024 年度一般公共预算财政拨款支出决算表,,,,,,',
      ',,,,,,公开05表',
      '编制单位：武汉市江汉区城市运行管理中心,,,,,,单位：万元',
      '项目,,,,本年支出,,',
      '功能分类科目编码,,,科目名称,小计,基本支出,项目支出',
      '类,款,项,,,,',
      '栏次,,,,1,2,3',
      '合计,,,,"1,519.58",355.89,"1,163.69"',
      '201,,,一般公共服务支出,"1,415.08",251.39,"1,163.69"',
      '20103,,,政府办公厅（室）及相关机构事务,"1,410.46",251.39,"1,159.07"',
    ]);
    expect(ws.E8).toMatchObject({ t: 'n', v: 1519.58, z: AMOUNT_FORMAT });
    expect(ws.F10).toMatchObject({ t: 'n', v: 251.39, z: AMOUNT_FORMAT });
    expect(isBlank(ws.F11)).toBe(true); // 2010302 has no 基本支出: blank, not 0.00
    expect(ws.F11?.v).toBeUndefined();
    expect(ws['!merges']).toContainEqual({ s: { r: 3, c: 0 }, e: { r: 3, c: 3 } }); // 项目 over four columns
    expect(ws['!merges']).toContainEqual({ s: { r: 4, c: 3 }, e: { r: 5, c: 3 } }); // 科目名称 over two rows
    expect(ws['!merges']).toContainEqual({ s: { r: 7, c: 0 }, e: { r: 7, c: 3 } }); // 合计 over code and name
    // Widths: the 科目名称 column fits its longest name, with a character of room on each side.
    const cols = ws['!cols']!;
    const names = table.rows.map((r) => r.cells.find((c) => c.kind === 'name')?.text ?? '');
    const longest = Math.max(...names.map(textWidth));
    expect(longest).toBeGreaterThanOrEqual(textWidth('政府办公厅（室）及相关机构事务'));
    expect(cols[3].wch).toBe(longest + 2);
    expect(textWidth('科目名称')).toBe(8);
    expect(textWidth('1,519.58')).toBe(8);
  });

  it('has the report’s dates, never the clock’s, and the same bytes every time', async () => {
    const book = read(bytes);
    expect(book.Props?.CreatedDate?.toISOString()).toBe(`${model.payload.meta.publishedOn}T00:00:00.000Z`);
    expect(book.Props?.Author).toBe(model.payload.meta.department);
    const again = modelOf(example('wuhan-jianghan-cyzx-2024'));
    const second = (await render(again, { kind: 'table', id: '05', format: 'xlsx' })).body;
    expect(Buffer.from(second).equals(Buffer.from(bytes))).toBe(true);
    // Zip entries carry no time stamp of the moment of writing.
    const cfb = XLSX.CFB.read(bytes, { type: 'array' });
    const paths = cfb.FullPaths.filter((p: string) => !p.endsWith('/'));
    expect(paths.some((p: string) => p.endsWith('xl/worksheets/sheet1.xml'))).toBe(true);
    const local = Buffer.from(bytes);
    for (let at = local.indexOf('PK\x03\x04'); at >= 0; at = local.indexOf('PK\x03\x04', at + 4)) expect(local.readUInt32LE(at + 10)).toBe(0);
  });
});

describe('the workbook of a report: every table of the set, one sheet each', () => {
  const sets: [string, () => unknown][] = [
    ['national-2024', () => example('wuhan-jianghan-cyzx-2024')],
    ['hubei-zengdu-2024', () => ({ ...example('wuhan-jianghan-cyzx-2024'), templateSet: 'hubei-zengdu-2024' })],
    ['yunnan-2024', () => example('wuhan-jianghan-cyzx-2024-yunnan-format')],
  ];

  it.each(sets)('%s', { timeout: 60_000 }, async (id, payload) => {
    const model = modelOf(payload());
    expect(model.set.id).toBe(id);
    const out = await render(model, { kind: 'workbook', format: 'xlsx' });
    expect(out.contentType).toBe(FORMATS.xlsx.contentType);
    expect(out.filename?.name).toMatch(/\.xlsx$/);
    expect(out.filename?.ascii).toBe(`${model.payload.meta.slug}-${model.payload.meta.fiscalYear}-workbook.xlsx`);
    const book = read(out.body);
    expect(book.SheetNames).toEqual(sheetNames(model));
    expect(book.SheetNames).toHaveLength(model.set.tables.length);
    let amounts = 0;
    for (const [i, ref] of model.set.tables.entries()) {
      const name = book.SheetNames[i];
      expect([...name].length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      const label = tableLabel(model.set, ref.no);
      expect(name === (label ? `${label} ${ref.title}` : ref.title) || name === label, name).toBe(true);
      const html = (await renderOutput(model, { kind: 'table', id: ref.no, format: 'html' }, { params: DEFAULT_PARAMS }, runtime)).body as string;
      amounts += checkSheet(book.Sheets[name], sheetXml(out.body, i), buildTable(model, ref.no), html, model.set.zero);
      checkLooks(out.body, i, buildTable(model, ref.no), name);
      // The sheet equals the table's own file.
      const single = read((await render(model, { kind: 'table', id: ref.no, format: 'xlsx' })).body);
      expect(single.SheetNames).toEqual([name]);
      expect(XLSX.utils.sheet_to_csv(single.Sheets[name])).toBe(XLSX.utils.sheet_to_csv(book.Sheets[name]));
    }
    expect(amounts).toBeGreaterThan(100);
    expect(new Set(book.SheetNames.map((n) => n.toLowerCase())).size).toBe(book.SheetNames.length);
  });
});

describe('sheet names', () => {
  it('follow the set’s labels and titles: label and title when they fit 31 characters, Excel’s forbidden characters replaced, repeats numbered', () => {
    const model = modelOf(example('wuhan-jianghan-cyzx-2024'));
    expect(sheetNames(model)[0]).toBe('公开01表 收入支出决算总表');
    const tables = model.set.tables.map((t, i) =>
      i === 0 ? { ...t, title: '收入/支出[汇总]:表*?' } : i === 1 ? { ...t, title: '一'.repeat(40) } : i === 2 ? { ...t, title: '收入/支出[汇总]:表*?' } : t,
    );
    const layouts = { ...model.set.layouts, [tables[2].key]: { ...model.set.layouts[tables[2].key], label: null } };
    const names = sheetNames({ ...model, set: { ...model.set, tables, layouts } } as Model);
    expect(names[0]).toBe('公开01表 收入／支出［汇总］：表＊？');
    expect(names[1]).toBe('公开02表'); // label and title would pass 31 characters
    expect(names[2]).toBe('收入／支出［汇总］：表＊？');
    const same = model.set.tables.map((t) => ({ ...t, title: '同名表' }));
    const noLabels = Object.fromEntries(Object.entries(model.set.layouts).map(([k, l]) => [k, { ...l, label: null }]));
    const repeated = sheetNames({ ...model, set: { ...model.set, tables: same, layouts: noLabels } } as Model);
    expect(repeated.slice(0, 3)).toEqual(['同名表', '同名表(2)', '同名表(3)']);
  });
});

describe('a set that prints zeros: blank stays blank, a typed 0 is 0.00', () => {
  const FIXTURE_DIR = FIXTURE_SET_DIR;
  beforeAll(() => useTemplateSets({ ...SET_FILES, 'fixture-2024': readSetFolder(FIXTURE_DIR) }));
  afterAll(() => useTemplateSets(SET_FILES));

  it('writes the typed 0 as a number 0 formatted #,##0.00 and leaves the left-out figure without a cell', async () => {
    const p = example('wuhan-jianghan-cyzx-2024');
    p.templateSet = 'fixture-2024';
    p.tables.threePublic.budget.abroad = 0;
    delete p.tables.threePublic.actual.abroad;
    const model = modelOf(p);
    expect(model.set.zero).toBe('0.00');
    const ref = model.set.tables.find((t) => t.key === 'threePublic')!;
    const table = buildTable(model, ref.no);
    const bytes = (await render(model, { kind: 'table', id: ref.no, format: 'xlsx' })).body;
    const book = read(bytes);
    const ws = book.Sheets[book.SheetNames[0]];
    const html = (await renderOutput(model, { kind: 'table', id: ref.no, format: 'html' }, { params: DEFAULT_PARAMS }, runtime)).body as string;
    checkSheet(ws, sheetXml(bytes, 0), table, html, model.set.zero);
    const zeros = Object.entries(ws).filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).t === 'n' && (c as XLSX.CellObject).v === 0);
    expect(zeros.length).toBeGreaterThanOrEqual(1);
    for (const [, c] of zeros) expect((c as XLSX.CellObject).w).toBe('0.00');
    expect(table.rows.some((r) => r.cells.some((c) => c.figure && c.text === ''))).toBe(true);
  });

  it('formats zeros as a set prints them', () => {
    expect(amountFormat('')).toBe('#,##0.00');
    expect(amountFormat('0.00')).toBe('#,##0.00');
    expect(XLSX.SSF.format(amountFormat('-'), 0)).toBe('-');
    expect(XLSX.SSF.format(amountFormat('0'), 0)).toBe('0');
    expect(XLSX.SSF.format(amountFormat('-'), 1234.5)).toBe('1,234.50');
    expect(XLSX.SSF.format(amountFormat('-'), -3)).toBe('-3.00');
    // Excel's built-in format 4 is #,##0.00; another format is declared in styles.xml.
    expect(stylesXml(amountFormat(''))).not.toContain('<numFmts');
    expect(stylesXml(amountFormat('-'))).toContain('<numFmt numFmtId="164" formatCode="#,##0.00;-#,##0.00;&quot;-&quot;"/>');
  });
});

describe('round trip: the workbook we write, read by juesuan import, gives the tables back exactly', () => {
    const tablesOf = (payload: unknown) => withoutBlanks(Payload.parse(payload).tables);

  it.each([
    ['national-2024', () => example('wuhan-jianghan-cyzx-2024')],
    ['hubei-zengdu-2024', () => ({ ...example('wuhan-jianghan-cyzx-2024'), templateSet: 'hubei-zengdu-2024' })],
    ['yunnan-2024', () => example('wuhan-jianghan-cyzx-2024-yunnan-format')],
  ])('%s', { timeout: 60_000 }, async (id, payload) => {
    const source = payload();
    const model = modelOf(source);
    const bytes = (await render(model, { kind: 'workbook', format: 'xlsx' })).body;
    const result = importWorkbook(bytes, { templateSet: id });
    expect(result.unplaced).toEqual([]);
    expect(result.sheets.map((s) => s.table)).toEqual(model.set.tables.map((t) => t.no));
    const imported = result.payload as { meta: Record<string, unknown>; tables: unknown };
    // What a workbook does not hold (the importer lists it as missing): the slug, the date, and — where
    // the set's titles print no year (Yunnan) — the fiscal year.
    const { slug, publishedOn, fiscalYear } = source.meta;
    const complete = { ...imported, meta: { fiscalYear, ...imported.meta, slug, publishedOn } };
    if (imported.meta.fiscalYear !== undefined) expect(imported.meta.fiscalYear).toBe(fiscalYear);
    // Every table prints the same from the imported payload as from the source, figure for figure.
    const back = modelOf({ ...source, tables: complete.tables, meta: { ...source.meta, ...complete.meta } });
    for (const ref of model.set.tables) {
      const csv = async (m: Model) => (await renderOutput(m, { kind: 'table', id: ref.no, format: 'csv' }, { params: DEFAULT_PARAMS }, runtime)).body;
      expect(await csv(back), `${id} ${ref.no}`).toBe(await csv(model));
    }
    // Where the source gives every row itself (not only 项 lines to be summed), the payload's tables are equal too.
    if (id !== 'yunnan-2024') expect(tablesOf(complete)).toEqual(tablesOf(source));
  });
});
