/**
 * juesuan render: payloads → a static site. Per report <out>/<alias>/ holds every output the
 * Worker serves under /v1/reports/{id}/, byte for byte, plus payload.json; <out>/index.html lists
 * the reports and <out>/manifest.json every file with its SHA-256.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Links } from '../render/output';
import { linksUnder } from '../render/links';
import { renderIndexPage, type IndexEntry } from '../render/index-page';
import { RENDERER_VERSION } from '../render/version.generated';
import { parseCommandArgs } from './args';
import { RENDER_HELP } from './help';
import { colours, EXIT, UsageError, worstExit, type CliIo, type ExitCode } from './io';
import { duplicateAliases, loadPayload, resolveInputs, type LoadedPayload } from './inputs';
import {
  fileRecord,
  filesIntact,
  manifestText,
  MANIFEST_FILE,
  MANIFEST_VERSION,
  readManifest,
  sameRun,
  sha256,
  type ErrorRecord,
  type FileRecord,
  type Manifest,
  type ReportRecord,
} from './manifest';
import { createRunner } from './pool';
import { createProgress, type ProgressCounts } from './progress';
import { PAYLOAD_FILE, type RenderJob } from './render-job';
import { renderOptions, type ParamOption, type RenderOptions } from './render-options';
import { countFindings, inputErrorLines, seconds } from './report-text';

type RenderValues = { out?: string; formats?: string; force?: boolean; jobs?: string; json?: boolean; help?: boolean } & Partial<
  Record<ParamOption, string>
>;

export type ReportStatus = 'rendered' | 'unchanged';

export interface RenderRunResult {
  exitCode: ExitCode;
  out: string;
  rendererVersion: string;
  runner: { kind: 'inline' | 'threads' | 'none'; size: number };
  summary: {
    reports: number;
    rendered: number;
    unchanged: number;
    skipped: number;
    files: number;
    written: number;
    warnings: number;
    errors: number;
    ms: number;
  };
  reports: { alias: string; id: string; source: string; status: ReportStatus; files: number; warnings: number }[];
  errors: ErrorRecord[];
}

export async function renderCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs<RenderValues>('render', argv, {
    out: { type: 'string', short: 'o' },
    formats: { type: 'string' },
    theme: { type: 'string' },
    width: { type: 'string' },
    height: { type: 'string' },
    scale: { type: 'string' },
    background: { type: 'string' },
    force: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(RENDER_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('请指定数据文件或文件夹（missing payload file or folder）。用法：juesuan render <payload.json | folder> --out <dir>');
  if (!values.out) throw new UsageError('请用 --out 指定输出文件夹（missing --out <dir>）。');
  const options = renderOptions(values);
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d{1,3}$/.test(values.jobs) || jobs < 1) throw new UsageError(`--jobs 必须是正整数（--jobs must be a positive integer），收到“${values.jobs}”。`);
  }

  const out = resolve(io.cwd, values.out);
  const existing = await stat(out).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UsageError(`--out 必须是文件夹，${values.out} 是一个文件（--out must be a folder）。`);

  const result = await renderPayloads(positionals, out, options, io, { force: values.force === true, jobs, quiet: false });
  if (values.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(renderSummaryText(result, colours(io.stdout, io.env)));
  return result.exitCode;
}

interface RunFlags {
  force: boolean;
  jobs?: number;
  /** No progress output (benchmarks, tests calling in-process). */
  quiet: boolean;
}

/** Links from <out>/index.html into one report's folder: to the files it holds, and no others. */
function siteLinks(alias: string, files: FileRecord[]): Links {
  const paths = new Set(files.map((f) => f.path));
  return linksUnder(`${alias}/`, 'files', (path) => paths.has(path));
}

const JSON_TYPE = 'application/json; charset=utf-8';

type Valid = Extract<LoadedPayload, { ok: true }>;
type RunRecord = ReportRecord & { status: ReportStatus };

/** Stage 1: which payloads can be rendered; the others become error records with their exit code. */
function triage(
  loaded: LoadedPayload[],
  duplicates: Map<LoadedPayload, ErrorRecord>,
): { accepted: Valid[]; errors: ErrorRecord[]; exitCode: ExitCode } {
  const accepted: Valid[] = [];
  const errors: ErrorRecord[] = [];
  let exitCode: ExitCode = EXIT.ok;
  for (const item of loaded) {
    if (!item.ok) {
      errors.push(item.error);
      exitCode = worstExit(exitCode, EXIT.invalid);
    } else if (duplicates.has(item)) {
      errors.push(duplicates.get(item)!);
      exitCode = worstExit(exitCode, EXIT.invalid);
    } else if (item.result.errors.length > 0) {
      errors.push({
        source: item.input.source,
        kind: 'audit',
        alias: item.alias,
        message: `勾稽关系校验未通过，未渲染（audit failed, not rendered）：${item.result.errors.length} 个错误。`,
        findings: item.result.findings,
      });
      exitCode = worstExit(exitCode, EXIT.findings);
    } else {
      accepted.push(item);
    }
  }
  return { accepted, errors, exitCode };
}

/** Stage 2: reports whose files can be kept as they are, and render jobs for the others. */
async function planJobs(
  accepted: Valid[],
  previous: Manifest | null,
  reusable: Manifest | null,
  outDir: string,
  options: RenderOptions,
): Promise<{ records: Map<Valid, RunRecord>; pending: { item: Valid; job: RenderJob }[] }> {
  const records = new Map<Valid, RunRecord>();
  const pending: { item: Valid; job: RenderJob }[] = [];
  for (const item of accepted) {
    const reportDir = join(outDir, item.alias);
    const before = previous?.reports.find((r) => r.alias === item.alias);
    const warnings = countFindings(item.result.findings).warnings;
    if (reusable && before && before.id === item.id) {
      const outputs = before.files.filter((f) => f.path !== PAYLOAD_FILE);
      if (await filesIntact(reportDir, outputs)) {
        // Same content id, but the file may be formatted differently ("1,519.58" vs 1519.58): keep it as given.
        const payload = before.files.find((f) => f.path === PAYLOAD_FILE);
        if (payload?.sha256 !== sha256(item.bytes)) await writeFile(join(reportDir, PAYLOAD_FILE), item.bytes);
        const files = [...outputs, fileRecord(PAYLOAD_FILE, item.bytes, JSON_TYPE)];
        const skipped = before.skipped?.length ? { skipped: before.skipped } : {};
        records.set(item, { alias: item.alias, id: item.id, source: item.input.source, warnings, files, ...skipped, status: 'unchanged' });
        continue;
      }
    }
    pending.push({
      item,
      job: {
        source: item.input.source,
        alias: item.alias,
        reportDir,
        input: item.bytes,
        options,
        previousFiles: before?.files.map((f) => f.path) ?? [],
      },
    });
  }
  return { records, pending };
}

/** The whole render run; exported for the benchmark and for in-process tests. */
/** What the stages of one run share: the progress counts, the error records and the worst exit so far. */
interface RunState {
  counts: ProgressCounts;
  errors: ErrorRecord[];
  exitCode: ExitCode;
  announce: (label: string, line: string, important: boolean) => void;
}

type Colours = ReturnType<typeof colours>;
type Pending = Awaited<ReturnType<typeof planJobs>>['pending'];
type Records = Awaited<ReturnType<typeof planJobs>>['records'];

export async function renderPayloads(
  args: string[],
  outDir: string,
  options: RenderOptions,
  io: CliIo,
  flags: RunFlags,
): Promise<RenderRunResult> {
  const started = performance.now();
  const c = colours(io.stderr, io.env);
  const resolved = await resolveInputs(args, io.cwd);
  // A mistyped path must not leave a site whose index and manifest silently lack its reports:
  // an argument that names nothing readable stops the run before anything is written.
  if (resolved.errors.length > 0) {
    throw new UsageError(resolved.errors.map((e) => e.message).join('\n') + '\n未写入任何文件（nothing written）。');
  }
  // A manifest from a previous run inside an input folder is not a payload.
  const inputs = resolved.files.filter((f) => f.absolute !== join(outDir, MANIFEST_FILE));

  const loaded: LoadedPayload[] = [];
  for (const input of inputs) loaded.push(await loadPayload(input));
  const duplicates = duplicateAliases(loaded);

  const previous = await readManifest(outDir);
  const reusable = previous && !flags.force && sameRun(previous, RENDERER_VERSION, options) ? previous : null;
  await mkdir(outDir, { recursive: true });

  const triaged = triage(loaded, duplicates);
  const { accepted } = triaged;
  const { records, pending } = await planJobs(accepted, previous, reusable, outDir, options);

  const progress = flags.quiet ? null : createProgress(io.stderr, loaded.length);
  const counts: ProgressCounts = { done: 0, total: loaded.length, files: 0, warnings: 0, errors: 0 };
  const state: RunState = {
    counts,
    errors: [...resolved.errors, ...triaged.errors],
    exitCode: worstExit(resolved.errors.length ? EXIT.invalid : EXIT.ok, triaged.exitCode),
    announce: (label, line, important) => {
      counts.done++;
      progress?.finished(label, { ...counts }, line, important);
    },
  };
  announceKnown(state, inputs, records, c);
  const { written, runner } = await renderPending(pending, records, state, flags, io, c, progress);

  // Input order, not completion order: the manifest and index must not depend on thread timing.
  const reports = accepted.filter((item) => records.has(item)).map((item) => ({ item, record: records.get(item)! }));
  const order = new Map(inputs.map((input, i) => [input.source, i]));
  state.errors.sort((a, b) => (order.get(a.source) ?? -1) - (order.get(b.source) ?? -1));
  await writeSiteIndex(outDir, reports, state.errors, options);
  return runResult(outDir, reports, state, written, runner, started);
}

/** Stage 3: one progress line per payload that will not render (invalid, or unchanged since the last run). */
function announceKnown(state: RunState, inputs: { source: string }[], records: Records, c: Colours): void {
  for (const error of state.errors) {
    if (!inputs.some((i) => i.source === error.source)) continue;
    state.counts.errors += error.findings ? countFindings(error.findings).errors : 1;
    state.announce(error.source, `${c.red('✖')} ${error.source}  ${error.kind === 'audit' ? '审核未通过，跳过（audit errors, skipped）' : '无效，跳过（invalid, skipped）'}`, true);
  }
  for (const [item, record] of records) {
    state.counts.files += record.files.length;
    state.counts.warnings += record.warnings;
    state.announce(item.input.source, `${c.dim('↷')} ${record.alias} ← ${item.input.source}  ${c.dim('未变化，跳过（unchanged）')}`, false);
  }
}

/** Stage 4: renders the pending jobs on the runner; a failed report is an error record, the others go on. */
async function renderPending(
  pending: Pending,
  records: Records,
  state: RunState,
  flags: RunFlags,
  io: CliIo,
  c: Colours,
  progress: ReturnType<typeof createProgress> | null,
): Promise<{ written: number; runner: RenderRunResult['runner'] }> {
  const runner = pending.length ? await createRunner(flags.jobs, pending.length) : null;
  let written = 0;
  try {
    await Promise.all(
      pending.map(async ({ item, job }) => {
        const warnings = countFindings(item.result.findings).warnings;
        try {
          const { files, skipped, ms } = await runner!.run(job, () => progress?.started(item.input.source));
          written += files.length;
          state.counts.files += files.length;
          state.counts.warnings += warnings;
          const notWritten = skipped.length ? { skipped } : {};
          records.set(item, { alias: item.alias, id: item.id, source: item.input.source, warnings, files, ...notWritten, status: 'rendered' });
          const warned = warnings ? `，${c.yellow(`${warnings} 个警告`)}` : '';
          state.announce(item.input.source, `${c.green('✔')} ${item.alias} ← ${item.input.source}  ${files.length} 个文件${warned}，${seconds(ms)}`, false);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (io.env.JUESUAN_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : message}\n`);
          state.errors.push({ source: item.input.source, kind: 'render', alias: item.alias, message: `渲染失败（render failed）：${message}` });
          state.exitCode = worstExit(state.exitCode, EXIT.internal);
          state.counts.errors++;
          state.announce(item.input.source, `${c.red('✖')} ${item.alias} ← ${item.input.source}  渲染失败（render failed）`, true);
        }
      }),
    );
  } finally {
    await runner?.close();
    progress?.end();
  }
  return { written, runner: runner ? { kind: runner.kind, size: runner.size } : { kind: 'none', size: 0 } };
}

type SiteReport = { item: Valid; record: RunRecord };

/** Stage 5: the site's index.html and manifest.json, in input order. */
async function writeSiteIndex(outDir: string, reports: SiteReport[], errors: ErrorRecord[], options: RenderOptions): Promise<void> {
  const entries: IndexEntry[] = reports.map(({ item, record }) => ({
    model: item.result.model,
    links: siteLinks(item.alias, record.files),
    alias: item.alias,
    skipped: record.skipped ?? [],
  }));
  const indexBody = new TextEncoder().encode(renderIndexPage(entries, { formats: options.formats }));
  await writeFile(join(outDir, 'index.html'), indexBody);
  const index: FileRecord = fileRecord('index.html', indexBody, 'text/html; charset=utf-8');
  const manifest: Manifest = {
    manifestVersion: MANIFEST_VERSION,
    rendererVersion: RENDERER_VERSION,
    options: { formats: options.formats, params: options.params },
    index,
    reports: reports.map(({ record: { status: _status, ...record } }) => record),
    errors,
  };
  await writeFile(join(outDir, MANIFEST_FILE), manifestText(manifest));
}

/** Stage 6: what the run did, for the summary text and --json. */
function runResult(
  outDir: string,
  reports: SiteReport[],
  state: RunState,
  written: number,
  runner: RenderRunResult['runner'],
  started: number,
): RenderRunResult {
  const { errors } = state;
  const errorCount = errors.reduce((n, e) => n + (e.findings ? countFindings(e.findings).errors : 1), 0);
  return {
    exitCode: state.exitCode,
    out: outDir,
    rendererVersion: RENDERER_VERSION,
    runner,
    summary: {
      reports: reports.length,
      rendered: reports.filter((r) => r.record.status === 'rendered').length,
      unchanged: reports.filter((r) => r.record.status === 'unchanged').length,
      skipped: errors.length,
      files: reports.reduce((n, r) => n + r.record.files.length, 0) + 2,
      written: written + 2,
      warnings: reports.reduce((n, r) => n + r.record.warnings, 0),
      errors: errorCount,
      ms: Math.round(performance.now() - started),
    },
    reports: reports.map(({ record }) => ({
      alias: record.alias,
      id: record.id,
      source: record.source,
      status: record.status,
      files: record.files.length,
      warnings: record.warnings,
    })),
    errors,
  };
}

export function renderSummaryText(result: RenderRunResult, c: ReturnType<typeof colours>): string {
  const lines: string[] = [];
  const bySource = new Map<string, ErrorRecord[]>();
  for (const error of result.errors) bySource.set(error.source, [...(bySource.get(error.source) ?? []), error]);
  for (const [source, errors] of bySource) {
    lines.push(`${c.red('✖')} ${source}`);
    for (const error of errors) {
      if (error.kind === 'audit') lines.push(`  ${error.message}`);
      // Warnings of a rejected payload would bury its errors here; `juesuan check` lists them all.
      const shown = error.findings ? { ...error, findings: error.findings.filter((f) => f.severity === 'error') } : error;
      lines.push(...inputErrorLines(shown, c));
    }
  }
  const s = result.summary;
  const threads = result.runner.kind === 'threads' ? `，${result.runner.size} 个线程 threads` : '';
  const verdict =
    result.exitCode === EXIT.ok
      ? c.green('完成 done')
      : result.exitCode === EXIT.findings
        ? c.red('部分报告未通过审核 some reports failed the audit')
        : result.exitCode === EXIT.invalid
          ? c.red('部分输入无效 some input was invalid')
          : c.red('渲染出错 render failure');
  if (lines.length) lines.push('');
  lines.push(
    `${verdict}：报告 reports ${s.reports}（渲染 rendered ${s.rendered} · 未变化 unchanged ${s.unchanged} · 跳过 skipped ${s.skipped}）· 文件 files ${s.files}（写入 written ${s.written}）· 警告 warnings ${s.warnings} · 错误 errors ${s.errors} · 用时 time ${seconds(s.ms)}${threads} → ${result.out}`,
  );
  if (s.warnings > 0) lines.push(c.dim('警告详情请运行 juesuan check（run juesuan check for the warnings）。'));
  return `${lines.join('\n')}\n`;
}
