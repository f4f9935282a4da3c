import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook, WorkbookError } from '../../src/ingest';
import { Payload, Tables } from '../../src/schema/payload';
import * as XLSX from '@e965/xlsx';
import { exampleWorkbook, type Variant } from './ingest-workbook';
import { withoutBlanks } from '../bytes';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples/wuhan-jianghan-cyzx-2024.json'), 'utf8'));


/** The payload completed with what a workbook cannot hold (slug, date), parsed by the schema. */
function parsedTables(payload: unknown) {
  const p = payload as { meta: Record<string, unknown> };
  const complete = { ...p, meta: { slug: 'x', publishedOn: '2025-10-31', ...p.meta } };
  const parsed = Payload.safeParse(complete);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 5)));
  return withoutBlanks(parsed.data.tables);
}

const EXPECTED = withoutBlanks(Payload.parse(EXAMPLE).tables);

function roundTrip(variant: Variant, payload: unknown = EXAMPLE) {
  return importWorkbook(exampleWorkbook(payload, variant));
}

/** Schema problems of an imported payload that `missing` does not account for. */
function unexplainedProblems(result: ReturnType<typeof importWorkbook>): string[] {
  const parsed = Payload.safeParse(result.payload);
  if (parsed.success) return [];
  const missing = result.missing.map((m) => m.path);
  return parsed.error.issues
    .map((i) => `/${i.path.join('/')}`)
    .filter((path) => !missing.some((m) => path === m || path.startsWith(`${m}/`)));
}

describe('importWorkbook: the reference example as exported workbooks', () => {
  it('reads all nine tables back exactly (xlsx, codes split over 类/款/项, numbers)', () => {
    const result = roundTrip({});
    expect(result.unplaced).toEqual([]);
    expect(result.templateSet).toBe('national-2024');
    expect(result.sheets.map((s) => s.table)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(parsedTables(result.payload)).toEqual(EXPECTED);
    const meta = (result.payload as { meta: Record<string, unknown> }).meta;
    expect(meta).toEqual({ department: '武汉市江汉区城市运行管理中心', fiscalYear: 2024, unit: '万元' });
  });
});

describe('importWorkbook: what real exports differ in', () => {
  const variants: [string, Variant][] = [
    ['codes only in their own column per row (款 "03", 项 "02"), text amounts "1,415.08"', { codes: 'split-sparse', amounts: 'text' }],
    ['joined codes "2010302" in one column, an .xls (BIFF8) file', { codes: 'joined', bookType: 'biff8' }],
    ['codes "201 03 02", sheets in reverse order named Sheet1…Sheet9', { codes: 'spaced', order: 'reversed', names: 'generic' }],
    ['"[2010302]一般行政管理事务" with the name column empty, text amounts, .xls', { codes: 'bracket', amounts: 'text', bookType: 'biff8' }],
    ['every table in 元 (numbers), 03 and 06 as text', { yuan: ['01', '02', '03', '04', '05', '06', '07', '08', '09'] }],
    ['in 元 as text with separators', { yuan: ['01', '02', '03', '04', '05', '06', '07', '08', '09'], amounts: 'text' }],
    ['no merged cells at all (an HTML-like export): group headings stand over their columns', { merges: false, codes: 'joined' }],
    ['款/项 typed as numbers (Excel shows 03 as 3), sparse', { codes: 'split-sparse', numericCodes: true }],
  ];
  for (const [name, variant] of variants) {
    it(name, () => {
      const result = roundTrip(variant);
      expect(result.unplaced).toEqual([]);
      expect(result.sheets.filter((s) => s.table !== null)).toHaveLength(9);
      expect(parsedTables(result.payload)).toEqual(EXPECTED);
      expect(unexplainedProblems(result)).toEqual([]);
    });
  }

  it('says a sheet was in 元, converts exactly, and rounds half up to 0.01 万元 only where 元 go finer', () => {
    const result = roundTrip({ yuan: ['03'], amounts: 'text' });
    expect(result.notes).toContainEqual({ sheet: '03支出决算表', message: expect.stringContaining('金额单位为元，已按 1 万元 = 10,000 元精确换算为万元') });
    expect(result.notes.filter((n) => n.message.includes('四舍五入为'))).toEqual([]);
    // A sheet in 元 with 元 and 角 below 0.01 万元: 12,345,678.90 元 = 1,234.567890 万元 → 1,234.57.
    const wb = XLSX.read(exampleWorkbook(EXAMPLE, { yuan: ['05'], amounts: 'text' }), { type: 'array' });
    const ws = wb.Sheets[wb.SheetNames[4]];
    const cell = Object.keys(ws).find((k) => ws[k].v === '15,195,800.00')!;
    ws[cell] = { t: 's', v: '12,345,678.90' };
    const edited = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    const payload = edited.payload as any;
    const pointer = Object.entries(edited.sources).find(([, s]) => s.sheet === wb.SheetNames[4] && s.cell === cell)![0];
    expect(pointer).toBe('/tables/gpbExpense/total/total');
    expect(payload.tables.gpbExpense.total.total).toBe('1,234.57');
    expect(edited.notes).toContainEqual({ sheet: wb.SheetNames[4], cell, message: '“12,345,678.90”元超过 0.01 万元的精度，已四舍五入为 1234.57 万元' });
  });

  it('keeps 0.00 as 0.00 and leaves blank cells out', () => {
    const payload = structuredClone(EXAMPLE);
    payload.tables.expense.rows[0].remitToSuperior = '0.00';
    payload.tables.threePublic.actual.abroad = '0.00';
    const result = roundTrip({}, payload);
    const t = (result.payload as any).tables;
    expect(t.expense.rows[0].remitToSuperior).toBe('0.00');
    expect(t.threePublic.actual.abroad).toBe('0.00');
    expect('operating' in t.expense.rows[0]).toBe(false);
    expect('abroad' in t.threePublic.budget).toBe(false);
    expect(parsedTables(result.payload)).toEqual(withoutBlanks(Payload.parse(payload).tables));
  });

  it('sources: every amount points at the cell it came from, with the pointers audit findings use', () => {
    const bytes = exampleWorkbook(EXAMPLE, { codes: 'split-full' });
    const result = importWorkbook(bytes);
    const wb = XLSX.read(bytes, { type: 'array' });
    const payload = result.payload as any;
    const amounts = Object.entries(result.sources).filter(([p]) => !/\/(code|name)$|\/rows\/\d+$|^\/meta\//.test(p));
    expect(amounts.length).toBe(178);
    for (const [pointer, { sheet, cell }] of amounts) {
      const value = pointer.split('/').slice(1).reduce((node, key) => node[key], payload);
      const raw = wb.Sheets[sheet][cell].v as number;
      expect(value, pointer).toBe(raw.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    }
    expect(result.sources['/tables/expense/rows/0/total']).toEqual({ sheet: '03支出决算表', cell: 'E9' });
    expect(result.sources['/tables/expense/total/total']).toEqual({ sheet: '03支出决算表', cell: 'E8' });
    expect(result.sources['/tables/summary/expenseByClass/201']).toBeDefined();
    expect(result.sources['/meta/department']).toEqual({ sheet: '01收入支出决算总表', cell: 'A3' });
  });

  it('the payload fails the schema only on what `missing` lists, and missing follows the set', () => {
    const result = roundTrip({});
    const parsed = Payload.safeParse(result.payload);
    expect(parsed.success).toBe(false);
    expect(unexplainedProblems(result)).toEqual([]);
    const paths = result.missing.map((m) => m.path);
    for (const p of ['/meta/slug', '/meta/publishedOn', '/overview/duties', '/explanation/reasons', '/explanation/annualBudget', '/explanation/previousYear', '/performance']) {
      expect(paths).toContain(p);
    }
    for (const m of result.missing) expect(m.reason).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('importWorkbook: odd and hostile workbooks', () => {
  it('reports an unknown sheet once, stray cells, unknown columns, unknown lines and text that is no amount', () => {
    const bytes = exampleWorkbook(EXAMPLE, {}, (wb) => {
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['联系人', '张三'], ['电话', '027-85481838']]), '填报说明');
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空白');
      const expense = wb.Sheets['03支出决算表'];
      XLSX.utils.sheet_add_aoa(expense, [['审核人：李四']], { origin: 'L2' });
      XLSX.utils.sheet_add_aoa(expense, [['备注'], [null], [null], [null], [null], ['年中追加']], { origin: 'K4' });
      XLSX.utils.sheet_add_aoa(expense, [['一二三']], { origin: 'F10' });
      XLSX.utils.sheet_add_aoa(expense, [['多出来的数']], { origin: 'D40' });
      const summary = wb.Sheets['01收入支出决算总表'];
      XLSX.utils.sheet_add_aoa(summary, [['九、其他资金收入', null, 5]], { origin: 'A14' });
    });
    const result = importWorkbook(bytes);
    expect(result.sheets.find((s) => s.name === '填报说明')).toEqual({ name: '填报说明', table: null });
    expect(result.sheets.find((s) => s.name === '空白')).toEqual({ name: '空白', table: null });
    const by = (sheet: string, cell: string) => result.unplaced.find((u) => u.sheet === sheet && u.cell === cell)?.reason;
    expect(by('填报说明', 'A1:B2')).toMatch(/未能识别这张工作表/);
    expect(by('03支出决算表', 'L2')).toMatch(/表头以上的这段文字/);
    expect(by('03支出决算表', 'K4')).toBe('表头“备注”不是《支出决算表》的栏目，这一列没有导入');
    expect(by('03支出决算表', 'K9')).toBe('所在列的表头“备注”不是《支出决算表》的栏目');
    expect(by('03支出决算表', 'F10')).toBe('“一二三”不是金额（应为数字，如 1234.50 或 1,234.50）');
    expect(by('03支出决算表', 'D40')).toMatch(/无法判断这个单元格属于《支出决算表》的哪一项/);
    expect(by('01收入支出决算总表', 'A14')).toMatch(/“九、其他资金收入”不是《收入支出决算总表》的项目/);
    expect(by('01收入支出决算总表', 'C14')).toMatch(/所在行的项目“九、其他资金收入”/);
    expect(result.unplaced).toHaveLength(8);
    // Everything else still came through.
    const t = (result.payload as any).tables;
    expect(t.expense.rows).toHaveLength(19);
    expect(t.expense.rows[2].basic).toBeUndefined();
  });

  it('a figure two sheets give differently is kept from the first and the second reported', () => {
    const bytes = exampleWorkbook(EXAMPLE, {}, (wb) => {
      const copy = structuredClone(wb.Sheets['05一般公共预算财政拨款支出决算表']);
      const cell = Object.keys(copy).find((k) => copy[k].v === 1147.71)!;
      copy[cell] = { t: 'n', v: 1147.72 };
      XLSX.utils.book_append_sheet(wb, copy, '05 更正');
    });
    const result = importWorkbook(bytes);
    expect(result.sheets.at(-1)).toMatchObject({ name: '05 更正', table: '05' });
    expect(result.unplaced).toEqual([{ sheet: '05 更正', cell: expect.any(String), reason: '与工作表“05一般公共预算财政拨款支出决算表”E11 中同一数字（1,147.71）不一致，未导入' }]);
    expect((result.payload as any).tables.gpbExpense.rows[2].total).toBe('1,147.71');
  });

  it('a missing table is listed with its payload path', () => {
    const bytes = exampleWorkbook(EXAMPLE, {}, (wb) => {
      wb.SheetNames = wb.SheetNames.filter((n) => !n.startsWith('06'));
    });
    const result = importWorkbook(bytes);
    expect(result.missing).toContainEqual({ path: '/tables/basicExpenseDetail', reason: '工作簿中没有《一般公共预算财政拨款基本支出决算明细表》（公开06表）这张表' });
  });

  it('refuses what is not a workbook with a Chinese message (WorkbookError)', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /文件是空的/],
      [new TextEncoder().encode('{"schemaVersion": 1}'), /不是 Excel 工作簿/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0]), /工作簿已损坏或无法读取/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /工作簿已损坏或无法读取/],
      [exampleWorkbook(EXAMPLE).slice(0, 3000), /工作簿已损坏或无法读取/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => importWorkbook(bytes)).toThrow(WorkbookError);
      expect(() => importWorkbook(bytes)).toThrow(message);
    }
    expect(() => importWorkbook(exampleWorkbook(EXAMPLE), { templateSet: 'nope' })).toThrow(/没有名为“nope”的模板集/);
  });
});

describe('importWorkbook: other files finance software saves as ".xls"', () => {
  const one = (bookType: 'html' | 'xlml') => {
    const wb = XLSX.read(exampleWorkbook(EXAMPLE), { type: 'array' });
    const single = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(single, wb.Sheets['03支出决算表'], '支出');
    return new Uint8Array(XLSX.write(single, { type: 'array', bookType }) as ArrayBuffer);
  };
  for (const kind of ['html', 'xlml'] as const) {
    it(`an ${kind === 'html' ? 'HTML table' : 'XML Spreadsheet 2003'} saved as .xls`, () => {
      const result = importWorkbook(one(kind));
      expect(result.sheets).toEqual([{ name: kind === 'html' ? 'Sheet1' : '支出', table: '03', key: 'expense', title: '支出决算表' }]);
      expect(result.unplaced).toEqual([]);
      expect(withoutBlanks(Tables.shape.expense.parse((result.payload as any).tables.expense))).toEqual((EXPECTED as any).expense);
      expect(result.missing.map((m) => m.path)).toContain('/tables/income');
    });
  }

  it('a sheet in 千元, and 编报单位 for the department', () => {
    const wb = XLSX.read(exampleWorkbook(EXAMPLE, { yuan: ['09'] }), { type: 'array' });
    const ws = wb.Sheets[wb.SheetNames[8]];
    for (const key of Object.keys(ws)) {
      const cell = ws[key];
      if (cell.v === '单位：元') ws[key] = { t: 's', v: '金额单位：千元' };
      else if (typeof cell.v === 'number' && cell.v > 100) ws[key] = { t: 'n', v: cell.v / 1000 };
      else if (typeof cell.v === 'string' && cell.v.startsWith('编制单位')) ws[key] = { t: 's', v: '编报单位：某某局' };
    }
    const result = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(result.unplaced).toEqual([]);
    expect((result.payload as any).tables.threePublic).toEqual(EXAMPLE.tables.threePublic);
    expect(result.notes).toContainEqual({ sheet: wb.SheetNames[8], message: '金额单位为千元，已按 1 万元 = 10 千元精确换算为万元（保留两位小数，四舍五入）' });
    expect(result.notes).toContainEqual({ message: '各工作表的编制单位不一致（武汉市江汉区城市运行管理中心、某某局），采用“武汉市江汉区城市运行管理中心”' });
  });
});

describe('importWorkbook: the frame above the header', () => {
  it('a year on a line of its own, 编制单位 with the name in the next cell', () => {
    const wb = XLSX.read(exampleWorkbook(EXAMPLE), { type: 'array' });
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      // Title without the year, the year in a cell of its own; "编制单位：" and the name in two cells.
      ws.A2 = { t: 's', v: String(ws.A2.v).replace('2024 年度', '') };
      ws.A3 = { t: 's', v: '编制单位：' };
      ws.B3 = { t: 's', v: '武汉市江汉区城市运行管理中心' };
      ws.C1 = { t: 's', v: '2024年度' };
    }
    const result = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(result.unplaced).toEqual([]);
    expect((result.payload as any).meta).toEqual({ department: '武汉市江汉区城市运行管理中心', fiscalYear: 2024, unit: '万元' });
    expect(result.sources['/meta/department']).toEqual({ sheet: wb.SheetNames[0], cell: 'B3' });
    expect(result.sources['/meta/fiscalYear']).toEqual({ sheet: wb.SheetNames[0], cell: 'C1' });
    expect(parsedTables(result.payload)).toEqual(EXPECTED);
  });
});

describe('importWorkbook: a table the set does not have is not taken for one it has', () => {
  it('《一般公共预算财政拨款项目支出决算表》 is not 《支出决算表》 in the national set', () => {
    const yunnan = JSON.parse(readFileSync(join(ROOT, 'examples/wuhan-jianghan-cyzx-2024-yunnan-format.json'), 'utf8'));
    const foreign = XLSX.read(exampleWorkbook(yunnan), { type: 'array' });
    const projectSheet = foreign.SheetNames.find((n) => n.includes('项目支出'))!;
    const bytes = exampleWorkbook(EXAMPLE, {}, (wb) => XLSX.utils.book_append_sheet(wb, foreign.Sheets[projectSheet], projectSheet));
    const result = importWorkbook(bytes, { templateSet: 'national-2024' });
    expect(result.sheets.at(-1)).toEqual({ name: projectSheet, table: null });
    expect(result.unplaced).toEqual([{ sheet: projectSheet, cell: expect.any(String), reason: expect.stringContaining('未能识别这张工作表') }]);
    expect(parsedTables(result.payload)).toEqual(EXPECTED);
  });
});

describe('importWorkbook: a column the sheet does not have', () => {
  it('is named in the notes, and a header the table does not know is reported with its cells', () => {
    const wb = XLSX.read(exampleWorkbook(EXAMPLE), { type: 'array' });
    const ws = wb.Sheets['03支出决算表'];
    const key = Object.keys(ws).find((k) => ws[k].v === '经营支出')!;
    ws[key] = { t: 's', v: '其他支出' };
    const result = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(result.notes).toContainEqual({ sheet: '03支出决算表', message: '没有找到《支出决算表》的栏目“经营支出”，这一栏的数没有导入' });
    expect(result.unplaced).toEqual([{ sheet: '03支出决算表', cell: key, reason: '表头“其他支出”不是《支出决算表》的栏目，这一列没有导入' }]);
  });
});

describe('importWorkbook: codes and names that do not fit', () => {
  it('a code of the wrong length is named as such; a name differing between tables is noted', () => {
    const wb = XLSX.read(exampleWorkbook(EXAMPLE, { codes: 'joined' }), { type: 'array' });
    const expense = wb.Sheets['03支出决算表'];
    const bad = Object.keys(expense).find((k) => expense[k].v === '2010350')!;
    expense[bad] = { t: 's', v: '201035' };
    // The same table once more (a corrected copy) with another name for one 项.
    const gpb = structuredClone(wb.Sheets['05一般公共预算财政拨款支出决算表']);
    const renamed = Object.keys(gpb).find((k) => gpb[k].v === '事业运行')!;
    gpb[renamed] = { t: 's', v: '事业运行（本级）' };
    XLSX.utils.book_append_sheet(wb, gpb, '05 更正');
    const result = importWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    expect(result.unplaced.find((u) => u.cell === bad)?.reason).toBe('科目编码“201035”不是 3 位（类）、5 位（款）或 7 位（项）的功能分类编码，这一行没有导入');
    expect(result.notes).toContainEqual({
      sheet: '05 更正',
      cell: expect.any(String),
      message: '科目 2010350 在这里名为“事业运行（本级）”，前面的表中为“事业运行”，采用“事业运行”',
    });
  });
});
