/**
 * The render worker (and the CLI itself) as one plain-JavaScript file. A thread that loads the TypeScript tree
 * through tsx spends ~0.7 s of CPU (plus as much on its loader thread) resolving and translating
 * ~120 modules before its first render; the same code bundled by esbuild loads in a fraction of
 * that. The bundle is built once per renderer version (RENDERER_VERSION hashes src/, templates/
 * and the lock file) and Node version into node_modules/.cache/juesuan/, written atomically.
 * Anything missing (esbuild not installed, a read-only tree) gives null: the pool then starts
 * workers through tsx as before — the same code, the same bytes, only slower to start — and
 * bin/juesuan.mjs loads the TypeScript through tsx. JUESUAN_WORKER_BUNDLE=0 turns both off.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDERER_VERSION } from '../render/version.generated';
import { PROJECT_ROOT } from './runtime';

const pending = new Map<BundleKind, Promise<string | null>>();

/** The two bundles: the render worker, and the whole CLI (bin/juesuan.mjs loads it when present). */
export type BundleKind = 'render-worker' | 'cli';
const ENTRIES: Record<BundleKind, string> = { 'render-worker': 'src/cli/worker-bundle-entry.mjs', cli: 'src/cli/cli-bundle-entry.mjs' };

/** Path of the bundled worker script, building it if needed; null when it cannot be had. */
export function workerBundle(): Promise<string | null> {
  return bundle('render-worker');
}

/**
 * Path of a bundle, building it if needed; null when it cannot be had. The file name is
 * `<kind>-<renderer version>-<node version>.mjs` (bin/juesuan.mjs looks for the CLI's by it).
 */
export function bundle(kind: BundleKind): Promise<string | null> {
  let known = pending.get(kind);
  if (!known) {
    known = build(kind).catch(() => null);
    pending.set(kind, known);
  }
  return known;
}

async function build(kind: BundleKind): Promise<string | null> {
  if (process.env.JUESUAN_WORKER_BUNDLE === '0') return null;
  const dir = join(PROJECT_ROOT, 'node_modules/.cache/juesuan');
  const file = join(dir, `${kind}-${RENDERER_VERSION}-${process.version}.mjs`);
  if (existsSync(file)) return file;
  const esbuild = await import('esbuild');
  await mkdir(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const entry = join(PROJECT_ROOT, ENTRIES[kind]);
  try {
    await esbuild.build({
      entryPoints: [entry],
      outfile: temporary,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      // Modules find the project from their own URL (src/cli/*.ts, src/runtime/…: two levels below
      // the root): in the bundle they all get the URL of a file at that depth.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(entry).href) },
      logLevel: 'silent',
    });
    await rename(temporary, file);
    // Bundles of earlier versions are never loaded again.
    for (const old of await readdir(dir)) {
      if (old.startsWith(`${kind}-`) && old.endsWith('.mjs') && join(dir, old) !== file) await rm(join(dir, old), { force: true });
    }
  } finally {
    await rm(temporary, { force: true });
  }
  return file;
}
