#!/usr/bin/env node
/**
 * npm run bench [-- --json] [-- --quick]: how fast and how big the Worker is.
 *
 *   1. builds the bundle as `npm test` does (wrangler deploy --dry-run --minify) and sizes it (gzip);
 *   2. runs dist/index.js in workerd through Miniflare: cold first request per fresh isolate, then
 *      warm p50/p95 over N cache-missing requests, for validate, tables 01–09, the document and each
 *      figure as SVG and PNG; KV render cache MISS vs HIT for the document and a figure PNG;
 *   3. peak memory of the pure core in Node (workerd does not report heap) against 128 MB;
 *   4. the peer: headless Chromium screenshotting an HTML/CSS figure 1 (fresh browser per image,
 *      and one long-lived page), compared with our warm PNG.
 *
 * Results go to bench-results/bench-<timestamp>.json (git-ignored); the previous file is compared.
 * Options: --json (one JSON object on stdout), --quick (N=5), --runs=N, --no-peer, --no-memory.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from './offline-env.mjs';
import { buildBundle, bundleSize } from './bench/build.mjs';
import { loadExample } from './bench/payloads.mjs';
import { benchWorker, discover } from './bench/worker.mjs';
import { benchMemory } from './bench/memory.mjs';
import { benchPeer, figureOneData } from './bench/peer.mjs';
import { bytes, compare, ms, table } from './bench/stats.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const json = flag('json');
const quick = flag('quick');
const runsArg = argv.find((a) => a.startsWith('--runs='));
const runs = runsArg ? Math.max(1, Number(runsArg.slice(7))) : quick ? 5 : 20;
const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');

async function main() {
  const startedAt = new Date();
  const t0 = performance.now();
  const example = loadExample();
  const results = {
    startedAt: startedAt.toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100) },
    runs,
    quick,
  };

  log('build: wrangler deploy --dry-run --outdir dist --minify');
  results.buildMs = Math.round(buildBundle());
  results.bundle = bundleSize();
  log(`  bundle: ${bytes(results.bundle.total.raw)} raw, ${bytes(results.bundle.total.gzip)} gzip`);

  log('workerd: discovering figures (one fresh workerd process)');
  const found = await discover(example);
  results.workerdStartMs = Math.round(found.startMs);
  if (found.error) log(`  publishing the example failed: ${found.error}`);
  results.figureIds = found.figureIds;
  results.worker = await benchWorker({ example, figureIds: found.figureIds, runs, log });

  if (!flag('no-memory')) {
    log('memory: pure core in Node, one process per case');
    results.memory = await benchMemory({ log });
  }

  if (!flag('no-peer')) {
    log('peer: headless Chromium, HTML/CSS figure 1 at 800×500');
    results.peer = await benchPeer({ data: figureOneData(example), freshRuns: quick ? 3 : 5, pageRuns: runs, log });
    const ours = results.worker.cases[`figure-${found.figureIds[0]}.png`]?.warm?.p50;
    if (ours && !results.peer.skipped && !results.peer.error) {
      results.peer.oursWarmPngP50 = ours;
      results.peer.speedupVsFreshBrowser = round2(results.peer.freshBrowser.p50 / ours);
      results.peer.speedupVsReusedPage = round2(results.peer.reusedPage.p50 / ours);
    }
  }
  results.totalMs = Math.round(performance.now() - t0);

  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const previousFile = readdirSync(dir).filter((f) => /^bench-.*\.json$/.test(f)).sort().at(-1);
  const file = join(dir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  let changes = null;
  if (previousFile) {
    try {
      const previous = JSON.parse(readFileSync(join(dir, previousFile), 'utf8'));
      changes = { file: previousFile, startedAt: previous.startedAt, runs: previous.runs, lines: compare(previous, results) };
    } catch {}
  }

  if (json) {
    process.stdout.write(JSON.stringify({ ...results, resultsFile: file, comparedWith: changes }, null, 2) + '\n');
  } else {
    process.stdout.write(report(results, file, changes) + '\n');
  }
  const failed = Object.values(results.worker.cases).filter((c) => c.error).length;
  if (failed) process.exitCode = 1;
}

const round2 = (x) => Math.round(x * 100) / 100;

function report(r, file, changes) {
  const out = [];
  out.push(`juesuan bench — ${r.startedAt} — Node ${r.machine.node}, ${r.machine.cpus} CPU (${r.machine.cpuModel}), load average ${r.machine.loadAverageAtStart.join(' ')} at start, N=${r.runs}`);
  out.push('');
  const b = r.bundle;
  out.push(
    `Bundle (wrangler --dry-run --minify, built in ${ms(r.buildMs)}): script ${bytes(b.script?.raw)} raw / ${bytes(b.script?.gzip)} gzip; ` +
      `all modules ${bytes(b.total.raw)} raw / ${bytes(b.total.gzip)} gzip = ${(b.freePlanShare * 100).toFixed(0)}% of the 3 MiB free-plan limit` +
      ` (static assets, not counted: ${bytes(b.staticAssetsRaw)})`,
  );
  out.push(`  modules: ${b.modules.map((m) => `${m.file} ${bytes(m.raw)} (${bytes(m.gzip)} gz)`).join(', ')}`);
  out.push(`workerd start-up, one worker (process + script load): ${ms(r.workerdStartMs)}. Cold = first request to a fresh isolate (${r.worker.coldIsolatesPerProcess} isolates per workerd process).`);
  out.push('');
  const rows = [['render in workerd (POST /v1/…)', 'cold 1st', 'warm p50', 'warm p95', 'size', 'note']];
  for (const c of Object.values(r.worker.cases)) {
    rows.push([c.label, ms(c.coldMs), ms(c.warm?.p50), ms(c.warm?.p95), bytes(c.bytes), c.error ? c.error.slice(0, 90) : c.unexpectedCacheHits ? `${c.unexpectedCacheHits} cache hits!` : '']);
  }
  out.push(table(rows));
  out.push('');
  const kvRows = [['KV render cache (GET /v1/reports/{id}/…)', 'MISS p50', 'MISS p95', 'HIT p50', 'HIT p95', '304 p50']];
  for (const [output, k] of Object.entries(r.worker.kv)) {
    if (output === 'publish' || output === 'error') continue;
    kvRows.push([output, ms(k.miss.p50), ms(k.miss.p95), ms(k.hit.p50), ms(k.hit.p95), ms(k.notModified304.p50)]);
  }
  out.push(table(kvRows));
  out.push(`publish (POST /v1/reports): p50 ${ms(r.worker.kv.publish?.p50)}${r.worker.kv.error ? ` — ${r.worker.kv.error}` : ''}`);
  if (r.memory) {
    out.push('');
    const memRows = [['peak memory, pure core in Node', 'time', 'CPU', 'JS heap', 'wasm memory', 'array buffers', '= isolate est.', 'of 128 MB']];
    const notes = [];
    for (const c of Object.values(r.memory.cases)) {
      if (c.error || c.rejected) {
        memRows.push([c.label, c.refusedInMs !== undefined ? ms(c.refusedInMs) : '', '', '', '', '', '', c.rejected ? `refused (${c.rejected.split(' ')[0]})` : 'failed']);
        notes.push(`  ${c.label}: ${c.rejected ?? c.error.split('\n')[0].slice(0, 300)}`);
        continue;
      }
      for (const phase of ['cold', 'warm']) {
        const m = c[phase];
        memRows.push([
          `${c.label} — ${phase}`,
          ms(m.ms),
          m.cpuMs !== undefined ? ms(m.cpuMs) : '',
          `${m.peakHeapUsedMiB} MiB`,
          `${m.wasmMemoryMiB} MiB`,
          `${m.peakArrayBuffersMiB} MiB`,
          `${m.isolateEstimateMiB} MiB`,
          `${Math.round(((m.isolateEstimateMiB * 1.048576) / r.memory.isolateLimitMB) * 100)}%`,
        ]);
      }
    }
    out.push(table(memRows));
    out.push(...notes);
    out.push(
      '  JS heap = peak heapUsed sampled during the render (includes ~17 MiB of Node/tsx baseline); wasm memory = every\n' +
        '  wasm linear memory (resvg, HarfBuzz) at the end, which is its peak since it never shrinks; array buffers = fonts.\n' +
        '  "warm" renders the same output again in the same process: wasm memory stays at its high-water mark.',
    );
  }
  if (r.peer) {
    out.push('');
    const p = r.peer;
    if (p.skipped) out.push(`Peer skipped: ${p.skipped}`);
    else if (p.error) out.push(`Peer failed: ${p.error}`);
    else {
      out.push(table([
        ['figure 1 PNG, 800×500', 'p50', 'p95', 'ours (warm p50) is'],
        ['juesuan in workerd (glyph outlines + resvg)', ms(p.oursWarmPngP50), '', ''],
        ['Chromium, fresh browser per image', ms(p.freshBrowser.p50), ms(p.freshBrowser.p95), p.speedupVsFreshBrowser ? `${p.speedupVsFreshBrowser}× faster` : '—'],
        [`Chromium, one page reused (launch ${ms(p.reusedPage.launchMs)})`, ms(p.reusedPage.p50), ms(p.reusedPage.p95), p.speedupVsReusedPage ? `${p.speedupVsReusedPage}× ${p.speedupVsReusedPage >= 1 ? 'faster' : 'as fast'}` : '—'],
      ]));
    }
  }
  out.push('');
  out.push(`Total ${ms(r.totalMs)}. Results: ${file}`);
  if (changes) {
    if (changes.lines.length === 0) out.push(`Compared with ${changes.file}: no p50, cold time, size or memory peak moved by 15% or more.`);
    else {
      const note = changes.runs !== r.runs ? ` — that run had N=${changes.runs}, this one N=${r.runs}` : '';
      out.push(`Compared with ${changes.file} (${changes.startedAt}${note}), p50s, cold times, sizes and memory peaks that moved by 15% or more:`);
      for (const l of changes.lines.slice(0, 12)) {
        out.push(`  ${l.path}: ${l.then} → ${l.now} (${l.change > 0 ? '+' : ''}${(l.change * 100).toFixed(0)}%)`);
      }
      if (changes.lines.length > 12) out.push(`  … and ${changes.lines.length - 12} more (see the JSON files)`);
    }
  }
  return out.join('\n');
}

main().catch((error) => {
  log(String(error?.stack ?? error));
  process.exit(1);
});
