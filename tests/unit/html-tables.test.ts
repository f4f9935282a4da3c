import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import expected from '../golden/html/expected-tables.json';
import { EXAMPLE_PATH, exampleModel, modelOf, smallPayload } from '../golden/html/fixtures';
import { formatAmount, parseAmount } from '../../src/schema/money';
import { normalizeCell, parseTables, type ParsedTable } from '../golden/html/parse-tables';
import { renderTableHtml } from '../../src/render/html/tables';
import { renderTableCsv } from '../../src/render/table/csv';
import { renderTableJson, tableJson } from '../../src/render/table/json';
import { renderDocumentHtml } from '../../src/render/html/document';
import { buildTable, flatHeaders } from '../../src/render/table/grid';
import { DEFAULT_PARAMS, type RenderContext } from '../../src/render/output';
import { RenderError } from '../../src/render/errors';
import { problemOf } from '../../src/http/problem';
import { relativeLinks } from '../../src/render/links';

type Expected = {
  title: string;
  label: string;
  department: string;
  unit: string;
  emptyNote?: string;
  header: string[][];
  body: string[][];
};
const EXPECTED = expected as Record<string, Expected>;

const ctx: RenderContext = { params: DEFAULT_PARAMS };
const grid = (rows: string[][]) => rows.map((r) => r.map(normalizeCell));

function onlyTable(html: string): ParsedTable {
  const tables = parseTables(html);
  expect(tables).toHaveLength(1);
  return tables[0];
}

const example = exampleModel();

describe('the nine tables against the reference publication', () => {
  it('the expected grids are what the reference text in the repository gives (transcribe-reference.mjs --check)', () => {
    const script = fileURLToPath(new URL('../golden/html/transcribe-reference.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });

  const model = example;

  it.each(Object.keys(EXPECTED))('公开%s表 matches the published cells', (no) => {
    const want = EXPECTED[no];
    const html = renderTableHtml(model, no, ctx);
    const table = onlyTable(html);
    expect(grid(table.header)).toEqual(grid(want.header));
    expect(grid(table.body)).toEqual(grid(want.body));
    expect(table.caption).toContain(want.title);
    expect(table.caption).toContain(want.label);
    expect(table.caption).toContain(`编制单位：${want.department}`);
    expect(table.caption).toContain(`单位：${want.unit}`);
    if (want.emptyNote) expect(html).toContain(want.emptyNote);
  });

  it('prints the same nine tables, in order, inside the document', () => {
    const tables = parseTables(renderDocumentHtml(model, ctx)).filter((t) => t.classes.includes('jt') && !t.classes.includes('form'));
    expect(tables).toHaveLength(9);
    Object.keys(EXPECTED).forEach((no, i) => {
      expect(grid(tables[i].header)).toEqual(grid(EXPECTED[no].header));
      expect(grid(tables[i].body)).toEqual(grid(EXPECTED[no].body));
    });
  });

  it('keeps the 尾数 differences the publication prints (01 1,415.07 vs 02 1,415.08)', () => {
    expect(onlyTable(renderTableHtml(model, '01', ctx)).body[0][5]).toBe('1,415.07');
    expect(onlyTable(renderTableHtml(model, '02', ctx)).body[1][4]).toBe('1,415.08');
  });
});

describe('table markup', () => {
  const model = modelOf(smallPayload());

  it('uses caption, scoped column headers and row headers', () => {
    const html = renderTableHtml(model, '05', ctx);
    const table = onlyTable(html);
    expect(table.caption).toContain('2024 年度一般公共预算财政拨款支出决算表');
    expect(table.caption).toContain('公开05表');
    const headerCells = table.headerCells.flat();
    expect(headerCells.every((c) => c.tag === 'th' && (c.attrs.scope === 'col' || c.attrs.scope === 'colgroup'))).toBe(true);
    expect(headerCells.find((c) => c.text === '本年支出')?.attrs.scope).toBe('colgroup');
    const nameCell = table.bodyCells[1].find((c) => c.text === '一般公共服务支出');
    expect(nameCell).toMatchObject({ tag: 'th', attrs: { scope: 'row' } });
    // 功能分类 code in one cell spanning 类/款/项, 合计 across code and name
    expect(table.bodyCells[1][0]).toMatchObject({ tag: 'td', text: '201', colspan: 3 });
    expect(table.bodyCells[0][0]).toMatchObject({ tag: 'th', text: '合计', colspan: 4 });
    expect(html).toMatch(/<div class="table-scroll" role="region"[^>]*tabindex="0">/);
  });

  it('formats amounts with separators and leaves null and zero blank', () => {
    const input = smallPayload();
    input.tables.gpbExpense = {
      rows: [
        { code: '2010301', name: '行政运行', total: '1234567.5', basic: '1234567.5', project: 0 },
      ],
    };
    const table = onlyTable(renderTableHtml(modelOf(input), '05', ctx));
    const row = table.body.find((r) => r.includes('行政运行'))!;
    expect(row.slice(4)).toEqual(['1,234,567.50', '1,234,567.50', '']);
  });

  it('lists all 26 类 lines of 01 with 行次 31–56 and the income lines 1–30', () => {
    const table = onlyTable(renderTableHtml(model, '01', ctx));
    expect(table.body).toHaveLength(30);
    expect(table.body.map((r) => r[1])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(table.body.map((r) => r[4])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 31)));
    expect(table.body[25][3]).toBe('二十六、抗疫特别国债安排的支出');
    expect(table.body[8][0]).toBe('');
  });

  it('names headers explicitly where a row holds two row headers (01)', () => {
    const table = onlyTable(renderTableHtml(model, '01', ctx));
    const first = table.bodyCells[0];
    expect(first[0]).toMatchObject({ tag: 'th', attrs: { scope: 'row' } });
    const amount = first[2];
    expect(amount.attrs.headers?.split(' ')).toContain(first[0].attrs.id);
  });

  it('renders every 06 economic line even when empty, with 人员经费合计 / 公用经费合计', () => {
    const table = onlyTable(renderTableHtml(model, '06', ctx));
    const codes = table.body.flatMap((r) => [r[0], r[3], r[6]]).filter(Boolean);
    expect(codes).toContain('30399');
    expect(codes).toContain('31099');
    const last = table.body.at(-1)!;
    expect(last.slice(0, 3)).toEqual(['人员经费合计', '人员经费合计', '60.00']);
    expect(last.slice(3)).toEqual([...Array(5).fill('公用经费合计'), '40.00']);
  });

  it('never drops a figure whose code the template set does not list', () => {
    const input = smallPayload();
    input.tables.basicExpenseDetail = { items: { '30101': '60.00', '30230': '40.00' } };
    input.tables.summary = { expenseByClass: { '201': '100.00', '209': '5.00' } };
    const m = modelOf(input);
    const six = onlyTable(renderTableHtml(m, '06', ctx));
    const row = six.body.find((r) => r[3] === '30230')!;
    expect(row[5]).toBe('40.00');
    // placed after the last 302xx line, inside the 公用经费 group
    expect(six.body.findIndex((r) => r[3] === '30230')).toBe(six.body.findIndex((r) => r[3] === '30299') + 1);
    const one = onlyTable(renderTableHtml(m, '01', ctx));
    const extra = one.body.find((r) => r[3].startsWith('二十七、'))!;
    expect(extra[5]).toBe('5.00');
    expect(one.body.at(-1)![4]).toBe(String(Number(one.body.at(-1)![1]) * 2));
  });

  it('shows the 空表说明 for empty 07, 08 and 09, and not for a filled table', () => {
    const year = 2024;
    expect(renderTableHtml(model, '07', ctx)).toContain(`本部门 ${year} 年度无政府性基金预算财政拨款收入支出。`);
    expect(renderTableHtml(model, '08', ctx)).toContain(`本部门 ${year} 年度无国有资本经营预算财政拨款支出。`);
    expect(renderTableHtml(model, '09', ctx)).toContain(`本部门 ${year} 年度无财政拨款“三公”经费支出。`);
    expect(renderTableHtml(model, '05', ctx)).not.toContain('class="empty-note"');

    const input = smallPayload();
    input.tables.fund = { rows: [{ code: '2120801', name: '征地和拆迁补偿支出', income: '10', expenseTotal: '10', project: '10' }] };
    const html = renderTableHtml(modelOf(input), '07', ctx);
    expect(html).not.toContain('class="empty-note"');
    expect(onlyTable(html).body.at(-1)!.slice(3)).toEqual(['征地和拆迁补偿支出', '', '10.00', '10.00', '', '10.00', '']);
  });

  it('throws a not-found RenderError (HTTP 404) for an unknown table id in every format', () => {
    for (const render of [
      () => renderTableHtml(model, '10', ctx),
      () => renderTableCsv(model, '1'),
      () => renderTableJson(model, 'abc'),
    ]) {
      let error: unknown;
      try {
        render();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RenderError);
      expect((error as RenderError).kind).toBe('not-found');
      expect(problemOf(error)?.status).toBe(404);
    }
  });

  it('adds CSV/JSON download links when links are known, never in embed mode', () => {
    const links = relativeLinks('tables/02.html');
    const page = renderTableHtml(model, '02', { params: DEFAULT_PARAMS, links });
    expect(page).toContain('href="../tables/02.csv"');
    expect(page).toContain('href="../tables/02.json"');
    expect(page).toContain('href="../document.html"');
    const embed = renderTableHtml(model, '02', { params: { ...DEFAULT_PARAMS, embed: true }, links });
    expect(embed).not.toContain('02.csv');
    expect(embed).not.toContain('class="chrome"');
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same payload and parameters', () => {
    const render = () => {
      const model = modelOf(smallPayload());
      return [
        ...model.set.tables.flatMap((t) => [renderTableHtml(model, t.no, ctx), renderTableCsv(model, t.no), renderTableJson(model, t.no)]),
        renderDocumentHtml(model, ctx),
      ];
    };
    expect(render()).toEqual(render());
  });
});

describe('escaping', () => {
  const hostile = '<script>alert(1)</script>';

  function hostileModel() {
    const input = smallPayload();
    input.meta.department = hostile;
    input.tables.income.rows![0].name = '行政"运行"<b>&';
    input.overview = { duties: [`<img src=x onerror=alert(1)>`], organization: hostile };
    input.keyWork = { sections: [{ title: hostile, text: hostile }], table: [{ item: hostile, content: hostile, result: hostile }] };
    return modelOf(input);
  }

  it('prints payload text as text in every table and in the document', () => {
    const model = hostileModel();
    const pages = [
      ...model.set.tables.map((t) => renderTableHtml(model, t.no, ctx)),
      renderTableHtml(model, '01', { params: { ...DEFAULT_PARAMS, embed: true } }),
      renderDocumentHtml(model, ctx),
    ];
    for (const html of pages) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<b>&');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const table = onlyTable(renderTableHtml(model, '02', ctx));
    expect(table.body.find((r) => r[0] === '2010301')![3]).toBe('行政"运行"<b>&');
    expect(table.caption).toContain(`编制单位：${hostile}`);
  });

  it('keeps the embed id from closing its script element', () => {
    const input = smallPayload();
    const model = modelOf(input);
    const html = renderTableHtml(model, '01', { params: { ...DEFAULT_PARAMS, embed: true } });
    const scripts = html.match(/<script>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts).toHaveLength(1);
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM, CRLF, flattened headers, plain numbers, empty blanks', () => {
    const input = smallPayload();
    input.tables.gpbExpense.rows![0] = { code: '2010301', name: '行政运行, "一般"', total: '1234.5', basic: '1234.5' };
    const csv = renderTableCsv(modelOf(input), '05');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    expect(lines[0]).toBe('项目/功能分类科目编码,项目/科目名称,本年支出/小计,本年支出/基本支出,本年支出/项目支出');
    expect(lines[1]).toBe('合计,,1234.50,1234.50,');
    expect(lines).toContain('2010301,"行政运行, ""一般""",1234.50,1234.50,');
  });

  it('flattens two- and three-level headers', () => {
    const model = modelOf(smallPayload());
    expect(flatHeaders(buildTable(model, '09'))).toContain('决算数/公务用车购置及运行维护费/公务用车运行维护费');
    expect(flatHeaders(buildTable(model, '04')).slice(0, 6)).toEqual([
      '收入/项目', '收入/行次', '收入/决算数', '支出/项目', '支出/行次', '支出/决算数/小计',
    ]);
    expect(flatHeaders(buildTable(model, '06'))[3]).toBe('公用经费/经济分类科目编码');
  });

  it('defuses spreadsheet formulas in text cells', () => {
    const input = smallPayload();
    input.tables.income.rows![0].name = '=HYPERLINK("x")';
    const csv = renderTableCsv(modelOf(input), '02');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('JSON', () => {
  it('gives exact decimal strings, null for blanks, with table metadata', () => {
    const model = modelOf(smallPayload());
    const parsed = JSON.parse(renderTableJson(model, '05'));
    expect(parsed).toMatchObject({
      table: '05',
      title: '2024 年度一般公共预算财政拨款支出决算表',
      unit: '万元',
      department: '测试局',
      fiscalYear: 2024,
      columns: [
        { key: 'total', title: '小计' },
        { key: 'basic', title: '基本支出' },
        { key: 'project', title: '项目支出' },
      ],
    });
    expect(parsed.rows[0]).toEqual({ code: null, name: '合计', level: 'total', values: { total: '100.00', basic: '100.00', project: null } });
    expect(parsed.rows.at(-1)).toEqual({ code: '2010301', name: '行政运行', level: 'item', values: { total: '100.00', basic: '100.00', project: null } });
    expect(parsed.notes[0]).toMatch(/^注：/);
  });

  it('keeps 01 line numbers and sides, and 09 budget/actual records', () => {
    const model = modelOf(smallPayload());
    const summary = tableJson(model, '01');
    expect(summary.rows.find((r) => r.line === 31)).toMatchObject({ code: '201', name: '一、一般公共服务支出', section: '支出', values: { amount: '100.00' } });
    expect(summary.rows.filter((r) => r.section === '收入').map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 27, 28, 29, 30]);
    const three = tableJson(model, '09');
    expect(three.rows.map((r) => r.name)).toEqual(['预算数', '决算数']);
    expect(three.notes.at(-1)).toBe('本部门 2024 年度无财政拨款“三公”经费支出。');
  });
});

describe('cells name the payload figure they print (data-path)', () => {
  const payload = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
  /** The value at a JSON pointer of the payload, or undefined. */
  const at = (pointer: string): unknown =>
    pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);

  it.each(['01', '02', '03', '04', '05', '06', '07', '08', '09'])('公开%s表: every filled amount has a pointer; typed ones hold the printed amount', (no) => {
    const html = renderTableHtml(example, no, ctx);
    const cells = [...html.matchAll(/<td[^>]*class="num"([^>]*)>([^<]*)<\/td>/g)].map((m) => ({ path: /data-path="([^"]*)"/.exec(m[1])?.[1], text: m[2] }));
    const filled = cells.filter((c) => c.text !== '');
    // 07 and 08 are empty in the reference (无政府性基金 / 国有资本经营): nothing to point at.
    if (buildTable(example, no).empty) return void expect(filled).toEqual([]);
    expect(filled.length).toBeGreaterThan(0);
    for (const cell of filled) expect(cell.path, cell.text).toMatch(/^\/tables\//);
    // Where the payload typed the amount, the pointer finds it and it prints as the cell does.
    let typed = 0;
    for (const cell of filled) {
      const value = at(cell.path!);
      if (typeof value !== 'number' && typeof value !== 'string') continue;
      const parsed = parseAmount(value);
      expect(parsed.ok && formatAmount(parsed.cents), cell.path).toBe(cell.text);
      typed++;
    }
    expect(typed, `typed figures in 公开${no}表`).toBeGreaterThan(0);
  });

  it('the same payload gives the same pointers (deterministic), and a pointer is never on a label', () => {
    expect(renderTableHtml(example, '05', ctx)).toBe(renderTableHtml(exampleModel(), '05', ctx));
    const html = renderDocumentHtml(example, ctx);
    expect(html).not.toMatch(/<th[^>]*data-path/);
    expect(html).toContain('data-path="/tables/gpbExpense/rows/0/total"');
  });
});
