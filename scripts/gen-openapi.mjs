#!/usr/bin/env node
/**
 * Writes public/v1/openapi.json: the OpenAPI document built in Node from src/http/openapi.ts (the
 * single source: the zod schemas and the format registry). The Worker serves this file through
 * ASSETS (src/routes/api-docs.ts) instead of building the document itself, so zod-openapi's
 * generator is not in the Worker bundle and the first request of an isolate costs no CPU for it.
 *
 * Git-ignored; run by scripts/prepare-assets.mjs (postinstall, `npm start`, `npm run build:dry`,
 * after gen-version.mjs, whose RENDERER_VERSION the document carries). A stale file is caught:
 * tests/unit/openapi.test.ts and tests/worker/openapi.test.ts compare it with a fresh build.
 * Writes only when the bytes differ.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_FILE = join(root, 'public/v1/openapi.json');

register({ tsconfig: join(root, 'tsconfig.json') });
const { openApiJson } = await import('../src/http/openapi.ts');
const text = openApiJson();
let previous = '';
try {
  previous = readFileSync(OPENAPI_FILE, 'utf8');
} catch {}
if (previous !== text) {
  mkdirSync(dirname(OPENAPI_FILE), { recursive: true });
  writeFileSync(OPENAPI_FILE, text);
}
if (!process.argv.includes('--quiet')) console.log(`gen-openapi: public/v1/openapi.json ${previous === text ? 'up to date' : 'written'} (${Buffer.byteLength(text)} B)`);
