// Benchmark of `juesuan render`: a folder of N variants of the reference example (only
// meta.slug and meta.department change, so every audit stays clean) rendered from scratch, as a
// user runs it (node bin/juesuan.mjs, start-up included). Prints reports per minute and total time,
// and — with /usr/bin/time, which reports the process's own CPU (all its threads) — the CPU it
// used and the rate two cores would give if they were the CLI's alone (a shared, busy machine
// slows the wall clock, not the CPU time).
//
//   node scripts/bench-cli.mjs [--count 50] [--jobs N] [--formats html,csv,json,png,svg,xlsx] [--json] [--keep]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '50' },
    jobs: { type: 'string' },
    formats: { type: 'string' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');

const work = await mkdtemp(join(tmpdir(), 'juesuan-bench-'));
const payloads = join(work, 'payloads');
const out = join(work, 'site');
await mkdir(payloads);
const example = JSON.parse(await readFile(join(root, 'examples/wuhan-jianghan-cyzx-2024.json'), 'utf8'));
for (let i = 0; i < count; i++) {
  const n = String(i + 1).padStart(3, '0');
  const variant = structuredClone(example);
  variant.meta.slug = `bench-unit-${n}`;
  variant.meta.department = `${example.meta.department}（测试${n}）`;
  await writeFile(join(payloads, `bench-${n}.json`), JSON.stringify(variant, null, 2));
}

const args = [join(root, 'bin/juesuan.mjs'), 'render', payloads, '--out', out, '--json'];
if (values.jobs) args.push('--jobs', values.jobs);
if (values.formats) args.push('--formats', values.formats);

const TIME = '/usr/bin/time';
const timeFile = join(work, 'cpu.txt');
const timed = existsSync(TIME);
const [command, commandArgs] = timed ? [TIME, ['-f', '%U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
const started = performance.now();
const { code, stdout, stderr } = await new Promise((resolve, reject) => {
  const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('error', reject);
  child.on('close', (code) => resolve({ code, stdout, stderr }));
});
const wallMs = performance.now() - started;
if (code !== 0) {
  process.stderr.write(stderr);
  process.stderr.write(stdout);
  throw new Error(`juesuan render exited with ${code}`);
}
const run = JSON.parse(stdout);
let cpuSeconds = null;
if (timed) {
  const [user, sys] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).slice(-2).map(Number);
  if (Number.isFinite(user) && Number.isFinite(sys)) cpuSeconds = Number((user + sys).toFixed(2));
}
// The formats as written, not as asked: without --formats the CLI writes every format of its registry.
const written = new Set((await readdir(out, { recursive: true })).map((file) => extname(file).slice(1)).filter(Boolean));
const result = {
  reports: run.summary.rendered,
  files: run.summary.files,
  formats: [...written].sort().join(','),
  runner: run.runner,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  totalSeconds: Number((wallMs / 1000).toFixed(2)),
  renderSeconds: Number((run.summary.ms / 1000).toFixed(2)),
  reportsPerMinute: Number(((run.summary.rendered / wallMs) * 60_000).toFixed(1)),
  cpuSeconds,
  cpuMsPerReport: cpuSeconds === null ? null : Math.round((cpuSeconds * 1000) / run.summary.rendered),
  /** Reports per minute if two cores did nothing else: 2 × 60 s / CPU seconds per report. */
  reportsPerMinuteOnTwoCores: cpuSeconds === null ? null : Number(((2 * 60 * run.summary.rendered) / cpuSeconds).toFixed(1)),
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  rendererVersion: run.rendererVersion,
};
if (!values.keep) await rm(work, { recursive: true, force: true });

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  console.log(
    `juesuan render: ${result.reports} reports, ${result.files} files (${result.formats}) in ${result.totalSeconds} s ` +
      `(${result.renderSeconds} s inside the CLI) → ${result.reportsPerMinute} reports/min ` +
      `on ${result.runner.kind === 'threads' ? `${result.runner.size} worker threads` : 'one thread'}, ${result.cpus} CPUs, Node ${result.node}` +
      (cpuSeconds === null ? '' : `; CPU ${cpuSeconds} s = ${result.cpuMsPerReport} ms/report → ${result.reportsPerMinuteOnTwoCores} reports/min on two idle cores`) +
      `; load average ${result.loadAverage.join(' ')}` +
      (values.keep ? `\nkept: ${work}` : ''),
  );
}
