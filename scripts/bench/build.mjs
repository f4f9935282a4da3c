// Builds the Worker bundle exactly as `npm test` does (wrangler deploy --dry-run --minify) and
// measures what Cloudflare counts against the script size limit: every module wrangler would
// upload (the script and its wasm modules), raw and gzipped. Static assets are not part of it.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { filesUnder } from '../files-under.mjs';
import { root } from '../offline-env.mjs';

export const FREE_PLAN_GZIP_LIMIT = 3 * 1024 * 1024;
export const PAID_PLAN_GZIP_LIMIT = 10 * 1024 * 1024;

function run(args, quiet) {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: quiet ? 'pipe' : ['ignore', 2, 2] });
  if (r.status !== 0) {
    throw new Error(`${args.join(' ')} failed (exit ${r.status})\n${(r.stdout ?? '') + (r.stderr ?? '')}`.trim());
  }
  return performance.now() - started;
}

/** Runs the same steps as `npm run build:dry` and returns the build time in ms. */
export function buildBundle({ quiet = true } = {}) {
  run(['scripts/gen-version.mjs'], quiet);
  run(['scripts/prepare-assets.mjs'], quiet);
  return run(['scripts/wrangler.mjs', 'deploy', '--dry-run', '--outdir', 'dist', '--minify'], quiet);
}


/** Sizes of dist/: the script alone and every uploaded module together (raw and gzip -9). */
export function bundleSize() {
  const dist = join(root, 'dist');
  const files = filesUnder(dist).filter((f) => /\.(m?js|wasm|bin|txt|html|json)$/.test(f) && !/README\.md$|\.map$/.test(f));
  const modules = files.map((file) => {
    const data = readFileSync(file);
    return { file: file.slice(dist.length + 1), raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  const script = modules.find((m) => m.file === 'index.js');
  const total = modules.reduce((t, m) => ({ raw: t.raw + m.raw, gzip: t.gzip + m.gzip }), { raw: 0, gzip: 0 });
  let assetsRaw = 0;
  try {
    assetsRaw = filesUnder(join(root, 'public')).reduce((n, f) => n + statSync(f).size, 0);
  } catch {}
  return {
    script: script ? { raw: script.raw, gzip: script.gzip } : null,
    total,
    modules: modules.sort((a, b) => b.raw - a.raw),
    freePlanLimitGzip: FREE_PLAN_GZIP_LIMIT,
    freePlanShare: total.gzip / FREE_PLAN_GZIP_LIMIT,
    paidPlanLimitGzip: PAID_PLAN_GZIP_LIMIT,
    staticAssetsRaw: assetsRaw,
  };
}
