import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { Payload } from '../../src/schema/payload';
import { exampleWorkbook } from '../unit/ingest-workbook';
import { checkReport } from '../../src/audit/check-report';
import { buildTable } from '../../src/render/table/grid';
import { EXAMPLE, MINIMAL, runCli, tempDir } from './helpers';
import { withoutBlanks } from '../bytes';

let dir: string;
let example: any;
let expectedTables: unknown;


beforeAll(async () => {
  dir = await tempDir('juesuan-import-');
  example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
  expectedTables = withoutBlanks(Payload.parse(example).tables);
  await writeFile(join(dir, 'tables.xlsx'), exampleWorkbook(example, { codes: 'split-sparse', amounts: 'text' }));
  await writeFile(join(dir, 'tables.xls'), exampleWorkbook(example, { bookType: 'biff8', codes: 'joined', order: 'reversed', names: 'generic', yuan: ['02'] }));
  await writeFile(
    join(dir, 'odd.xlsx'),
    exampleWorkbook(example, {}, (wb) => {
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['联系人', '张三'], ['电话', '027-85481838']]), '填报说明');
      XLSX.utils.sheet_add_aoa(wb.Sheets[wb.SheetNames[2]], [['审核人：李四']], { origin: 'L2' });
    }),
  );
  await writeFile(join(dir, 'corrupt.xlsx'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  await writeFile(join(dir, 'notes.xlsx'), 'just some text, not a workbook\n');
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('juesuan import', () => {
  it('writes the payload with --out and reports in Chinese on stderr (exit 0)', async () => {
    const run = await runCli(['import', 'tables.xlsx', '--out', 'payload.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('表 05《一般公共预算财政拨款支出决算表》');
    expect(run.stderr).toContain('/meta/slug');
    expect(run.stderr).toContain('未导入 unplaced 0');
    const payload = JSON.parse(await readFile(join(dir, 'payload.json'), 'utf8'));
    const complete = { ...payload, meta: { ...payload.meta, slug: 'wuhan-jianghan-cyzx', publishedOn: '2025-10-31' } };
    expect(withoutBlanks(Payload.parse(complete).tables)).toEqual(expectedTables);
    // With the two things a workbook cannot hold, the imported payload passes `juesuan check`.
    await writeFile(join(dir, 'complete.json'), JSON.stringify(complete));
    const check = await runCli(['check', 'complete.json'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('prints the payload on stdout without --out; reads .xls with joined codes, a sheet in 元, any sheet order', async () => {
    const run = await runCli(['import', 'tables.xls'], { cwd: dir });
    expect(run.code).toBe(0);
    const payload = JSON.parse(run.stdout);
    const complete = { ...payload, meta: { ...payload.meta, slug: 'x', publishedOn: '2025-10-31' } };
    expect(withoutBlanks(Payload.parse(complete).tables)).toEqual(expectedTables);
    expect(run.stderr).toMatch(/Sheet8：金额单位为元，已按 1 万元 = 10,000 元精确换算为万元/);
  });

  it('exit 1 with every cell it could not place: an unknown sheet, a stray cell', async () => {
    const run = await runCli(['import', 'odd.xlsx', '--out', 'odd.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/✖ 填报说明!A1:B2 {2}未能识别这张工作表/);
    expect(run.stderr).toMatch(/✖ 03支出决算表!L2 {2}表头以上的这段文字/);
    expect(JSON.parse(await readFile(join(dir, 'odd.json'), 'utf8')).tables.expense.rows).toHaveLength(19);
  });

  it('exit 2 with a clear message, never a stack trace: corrupt file, not a workbook, missing file, unknown set', async () => {
    for (const [args, message] of [
      [['import', 'corrupt.xlsx'], /工作簿已损坏或无法读取/],
      [['import', 'notes.xlsx'], /不是 Excel 工作簿/],
      [['import', 'nope.xlsx'], /找不到文件/],
      [['import', 'tables.xlsx', '--template-set', 'atlantis-2024'], /没有名为“atlantis-2024”的模板集/],
      [['import'], /请指定要导入的工作簿/],
      [['import', 'a.xlsx', 'b.xlsx'], /一次只能导入一个工作簿/],
      [['import', 'tables.xlsx', '--bogus'], /未知选项/],
    ] as const) {
      const run = await runCli([...args], { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      noStack(run.stderr);
    }
  });

  it('a workbook without any table of the set is refused (exit 2)', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['姓名', '电话'], ['张三', '123']]), '通讯录');
    await writeFile(join(dir, 'contacts.xlsx'), new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })));
    const run = await runCli(['import', 'contacts.xlsx'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('工作簿中没有可识别的公开表');
    expect(run.stdout).toBe('');
  });

  it('has help, and is listed in the main help', async () => {
    const help = await runCli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--template-set');
    expect((await runCli(['--help'])).stdout).toContain('juesuan import');
  });
});

/** Every table as printed: the text of every grid cell. */
function printed(payload: unknown) {
  const report = checkReport(payload);
  if (!report.ok) throw new Error(JSON.stringify(report.schemaErrors.slice(0, 3)));
  return report.model.set.tables.map((ref) => buildTable(report.model, ref.no).rows.map((r) => r.cells.map((c) => c.text)));
}

describe('round trip through the CLI: juesuan render --formats xlsx, then juesuan import', () => {
  it('workbook.xlsx of the reference example gives its tables back exactly (set recognised without --template-set)', async () => {
    const site = join(dir, 'site');
    const rendered = await runCli(['render', EXAMPLE, MINIMAL, '--out', site, '--formats', 'xlsx', '--jobs', '1']);
    expect(rendered.code).toBe(0);
    const run = await runCli(['import', join(site, 'wuhan-jianghan-cyzx-2024/workbook.xlsx'), '--out', join(dir, 'back.json')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('未导入 unplaced 0');
    const back = JSON.parse(await readFile(join(dir, 'back.json'), 'utf8'));
    expect(back.templateSet).toBe('national-2024');
    expect(back.meta).toEqual({ department: example.meta.department, fiscalYear: 2024, unit: '万元' });
    const complete = { ...back, meta: { ...back.meta, slug: example.meta.slug, publishedOn: example.meta.publishedOn } };
    expect(withoutBlanks(Payload.parse(complete).tables)).toEqual(expectedTables);
  });

  it('the minimal example (only 项 rows) comes back as the tables it prints: the derived 类/款 and 合计 rows as typed figures', async () => {
    const site = join(dir, 'site');
    const minimal = JSON.parse(await readFile(MINIMAL, 'utf8'));
    const alias = `${minimal.meta.slug}-${minimal.meta.fiscalYear}`;
    const run = await runCli(['import', join(site, alias, 'workbook.xlsx')]);
    expect(run.code).toBe(0);
    const back = JSON.parse(run.stdout);
    const complete = { ...minimal, tables: back.tables };
    expect(printed(complete)).toEqual(printed(minimal));
  });

  it('a single table (tables/05.xlsx) is imported alone; the other tables are listed as missing', async () => {
    const run = await runCli(['import', join(dir, 'site/wuhan-jianghan-cyzx-2024/tables/05.xlsx')]);
    expect(run.code).toBe(0);
    const back = JSON.parse(run.stdout);
    expect(Object.keys(back.tables)).toEqual(['gpbExpense']);
    expect(withoutBlanks(back.tables.gpbExpense)).toEqual(withoutBlanks(example.tables.gpbExpense));
    expect(run.stderr).toContain('/tables/income  工作簿中没有《收入决算表》（公开02表）这张表');
  });
});
