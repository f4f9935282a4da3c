/**
 * The render worker as one plain-JavaScript file. A worker thread that loads the TypeScript tree
 * through tsx spends ~0.7 s of CPU (plus as much on its loader thread) resolving and translating
 * ~120 modules before its first render; the same code bundled by esbuild loads in a fraction of
 * that. The bundle is built once per renderer version (RENDERER_VERSION hashes src/, templates/
 * and the lock file) and Node version into node_modules/.cache/juesuan/, written atomically.
 * Anything missing (esbuild not installed, a read-only tree) gives null: the pool then starts
 * workers through tsx as before — the same code, the same bytes, only slower to start.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_VERSION } from '../render/version.generated';
import { PROJECT_ROOT } from './runtime';

let pending: Promise<string | null> | undefined;

/** Path of the bundled worker script, building it if needed; null when it cannot be had. */
export function workerBundle(): Promise<string | null> {
  pending ??= build().catch(() => null);
  return pending;
}

async function build(): Promise<string | null> {
  if (process.env.JUESUAN_WORKER_BUNDLE === '0') return null;
  const dir = join(PROJECT_ROOT, 'node_modules/.cache/juesuan');
  const file = join(dir, `render-worker-${RENDERER_VERSION}-${process.version}.mjs`);
  if (existsSync(file)) return file;
  const esbuild = await import('esbuild');
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const entry = join(PROJECT_ROOT, 'src/cli/worker-bundle-entry.mjs');
  try {
    await esbuild.build({
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      // Modules find the project from their own URL (src/cli/runtime.ts, src/runtime/…: two levels
      // below the root): in the bundle they all get the URL of a file at that depth.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
      logLevel: 'silent',
    });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
  return file;
}
