#!/usr/bin/env node
/**
 * Copies the static assets the Worker serves from installed packages into public/ (git-ignored there):
 * - the fonts the figure renderer reads, into public/fonts/, where the Worker reads them through
 *   env.ASSETS and the Node runtime from disk. Fonts never go into the Worker script: the compact
 *   WOFF alone would push the gzipped bundle near the 3 MiB limit. Which files, and why, is data:
 *   templates/figures/fonts.json.
 * - swagger-ui-dist's script, styles and licences, into public/docs/api/, beside the committed
 *   reference page (index.html, start.js) that loads them: GET /docs/api works offline.
 * - the OpenAPI document, built from src/http/openapi.ts into public/v1/openapi.json
 *   (scripts/gen-openapi.mjs), which GET /v1/openapi.json serves.
 *
 * Runs at postinstall and before `wrangler deploy --dry-run`. Copies only when the size or mtime
 * differs, so it is cheap to rerun.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const manifest = JSON.parse(readFileSync(join(root, 'templates/figures/fonts.json'), 'utf8'));

/** The files of swagger-ui-dist that public/docs/api/index.html loads (and the licences that go with them). */
const SWAGGER_UI_FILES = {
  'swagger-ui-bundle.js': 'swagger-ui-dist/swagger-ui-bundle.js',
  'swagger-ui.css': 'swagger-ui-dist/swagger-ui.css',
  'swagger-ui-LICENSE.txt': 'swagger-ui-dist/LICENSE',
  'swagger-ui-bundle.js.LICENSE.txt': 'swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt',
};

let copied = 0;
function copy(source, outDir, file) {
  let from;
  try {
    from = require.resolve(source);
  } catch {
    console.error(`prepare-assets: ${source} is not installed (run npm install)`);
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
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

for (const group of ['compact', 'full']) {
  for (const { file, source } of Object.values(manifest[group])) copy(source, join(root, 'public/fonts'), file);
}
for (const [file, source] of Object.entries(SWAGGER_UI_FILES)) copy(source, join(root, 'public/docs/api'), file);
console.log(`prepare-assets: public/fonts and public/docs/api ready (${copied} copied)`);

// The OpenAPI document: built here, in Node, so the Worker serves a file instead of running zod-openapi.
await import('./gen-openapi.mjs');

// The browser pages (workbench, embed view): bundled from web/workbench/ into public/workbench/.
const { buildWeb } = await import('./build-web.mjs');
try {
  await buildWeb();
} catch (error) {
  console.error(error.message ?? error);
  process.exit(1);
}
