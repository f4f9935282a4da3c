/**
 * juesuan render as a user runs it: partial output next to a payload that fails the audit,
 * the manifest and its hashes, incremental skips, and the exit codes.
 */
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditError, readJson, runCli, tempDir, writeVariant } from './helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const FAST = ['--formats', 'html,csv,json'];

describe('juesuan render', () => {
  let dir: string;
  let out: string;
  let good: string;

  beforeAll(async () => {
    dir = await tempDir();
    out = await tempDir();
    good = await writeVariant(dir, 'a-good.json', 'site-a');
    await writeVariant(dir, 'b-audit.json', 'audit-unit', auditError);
  });

  it('renders the good payload, skips the one with audit errors and exits 1', async () => {
    const run = await runCli(['render', dir, '--out', out, ...FAST]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^\[1\/2\] ✖ .*b-audit\.json {2}审核未通过，跳过/m);
    expect(run.stderr).toMatch(/^\[2\/2\] ✔ site-a-2024 ← .*a-good\.json {2}\d+ 个文件/m);
    expect(run.stdout).toMatch(/✖ .*b-audit\.json\n {2}勾稽关系校验未通过，未渲染.*\n {2}✖ 错误 \S+ /);
    expect(run.stdout).toMatch(/报告 reports 1（渲染 rendered 1 · 未变化 unchanged 0 · 跳过 skipped 1）/);

    expect(existsSync(join(out, 'audit-unit-2024'))).toBe(false);
    const report = join(out, 'site-a-2024');
    expect((await readdir(join(report, 'tables'))).sort()).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09'].flatMap((n) => [`${n}.csv`, `${n}.html`, `${n}.json`]),
    );
    expect(await readFile(join(report, 'payload.json'), 'utf8')).toBe(await readFile(good, 'utf8'));
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="site-a-2024/document.html"');
    expect(index).toContain('href="site-a-2024/tables/05.csv"');
    expect(index).not.toContain('audit-unit');
  });

  it('writes a manifest without timestamps that lists every file with its size and SHA-256', async () => {
    const text = await readFile(join(out, 'manifest.json'), 'utf8');
    expect(text).not.toMatch(/generatedAt|"time"|\d{4}-\d{2}-\d{2}T/);
    const manifest = JSON.parse(text);
    expect(manifest.rendererVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(manifest.options).toEqual({
      formats: ['html', 'csv', 'json'],
      params: { theme: 'auto', width: 800, height: 500, scale: 1, background: 'white', fixedHeight: false, layout: 'wide' },
    });
    expect(manifest.reports).toHaveLength(1);
    const [report] = manifest.reports;
    expect(report).toMatchObject({ alias: 'site-a-2024', source: expect.stringMatching(/a-good\.json$/) });
    expect(report.id).toMatch(/^[0-9a-f]{24}$/);
    const paths = report.files.map((f: { path: string }) => f.path);
    expect(paths.slice(0, 3)).toEqual(['document.html', 'narrative.html', 'glossary.html']);
    expect(paths).toContain('tables/06.json');
    expect(paths.at(-1)).toBe('payload.json');
    for (const file of [...report.files.map((f: any) => ({ ...f, path: join('site-a-2024', f.path) })), manifest.index]) {
      const body = await readFile(join(out, file.path));
      expect({ path: file.path, bytes: body.byteLength, sha256: sha256(body) }).toEqual({ path: file.path, bytes: file.bytes, sha256: file.sha256 });
      expect(file.contentType).toMatch(/^(text\/html|text\/csv|application\/json); charset=utf-8$/);
    }
    expect(manifest.errors).toHaveLength(1);
    expect(manifest.errors[0]).toMatchObject({ kind: 'audit', alias: 'audit-unit-2024', source: expect.stringMatching(/b-audit\.json$/) });
    expect(manifest.errors[0].findings.some((f: any) => f.severity === 'error' && f.paths.includes('/tables/gpbExpense/rows/0/total'))).toBe(true);
  });

  it('skips an unchanged report on the next run and writes the same manifest', async () => {
    const before = await readFile(join(out, 'manifest.json'), 'utf8');
    const run = await runCli(['render', dir, '--out', out, ...FAST, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/↷ site-a-2024 ← .*未变化，跳过（unchanged）/);
    const result = JSON.parse(run.stdout);
    expect(result.summary).toMatchObject({ reports: 1, rendered: 0, unchanged: 1, skipped: 1, written: 2 });
    expect(result.reports[0]).toMatchObject({ alias: 'site-a-2024', status: 'unchanged' });
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(before);
  });

  it('renders again when a file was changed on disk, with --force, or with other options', async () => {
    const csv = join(out, 'site-a-2024/tables/01.csv');
    const original = await readFile(csv);
    await appendFile(csv, 'tampered\n');
    const tampered = JSON.parse((await runCli(['render', good, '--out', out, ...FAST, '--json'])).stdout);
    expect(tampered.summary).toMatchObject({ rendered: 1, unchanged: 0 });
    expect(await readFile(csv)).toEqual(original);

    const forced = JSON.parse((await runCli(['render', good, '--out', out, ...FAST, '--force', '--json'])).stdout);
    expect(forced.summary).toMatchObject({ rendered: 1, unchanged: 0 });

    const dark = JSON.parse((await runCli(['render', good, '--out', out, ...FAST, '--theme', 'dark', '--json'])).stdout);
    expect(dark.exitCode).toBe(0);
    expect(dark.summary).toMatchObject({ rendered: 1, unchanged: 0 });
  });

  it('removes files of a previous run that this run no longer writes', async () => {
    const run = await runCli(['render', good, '--out', out, '--formats', 'csv']);
    expect(run.code).toBe(0);
    const files = await readdir(join(out, 'site-a-2024/tables'));
    expect(files.every((f) => f.endsWith('.csv'))).toBe(true);
    expect(existsSync(join(out, 'site-a-2024/document.html'))).toBe(false);
  });

  it('exits 2 for a payload that is not JSON, and still renders the others', async () => {
    const broken = await tempDir();
    const site = await tempDir();
    await writeFile(join(broken, 'broken.json'), '{"schemaVersion": 1,');
    await writeVariant(broken, 'good.json', 'site-b');
    const run = await runCli(['render', broken, '--out', site, '--formats', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('JSON 格式错误（malformed JSON）');
    expect(existsSync(join(site, 'site-b-2024/tables/01.csv'))).toBe(true);
    const manifest = await readJson(join(site, 'manifest.json'));
    expect(manifest.reports.map((r: any) => r.alias)).toEqual(['site-b-2024']);
    expect(manifest.errors).toMatchObject([{ kind: 'json', source: expect.stringMatching(/broken\.json$/) }]);
  });

  it('a missing input stops the run before anything is written: no index, no manifest (issue 14)', async () => {
    const dir = await tempDir();
    const site = join(await tempDir(), 'site');
    await writeVariant(dir, 'good.json', 'site-c');
    const run = await runCli(['render', join(dir, 'good.json'), join(dir, 'typo.json'), '--out', site, '--formats', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到文件或文件夹');
    expect(existsSync(join(site, 'index.html'))).toBe(false);
    expect(existsSync(join(site, 'manifest.json'))).toBe(false);
  });

  it('writes the same bytes on worker threads as in one thread', async () => {
    const two = await tempDir();
    await writeVariant(two, 'x.json', 'thread-x');
    await writeVariant(two, 'y.json', 'thread-y', (p) => (p.meta.department = '另一个单位'));
    const [threads, inline] = [await tempDir(), await tempDir()];
    const a = await runCli(['render', two, '--out', threads, ...FAST, '--jobs', '2', '--json']);
    const b = await runCli(['render', two, '--out', inline, ...FAST, '--jobs', '1', '--json']);
    expect(JSON.parse(a.stdout).runner).toEqual({ kind: 'threads', size: 2 });
    expect(JSON.parse(b.stdout).runner).toEqual({ kind: 'inline', size: 1 });
    expect(await readFile(join(threads, 'manifest.json'), 'utf8')).toBe(await readFile(join(inline, 'manifest.json'), 'utf8'));
  });
});
