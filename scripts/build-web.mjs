#!/usr/bin/env node
/**
 * Builds the browser pages (web/workbench/: the workbench and the embed-and-download view) into
 * public/workbench/, where the Worker serves them through ASSETS. esbuild bundles the TypeScript
 * (the workbook reader is split into a chunk loaded only when a workbook is dropped) and the CSS;
 * the HTML files are copied. Build output is never committed (.gitignore): `npm ci` (postinstall),
 * `npm start`, `npm run build:dry` and the browser tests run this. Same sources → same bytes.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_SOURCE = join(root, 'web/workbench');
export const WEB_OUT = join(root, 'public/workbench');

/** True when public/workbench is missing or older than a source file (tests build only then). */
export function webBuildStale(outDir = WEB_OUT) {
  const built = join(outDir, 'workbench.js');
  if (!existsSync(built)) return true;
  const at = statSync(built).mtimeMs;
  const under = (dir) => (existsSync(join(root, dir)) ? readdirSync(join(root, dir)).map((f) => join(root, dir, f)) : []);
  const sources = [...under('web/workbench'), ...under('src/ingest'), join(root, 'src/render/html/embed.ts')];
  return sources.some((file) => statSync(file).mtimeMs > at);
}

/** Builds every page; returns the files written with their sizes in bytes. */
export async function buildWeb({ outDir = WEB_OUT, quiet = false } = {}) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('build-web: esbuild is not installed (a devDependency: run npm ci without --omit=dev)');
  }
  // Built beside the served folder and swapped in, so a server reading it never sees half a build.
  const temp = `${outDir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(WEB_SOURCE, 'workbench.ts'), join(WEB_SOURCE, 'embed.ts'), join(WEB_SOURCE, 'style.css')],
    outdir: temp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    charset: 'utf8',
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'eof',
    logLevel: 'error',
    tsconfig: join(WEB_SOURCE, 'tsconfig.json'),
  });
  for (const file of readdirSync(WEB_SOURCE)) {
    if (file.endsWith('.html')) copyFileSync(join(WEB_SOURCE, file), join(temp, file));
  }
  const old = `${outDir}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  rmSync(old, { recursive: true, force: true });
  const files = readdirSync(outDir)
    .sort()
    .map((file) => ({ file, bytes: statSync(join(outDir, file)).size }));
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`build-web: public/workbench ready (${files.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')})`);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildWeb().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
