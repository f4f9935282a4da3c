#!/usr/bin/env node
/**
 * Copies the fonts the figure renderer reads into public/fonts/, where the Worker serves them as
 * static assets (env.ASSETS) and the Node runtime reads them from disk. Fonts never go into the
 * Worker script: the compact WOFF alone would push the gzipped bundle near the 3 MiB limit.
 *
 * Which files, and why, is data: templates/figures/fonts.json. Runs at postinstall and before
 * `wrangler deploy --dry-run`. Copies only when the size or mtime differs, so it is cheap to rerun.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const manifest = JSON.parse(readFileSync(join(root, 'templates/figures/fonts.json'), 'utf8'));
const outDir = join(root, 'public/fonts');
mkdirSync(outDir, { recursive: true });

let copied = 0;
for (const group of ['compact', 'full']) {
  for (const { file, source } of Object.values(manifest[group])) {
    let from;
    try {
      from = require.resolve(source);
    } catch {
      console.error(`prepare-assets: ${source} is not installed (run npm install)`);
      process.exit(1);
    }
    const to = join(outDir, file);
    const src = statSync(from);
    let same = false;
    try {
      const dst = statSync(to);
      same = dst.size === src.size && dst.mtimeMs >= src.mtimeMs;
    } catch {
      same = false;
    }
    if (!same) {
      copyFileSync(from, to);
      copied++;
    }
  }
}
console.log(`prepare-assets: public/fonts ready (${copied} copied)`);
