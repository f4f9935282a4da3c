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
 *      and one long-lived page), our own figure 1 SVG and table 01 page in that page, compared
 *      with our warm PNGs;
 *   5. CPU of the image pipeline's parts in Node (scripts/bench/targets-child.ts) and of
 *      `juesuan render` (scripts/bench-cli.mjs), and the issue-16 target table from all of it.
 *      `npm run bench -- --json` prints it as `targets`, with the load average.
 *   6. the Chromium ratios side by side (scripts/bench/ratio.mjs, `ratio` in the JSON): ours in
 *      workerd, one reused Chromium page and the floor, in interleaved rounds of one phase, so all
 *      three see the same load; the target rows against Chromium and the ceiling come from it.
 *
 * Results go to bench-results/bench-<timestamp>.json (git-ignored); the previous file is compared.
 * Options: --json (one JSON object on stdout), --quick (N=5; 5 interleaved rounds of 3), --runs=N, --no-peer
 * (also skips the ratio phase), --no-ratio, --no-memory, --no-cli,
 * --no-cold (skip the first-request-per-isolate phase: minutes on a busy machine).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './offline-env.mjs';
import { buildBundle, bundleSize } from './bench/build.mjs';
import { EXAMPLE_PATH, loadExample } from './bench/payloads.mjs';
import { benchWorker, discover } from './bench/worker.mjs';
import { benchMemory } from './bench/memory.mjs';
import { benchPeer, CHROMIUM, figureOneData } from './bench/peer.mjs';
import { benchRatio } from './bench/ratio.mjs';
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
  results.worker = await benchWorker({ example, figureIds: found.figureIds, runs, log, cold: !flag('no-cold') });

  if (!flag('no-memory')) {
    log('memory: pure core in Node, one process per case');
    results.memory = await benchMemory({ log });
  }

  log('cpu: the image pipeline in Node (process.cpuUsage, interleaved rounds)');
  const work = mkdtempSync(join(tmpdir(), 'juesuan-targets-'));
  try {
    results.cpu = JSON.parse(await runNode(['--import', 'tsx', join(root, 'scripts/bench/targets-child.ts'), EXAMPLE_PATH, work, String(runs)]));
    results.cpu.loadAverage = loadavg().map((x) => Math.round(x * 100) / 100);
  } catch (error) {
    results.cpu = { error: String(error?.message ?? error).slice(0, 500) };
  }
  const same = results.cpu.error
    ? undefined
    : { figureSvg: readFileSync(join(work, 'figure-1.svg'), 'utf8'), tableHtml: readFileSync(join(work, 'table-01.html'), 'utf8') };
  rmSync(work, { recursive: true, force: true });

  if (!flag('no-cli')) {
    const count = 10; // fewer would let start-up (tsx compiling the CLI) dominate the CPU per report
    log(`cli: juesuan render of ${count} reports, all formats (scripts/bench-cli.mjs)`);
    try {
      results.cli = JSON.parse(await runNode([join(root, 'scripts/bench-cli.mjs'), '--count', String(count), '--json']));
    } catch (error) {
      results.cli = { error: String(error?.message ?? error).slice(0, 500) };
    }
  }

  if (!flag('no-peer')) {
    log('peer: headless Chromium, HTML/CSS figure 1 at 800×500, our figure 1 SVG and table 01 page');
    // Our own SVG and table page in the reused page are timed in the interleaved phase below
    // (peer.reusedPageOurSvg / reusedPageOurTable are filled from it); only without it here.
    const interleave = same && existsSync(CHROMIUM) && !flag('no-ratio');
    results.peer = await benchPeer({ data: figureOneData(example), freshRuns: quick ? 3 : 5, pageRuns: runs, log, same: interleave ? undefined : same });
    const ours = results.worker.cases[`figure-${found.figureIds[0]}.png`]?.warm?.p50;
    if (ours && !results.peer.skipped && !results.peer.error) {
      results.peer.oursWarmPngP50 = ours;
      results.peer.speedupVsFreshBrowser = round2(results.peer.freshBrowser.p50 / ours);
      results.peer.speedupVsReusedPage = round2(results.peer.reusedPage.p50 / ours);
    }
    if (interleave) {
      const rounds = quick ? 5 : 10;
      const perRound = quick ? 3 : 5;
      log(`ratio: ours in workerd, one reused Chromium page and the floor, ${rounds} interleaved rounds of ${perRound} (figure 1 and table 01 PNG)`);
      results.ratio = await benchRatio({ example, same, rounds, perRound, log });
      if (!results.ratio.error && !results.peer.skipped && !results.peer.error) {
        results.peer.reusedPageOurSvg = results.ratio.figure.chromium;
        results.peer.reusedPageOurTable = results.ratio.table.chromium;
      }
    }
  }
  results.targets = targets(results);
  results.machine.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
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

/** Runs node with args in the project root; resolves with stdout, rejects with the end of stderr. */
function runNode(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err.trim().slice(-500)}`))));
  });
}

/**
 * The target table of issue 16, every row from this run: the ratio or figure now, the target,
 * and whether it is met. Ratios against Chromium compare wall-clock medians taken in the same run
 * (ours warm in workerd, the browser's reused page); CPU rows are process.cpuUsage medians.
 */
function targets(r) {
  const rows = [];
  const row = (id, label, now, target, better, unit, note) =>
    rows.push({ id, label, now: now ?? null, target, unit, met: now == null ? null : better === 'higher' ? now >= target : now <= target, note });
  const ours = (id) => r.worker?.cases?.[id]?.warm?.p50;
  const ratio = (a, b) => (a && b ? round2(a / b) : null);
  const side = r.ratio && !r.ratio.error ? r.ratio : null; // the interleaved phase, when it ran
  const la = side ? `load ${side.loadAverage.oneMinuteMin}–${side.loadAverage.oneMinuteMax}` : '';
  for (const [id, label, which, target, worker, peer] of [
    ['figurePngVsChromium', 'figure 1 PNG vs one reused Chromium page screenshotting our SVG (× faster)', 'figure', 6, 'figure-1.png', 'reusedPageOurSvg'],
    ['tablePngVsChromium', 'table 01 PNG vs one reused Chromium page screenshotting our table page (× faster)', 'table', 4, 'table-01.png', 'reusedPageOurTable'],
  ]) {
    if (side) {
      const s = side[which];
      row(id, label, s.chromiumOverOurs, target, 'higher', '×',
        `interleaved, same minutes (${la}): ours ${s.ours.p50} ms p50 in workerd, Chromium ${s.chromium.p50} ms; per-round median ${s.chromiumOverOursPerRound}×; process CPU per image ${s.ours.processCpuMsPerSample} vs ${s.chromium.processCpuMsPerSample} ms = ${s.chromiumOverOursCpu}×`);
    } else {
      row(id, label, ratio(r.peer?.[peer]?.p50, ours(worker)), target, 'higher', '×',
        `NOT interleaved (phases minutes apart): ours ${ours(worker)} ms warm p50 in workerd, Chromium ${r.peer?.[peer]?.p50} ms`);
    }
  }
  row('figurePngVsFloor', 'figure 1 PNG CPU vs the floor (resvg raster + encode of its final SVG) (× above)',
    ratio(r.cpu?.cpu?.figurePng?.cpuMsP50, r.cpu?.cpu?.floor?.cpuMsP50), 2, 'lower', '×',
    `${r.cpu?.cpu?.figurePng?.cpuMsP50} ms vs ${r.cpu?.cpu?.floor?.cpuMsP50} ms CPU`);
  row('cliReportsPerMinute', 'CLI, full reports/min on 2 cores, all formats (from CPU time)',
    r.cli?.reportsPerMinuteOnTwoCores, 90, 'higher', 'reports/min',
    r.cli && !r.cli.error ? `${r.cli.cpuMsPerReport} ms CPU per report; wall clock on this machine: ${r.cli.reportsPerMinute}/min` : r.cli?.error);
  row('statelessDocumentCpu', 'stateless document CPU (schema + audit + model + HTML + 14 inline SVGs)',
    r.cpu?.cpu?.statelessDocument?.cpuMsP50, 60, 'lower', 'ms');
  row('storedDocumentMissCpu', 'stored document.html MISS render CPU (model memoised, figures linked)',
    r.cpu?.cpu?.storedDocumentMiss?.cpuMsP50, 5, 'lower', 'ms',
    `Node; a report's first render ${r.cpu?.cpu?.storedDocumentFirst?.cpuMsP50 ?? '—'} ms CPU; workerd MISS wall p50 ${r.worker?.kv?.['document.html']?.miss?.p50 ?? '—'} ms`);
  const gzip = r.bundle?.total?.gzip;
  row('bundleGzip', 'bundle gzip (script + wasm)', gzip ? round2(gzip / 1048576) : null, 1.5, 'lower', 'MiB');
  // The ceiling: even a pipeline doing nothing but the floor would be at most this fast against Chromium.
  const ceilings = side
    ? ['figure', 'table'].map((which) => ({
        id: which,
        target: which === 'figure' ? 6 : 4,
        chromiumMs: side[which].chromium.p50,
        floorMs: side[which].floor.p50,
        floorCpuMs: side[which].floor.cpu.p50,
        oursMs: side[which].ours.p50,
        ceiling: side[which].ceiling,
        ceilingFromFloorCpu: side[which].ceilingFromFloorCpu,
        chromiumProcessCpuMs: side[which].chromium.processCpuMsPerSample,
        floorProcessCpuMs: side[which].floor.processCpuMsPerSample,
        ceilingCpu: side[which].ceilingCpu,
      }))
    : null;
  return { loadAverage: r.cpu?.loadAverage ?? r.machine.loadAverageAtStart, ratioLoadAverage: side?.loadAverage ?? null, ceilings, rows };
}

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
    rows.push([c.label, ms(c.coldMs), ms(c.warm?.p50), ms(c.warm?.p95), bytes(c.bytes), c.error ? c.error.slice(0, 90) : c.coldError ? `cold: ${c.coldError.slice(0, 80)}` : c.unexpectedCacheHits ? `${c.unexpectedCacheHits} cache hits!` : '']);
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
  if (r.targets) {
    out.push('');
    out.push(`Issue 16 targets (one run; load average ${r.targets.loadAverage.join(' ')} when the CPU cases ran, ${r.machine.loadAverageAtEnd?.join(' ')} at the end):`);
    const rows = [['target', 'now', 'target', 'met', 'note']];
    for (const t of r.targets.rows) {
      rows.push([t.label, t.now === null ? '—' : `${t.now} ${t.unit}`, `${t.id.endsWith('Chromium') || t.id === 'cliReportsPerMinute' ? '≥' : '≤'} ${t.target} ${t.unit}`, t.met === null ? '?' : t.met ? 'yes' : 'NO', t.note ?? '']);
    }
    out.push(table(rows));
    for (const c of r.targets.ceilings ?? []) {
      out.push(
        `Ceiling, ${c.id} (same interleaved rounds): the floor alone (resvg parse + raster + our PNG encode of the final SVG, Node) took ` +
          `${c.floorMs} ms wall / ${c.floorCpuMs} ms CPU against Chromium's ${c.chromiumMs} ms, so even a pipeline doing nothing but the floor ` +
          `would be at most ${c.ceiling}× Chromium (${c.ceilingFromFloorCpu}× counting the floor's CPU) — target ${c.target}×; ours: ${c.oursMs} ms. ` +
          `In process CPU per image (all Chromium processes vs the floor's): ${c.chromiumProcessCpuMs} vs ${c.floorProcessCpuMs} ms, ceiling ${c.ceilingCpu}×.`,
      );
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
