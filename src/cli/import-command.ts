/**
 * juesuan import: a workbook of 公开表 (.xlsx or .xls, as 决算 software exports them) → a payload.
 * The payload goes to stdout or --out; the report — which sheet became which table, cells that
 * could not be placed, what the payload still needs — goes to stderr, in Chinese.
 *
 * Exit codes as for check: 0 every cell placed, 1 some cells could not be placed (the payload is
 * still written: look at them), 2 the file is missing, unreadable, not a workbook or holds no table
 * of the set, or bad options.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importWorkbook, WorkbookError, type WorkbookImport } from '../ingest';
import { MAX_WORKBOOK_BYTES } from '../ingest/workbook';
import { Payload } from '../schema/payload';
import { parseCommandArgs } from './args';
import { IMPORT_HELP } from './help';
import { colours, EXIT, UsageError, type CliIo, type Colours, type ExitCode } from './io';

interface ImportValues {
  'template-set'?: string;
  out?: string;
  help?: boolean;
}

export async function importCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs<ImportValues>('import', argv, {
    'template-set': { type: 'string' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(IMPORT_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? '请指定要导入的工作簿（missing workbook）。用法：juesuan import <workbook.xlsx|.xls> [--out payload.json]'
        : '一次只能导入一个工作簿（one workbook at a time）。',
    );
  }
  const c = colours(io.stderr, io.env);
  const source = positionals[0];
  const fail = (message: string): ExitCode => {
    io.stderr.write(`${c.red('✖')} ${source}：${message}\n`);
    return EXIT.invalid;
  };
  const absolute = resolve(io.cwd, source);
  let bytes: Uint8Array;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) return fail('不是普通文件（not a regular file）。');
    if (info.size > MAX_WORKBOOK_BYTES) return fail(`文件超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MiB 上限（too large: ${info.size} bytes）。`);
    bytes = new Uint8Array(await readFile(absolute));
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fail(code === 'ENOENT' ? '找不到文件（not found）。' : `无法读取文件（cannot read: ${code ?? 'error'}）。`);
  }

  let result: WorkbookImport;
  try {
    result = importWorkbook(bytes, values['template-set'] === undefined ? {} : { templateSet: values['template-set'] });
  } catch (error) {
    if (error instanceof WorkbookError) return fail(error.message);
    throw error;
  }
  const recognised = result.sheets.filter((s) => s.table !== null);
  if (recognised.length === 0) {
    io.stderr.write(report(source, result, c, []));
    return fail(`工作簿中没有可识别的公开表（no table of template set ${result.templateSet} found）。每张表的前几行应有表的标题，如“2024 年度收入支出决算总表”。`);
  }

  // Anything the schema refuses beyond what `missing` lists is a cell to fix (or our bug): say so.
  const checked = Payload.safeParse(result.payload);
  const missingPaths = result.missing.map((m) => m.path);
  const problems = checked.success
    ? []
    : checked.error.issues
        .map((issue) => ({ path: issue.path.map((k) => `/${String(k)}`).join(''), message: issue.message }))
        .filter((p) => !missingPaths.some((m) => p.path === m || p.path.startsWith(`${m}/`)));

  const json = `${JSON.stringify(result.payload, null, 2)}\n`;
  if (values.out !== undefined) {
    try {
      await writeFile(resolve(io.cwd, values.out), json);
    } catch (error) {
      return fail(`无法写入 ${values.out}（cannot write: ${(error as { code?: string }).code ?? 'error'}）。`);
    }
  } else {
    io.stdout.write(json);
  }
  io.stderr.write(report(source, result, c, problems, values.out));
  return result.unplaced.length > 0 || problems.length > 0 ? EXIT.findings : EXIT.ok;
}

function report(source: string, result: WorkbookImport, c: Colours, problems: { path: string; message: string }[], out?: string): string {
  const lines: string[] = [];
  lines.push(`导入 import：${source}（模板集 template set ${result.templateSet}）`);
  lines.push('  工作表 sheets：');
  for (const sheet of result.sheets) {
    lines.push(sheet.table === null ? `    ${c.yellow('?')} ${sheet.name} → 未识别（not recognised）` : `    ${c.green('✔')} ${sheet.name} → 表 ${sheet.table}《${sheet.title}》`);
  }
  if (result.notes.length > 0) {
    lines.push('  说明 notes：');
    for (const n of result.notes) lines.push(`    · ${[n.sheet, n.cell].filter(Boolean).join('!')}${n.sheet ? '：' : ''}${n.message}`);
  }
  if (result.unplaced.length > 0) {
    lines.push(`  ${c.red('未导入的单元格')} unplaced（${result.unplaced.length}）：`);
    for (const u of result.unplaced) lines.push(`    ${c.red('✖')} ${u.sheet}!${u.cell}  ${u.reason}`);
  }
  if (problems.length > 0) {
    lines.push(`  ${c.red('数据格式问题')} schema problems（${problems.length}）：`);
    for (const p of problems) lines.push(`    ${c.red('✖')} ${p.path}  ${p.message}`);
  }
  if (result.missing.length > 0) {
    lines.push(`  需要补充 missing（${result.missing.length}，工作簿中没有，请在数据文件中填写）：`);
    for (const m of result.missing) lines.push(`    · ${m.path}  ${m.reason}`);
  }
  const tables = result.sheets.filter((s) => s.table !== null).length;
  const amounts = Object.keys(result.sources).filter((k) => !/\/(code|name)$|\/rows\/\d+$|^\/meta\//.test(k)).length;
  lines.push(
    `结果 result：${tables} 张表 tables · ${amounts} 个金额 amounts · 未导入 unplaced ${result.unplaced.length} · 需补充 missing ${result.missing.length}${out ? ` → ${out}` : ''}`,
  );
  if (tables > 0) lines.push(`下一步 next：补充以上各项后运行 juesuan check ${out ?? 'payload.json'}`);
  return `${lines.join('\n')}\n`;
}
