/**
 * juesuan check: schema and audit only, for CI. Human lines grouped by file, or one JSON object
 * with --json. Exit 0 clean (warnings allowed), 1 audit errors (or warnings with --strict),
 * 2 unreadable or invalid input.
 */
import type { AcknowledgedFinding, Finding } from '../audit';
import { parseCommandArgs } from './args';
import { CHECK_HELP } from './help';
import { colours, EXIT, UsageError, worstExit, type CliIo, type ExitCode } from './io';
import { duplicateAliases, loadPayload, resolveInputs } from './inputs';
import type { ErrorRecord } from './manifest';
import { acknowledgedLine, countFindings, findingLine, inputErrorLines, seconds, sortFindings } from './report-text';

interface CheckValues {
  json?: boolean;
  strict?: boolean;
  help?: boolean;
}

export type CheckStatus = 'clean' | 'warnings' | 'errors' | 'invalid';

export interface CheckedFile {
  source: string;
  status: CheckStatus;
  alias?: string;
  id?: string;
  errors: number;
  warnings: number;
  findings: Finding[];
  /** Findings the payload acknowledged (audit.acknowledged), each with its reason: they do not fail the check. */
  acknowledged: AcknowledgedFinding[];
  /** Set for status "invalid": why the payload could not be checked. */
  error?: ErrorRecord;
}

export interface CheckResult {
  exitCode: ExitCode;
  strict: boolean;
  files: CheckedFile[];
  summary: { files: number; clean: number; warnings: number; errors: number; acknowledged: number; invalid: number; withErrors: number };
}

export async function checkCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs<CheckValues>('check', argv, {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('请指定要检查的数据文件或文件夹（missing payload file or folder）。用法：juesuan check <payload.json | folder>');

  const started = performance.now();
  const result = await checkPayloads(positionals, io.cwd, values.strict === true);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout.write(checkText(result, colours(io.stdout, io.env), performance.now() - started));
  }
  return result.exitCode;
}

/** Checks every payload; never throws for a bad payload (that is a result, not a crash). */
export async function checkPayloads(args: string[], cwd: string, strict: boolean): Promise<CheckResult> {
  const { files: inputs, errors: inputErrors } = await resolveInputs(args, cwd);
  const loaded = [];
  for (const input of inputs) loaded.push(await loadPayload(input));
  const duplicates = duplicateAliases(loaded);

  const files: CheckedFile[] = inputErrors.map((error) => ({ source: error.source, status: 'invalid', errors: 0, warnings: 0, findings: [], acknowledged: [], error }));
  for (const item of loaded) {
    if (!item.ok) {
      files.push({ source: item.input.source, status: 'invalid', errors: 0, warnings: 0, findings: [], acknowledged: [], error: item.error });
      continue;
    }
    const duplicate = duplicates.get(item);
    // Only a warning here: each file is fine on its own, but render and publish keep one per alias.
    const aliasFinding: Finding[] = duplicate
      ? [{ rule: 'cli.duplicate-alias', severity: 'warning', message: duplicate.message, paths: ['/meta/slug', '/meta/fiscalYear'] }]
      : [];
    const findings = sortFindings([...item.result.findings, ...aliasFinding]);
    const { errors, warnings } = countFindings(findings);
    const status: CheckStatus = errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'clean';
    const acknowledged = item.result.acknowledged;
    files.push({ source: item.input.source, status, alias: item.alias, id: item.id, errors, warnings, findings, acknowledged });
  }

  let exitCode: ExitCode = EXIT.ok;
  for (const file of files) {
    if (file.status === 'invalid') exitCode = worstExit(exitCode, EXIT.invalid);
    else if (file.status === 'errors' || (strict && file.status === 'warnings')) exitCode = worstExit(exitCode, EXIT.findings);
  }
  const count = (status: CheckStatus) => files.filter((f) => f.status === status).length;
  return {
    exitCode,
    strict,
    files,
    summary: {
      files: files.length,
      clean: count('clean'),
      warnings: files.reduce((n, f) => n + f.warnings, 0),
      errors: files.reduce((n, f) => n + f.errors, 0),
      acknowledged: files.reduce((n, f) => n + f.acknowledged.length, 0),
      invalid: count('invalid'),
      withErrors: count('errors'),
    },
  };
}

export function checkText(result: CheckResult, c: ReturnType<typeof colours>, ms: number): string {
  const lines: string[] = [];
  for (const file of result.files) {
    const acknowledgedNote = file.acknowledged.length > 0 ? c.dim(` · 已说明 ${file.acknowledged.length} 项（acknowledged）`) : '';
    if (file.status === 'clean') {
      lines.push(`${c.green('✔')} ${file.source}  ${c.dim('通过（clean）')}${acknowledgedNote}`);
      for (const finding of file.acknowledged) lines.push(acknowledgedLine(finding, c));
      continue;
    }
    const note =
      file.status === 'invalid'
        ? c.red('无法检查（invalid input）')
        : `${file.errors ? c.red(`${file.errors} 个错误`) : '0 个错误'}，${file.warnings ? c.yellow(`${file.warnings} 个警告`) : '0 个警告'}`;
    lines.push(`${file.status === 'warnings' ? c.yellow('⚠') : c.red('✖')} ${file.source}  ${note}${acknowledgedNote}`);
    if (file.error) lines.push(...inputErrorLines(file.error, c));
    for (const finding of file.findings) lines.push(findingLine(finding, c));
    for (const finding of file.acknowledged) lines.push(acknowledgedLine(finding, c));
  }
  const s = result.summary;
  const verdict =
    result.exitCode === EXIT.ok ? c.green('通过 passed') : result.exitCode === EXIT.findings ? c.red('未通过 failed') : c.red('输入无效 invalid input');
  lines.push(
    '',
    `检查 check：${s.files} 个文件 files · 通过 clean ${s.clean} · 错误 errors ${s.errors} · 警告 warnings ${s.warnings} · 已说明 acknowledged ${s.acknowledged} · 无效 invalid ${s.invalid} · ${seconds(ms)} → ${verdict}${result.strict ? '（--strict：警告也算未通过）' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
