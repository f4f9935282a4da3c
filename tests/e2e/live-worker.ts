/**
 * The Worker as users get it: `wrangler dev` (workerd, offline, on 127.0.0.1, a fresh KV state in a
 * temp folder) with one publishing token. For tests that need the real routes and static assets.
 * The e2e project starts ONE for all its files (tests/e2e/global-setup.ts; a start costs about 5 s
 * of CPU); a test file gets it with `liveWorker()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
// @ts-expect-error plain ES module without types
import { offlineEnv } from '../../scripts/offline-env.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The publishing token of the shared Worker. */
export const LIVE_TOKEN = 'e2e-live-token-0123456789abcdef';

export interface LiveWorker {
  base: string;
  stop(): Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the e2e project's `wrangler dev` (tests/e2e/global-setup.ts). */
    liveBase: string;
  }
}

/** The e2e project's running Worker: its origin and its publishing token. */
export function liveWorker(): { base: string; token: string } {
  const base = inject('liveBase');
  if (!base) throw new Error('no live Worker: tests/e2e/global-setup.ts starts it for the e2e project (vitest run --project e2e)');
  return { base, token: LIVE_TOKEN };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startWorker(token: string): Promise<LiveWorker> {
  const [port, inspector] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  const state = await mkdtemp(join(tmpdir(), 'juesuan-live-'));
  // The token goes in a file, never on wrangler's command line (visible in `ps`).
  const envFile = join(state, 'dev.vars');
  await writeFile(envFile, `API_TOKENS=${token}\n`, { mode: 0o600 });
  // Its own inspector port too: the default (9229) is taken by any other wrangler dev on the machine.
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', state, '--env-file', envFile, '--show-interactive-dev-session=false'];
  // Its own process group, so the workerd it starts goes down with it.
  const wrangler: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    env: offlineEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  wrangler.stdout!.on('data', (d) => (log += d));
  wrangler.stderr!.on('data', (d) => (log += d));
  const stop = async () => {
    if (wrangler.pid && wrangler.exitCode === null) {
      const exited = new Promise((r) => wrangler.once('exit', r));
      process.kill(-wrangler.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    await rm(state, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/v1/schema.json`)).ok) break;
    } catch {}
    if (i > 240 || wrangler.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop };
}
