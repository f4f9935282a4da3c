#!/usr/bin/env node
// The layer graph of src/: which layer imports which (type-only imports ignored: they vanish at build time).
//
//   schema → model → ingest → audit → render → store → (http | cli)        runtime: the edge's platform adapters
//
// A layer may import itself and any layer to its left, never one to its right. `npm run layers` prints the
// graph and every import that breaks the order (exit 1 if there is one); `--files` lists file-level edges.
// tests/unit/layers.test.ts runs the same check.
import { readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from './files-under.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Layers from the bottom up; the edge layers (http, cli) share the top rank and must not import each other. */
export const LAYERS = [
  { name: 'schema', rank: 0, dirs: ['schema'] },
  { name: 'model', rank: 1, dirs: ['model'] },
  // Excel in: workbook → payload, on the schema and the template sets; render, http and cli may use it.
  { name: 'ingest', rank: 2, dirs: ['ingest'] },
  { name: 'audit', rank: 3, dirs: ['audit'] },
  { name: 'render', rank: 4, dirs: ['render'] },
  { name: 'store', rank: 5, dirs: ['store'] },
  { name: 'runtime', rank: 6, dirs: ['runtime'] },
  { name: 'http', rank: 7, dirs: ['http', 'routes'], files: ['index.ts', 'env.ts'] },
  { name: 'cli', rank: 7, dirs: ['cli'] },
];

function layerOf(file) {
  const rel = relative(SRC, file).split('\\').join('/');
  const [top] = rel.split('/');
  for (const layer of LAYERS) {
    if (layer.dirs.includes(top) || layer.files?.includes(rel)) return layer;
  }
  return { name: `?${rel}`, rank: -1, dirs: [] };
}

function walk(dir) {
  return filesUnder(dir).filter((path) => /\.(ts|mjs|js)$/.test(path) && !path.endsWith('.d.ts'));
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Value imports of one file: static imports/exports that are not `import type`, and dynamic import(). */
export function valueImports(source) {
  const specs = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statement = /(?:^|\n)\s*(import|export)\s+([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(statement)) {
    const clause = m[2].trim();
    if (/^type\b/.test(clause)) continue;
    const braces = clause.match(/^\{([\s\S]*)\}$/);
    if (braces) {
      const names = braces[1].split(',').map((s) => s.trim()).filter(Boolean);
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    }
    specs.push(m[3]);
  }
  for (const m of code.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) specs.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

export function layerGraph() {
  const files = walk(SRC);
  const edges = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const spec of valueImports(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, spec);
      if (!target?.startsWith(SRC)) continue; // packages and templates/ (data) are not layers
      const to = layerOf(target);
      edges.push({ from: relative(ROOT, file), to: relative(ROOT, target), fromLayer: from.name, toLayer: to.name, upward: to.rank > from.rank || (to.rank === from.rank && to.name !== from.name) || from.rank < 0 || to.rank < 0 });
    }
  }
  return edges;
}

function main() {
  const edges = layerGraph();
  const counts = new Map();
  for (const e of edges) {
    if (e.fromLayer === e.toLayer) continue;
    const key = `${e.fromLayer} → ${e.toLayer}`;
    const c = counts.get(key) ?? { n: 0, upward: e.upward };
    c.n += 1;
    counts.set(key, c);
  }
  console.log('layer order: schema → model → ingest → audit → render → store → runtime → (http | cli)\n');
  console.log('layer edges (value imports between layers):');
  for (const [key, c] of [...counts].sort()) console.log(`  ${c.upward ? '✗' : ' '} ${key}  (${c.n})`);
  const bad = edges.filter((e) => e.upward);
  if (process.argv.includes('--files')) {
    console.log('\nfile edges between layers:');
    for (const e of edges.filter((x) => x.fromLayer !== x.toLayer)) console.log(`  ${e.upward ? '✗' : ' '} ${e.from} → ${e.to}`);
  }
  if (bad.length > 0) {
    console.log(`\n${bad.length} import(s) against the layer order:`);
    for (const e of bad) console.log(`  ${e.from} (${e.fromLayer}) → ${e.to} (${e.toLayer})`);
    process.exitCode = 1;
  } else {
    console.log('\nno import against the layer order');
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
