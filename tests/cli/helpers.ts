/** Running the CLI as a user would (node bin/juesuan.mjs …) and building payload folders for it. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/juesuan.mjs');
export const EXAMPLE = join(ROOT, 'examples/wuhan-jianghan-cyzx-2024.json');
export const MINIMAL = join(ROOT, 'examples/wuhan-jianghan-cyzx-2024-minimal.json');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI. In-process by default: main() with captured streams, as bin/juesuan.mjs calls it —
 * the same command code without a Node start-up and a TypeScript compile per run (they made the CLI
 * tests the slowest part of npm test). `spawn: true` runs `node bin/juesuan.mjs` as a user would;
 * spawned.test.ts keeps that path covered.
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; spawn?: boolean } = {},
): Promise<CliRun> {
  if (options.spawn) return spawnCli(args, options);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', JUESUAN_TOKEN: undefined, JUESUAN_URL: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  let stdout = '';
  let stderr = '';
  const { main } = await import('../../src/cli/main');
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

/** Spawns the CLI (asynchronously, so a stub server in the test process can answer it). */
export function spawnCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', JUESUAN_TOKEN: undefined, JUESUAN_URL: undefined, ...options.env };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function tempDir(prefix = 'juesuan-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function readJson<T = any>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** A copy of an example with another alias; `edit` may change anything else. */
export async function writeVariant(
  dir: string,
  name: string,
  slug: string,
  edit: (payload: any) => void = () => {},
  from = MINIMAL,
): Promise<string> {
  const payload = await readJson(from);
  payload.meta.slug = slug;
  edit(payload);
  const path = join(dir, name);
  await writeFile(path, `${JSON.stringify(payload, null, 2)}\n`);
  return path;
}

/** Breaks a 公开05表 row's identity (小计 ≠ 基本 + 项目): an audit error, not a schema error. */
/** The sections a publication must state (audit completeness.*), so a minimal payload audits clean. */
export const complete = (payload: any) => {
  payload.overview = { duties: ['负责城市运行管理的综合调度。'] };
  payload.explanation = {
    operatingCosts: 0,
    procurement: { total: 0 },
    assets: { vehicles: 0 },
  };
  payload.performance = { evaluationSummary: '各项目绩效目标基本完成。' };
};

export const auditError = (payload: any) => {
  payload.tables.gpbExpense.rows[0].total = 9999;
};
