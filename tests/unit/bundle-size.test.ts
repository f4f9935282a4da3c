/**
 * The Worker as Cloudflare would receive it: `npm test` builds it first (wrangler deploy --dry-run
 * --outdir dist --minify). The free plan takes 3 MiB gzipped; fonts must stay static assets.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';
const FREE_PLAN_GZIP = 3 * 1024 * 1024;

describe('the Worker bundle', () => {
  it('exists: npm test builds it with wrangler deploy --dry-run before vitest', () => {
    expect(existsSync(join(DIST, 'index.js')), 'run `npm run build:dry` (npm test does) first').toBe(true);
  });

  it('stays under the free plan’s 3 MiB gzipped, wasm modules included', () => {
    const modules = readdirSync(DIST).filter((f) => f === 'index.js' || f.endsWith('.wasm'));
    expect(modules.filter((f) => f.endsWith('.wasm')).length).toBe(2); // resvg, HarfBuzz subsetter (no yoga: text is placed without a layout engine)
    const gzip = modules.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    expect(gzip).toBeLessThan(FREE_PLAN_GZIP);
  });

  it('does not carry the fonts: they are static assets read through ASSETS', () => {
    const script = readFileSync(join(DIST, 'index.js'));
    expect(script.length).toBeLessThan(2 * 1024 * 1024);
    for (const font of readdirSync('public/fonts').filter((f) => /\.(woff|ttf)$/.test(f))) {
      const head = readFileSync(join('public/fonts', font)).subarray(0, 64);
      expect(script.includes(head), font).toBe(false);
    }
  });
});
