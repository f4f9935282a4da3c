// Timings of the built Worker inside workerd (through Miniflare, no wrangler dev, no network).
//
// Cold: every cold case gets its own isolate — a separate worker of the same bundle in one workerd
// process — and sends exactly one request, so the timing includes wasm instantiation, font fetches
// from the ASSETS binding and font parsing, as the first request to a new isolate on Cloudflare does.
// Script start-up (parsing the bundle) happens when workerd loads the worker and is reported apart.
// Warm: a separate isolate that has served each case once, then N requests per case, each with a
// payload variant of its own so the KV render cache cannot answer (every one is a MISS).
// KV: publish variants, then GET one output twice by content id: the first GET renders (MISS),
// the second is answered from KV (HIT).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { root } from '../offline-env.mjs';
import { summarize } from './stats.mjs';
import { variantBody } from './payloads.mjs';

const ORIGIN = 'https://bench.local';
const TOKEN = 'bench-token-0123456789abcdef';

/**
 * The bundle as an explicit module list, read once. Given only a script path, Miniflare parses the
 * whole bundle to find its imports — about a second per worker for a 1 MB script — so listing the
 * modules makes starting many isolates cheap; and later rebuilds of dist/ cannot change a run.
 */
let bundleModules;
function modules() {
  bundleModules ??= [
    { type: 'ESModule', path: join(root, 'dist/index.js'), contents: readFileSync(join(root, 'dist/index.js'), 'utf8') },
    ...readdirSync(join(root, 'dist'))
      .filter((f) => f.endsWith('.wasm'))
      .map((f) => ({ type: 'CompiledWasm', path: join(root, 'dist', f), contents: readFileSync(join(root, 'dist', f)) })),
  ];
  return bundleModules;
}

function workerOptions(name) {
  return {
    name,
    modules: modules(),
    modulesRoot: root,
    compatibilityDate: '2026-04-26',
    kvNamespaces: ['REPORTS'],
    durableObjects: { ALIASES: 'AliasLedger' },
    bindings: { API_TOKENS: TOKEN, FRAME_ANCESTORS: '*' },
    assets: {
      directory: join(root, 'public'),
      binding: 'ASSETS',
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
    },
  };
}

/** Starts workerd with the given workers; worker logs are kept (not printed) for error reports. */
export async function start(names) {
  const logs = [];
  const keep = (stream) => stream.on('data', (chunk) => {
    logs.push(String(chunk));
    if (logs.length > 200) logs.shift();
  });
  const started = performance.now();
  const mf = new Miniflare({
    log: new Log(LogLevel.NONE),
    handleRuntimeStdio(stdout, stderr) {
      keep(stdout);
      keep(stderr);
    },
    workers: names.map(workerOptions),
  });
  await mf.ready;
  return { mf, logs, startMs: performance.now() - started };
}

const REQUEST_TIMEOUT_MS = 60_000;

export async function timedFetch(worker, path, init = {}) {
  const started = performance.now();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s: ${path}`)), REQUEST_TIMEOUT_MS);
  });
  try {
    const res = await Promise.race([worker.fetch(ORIGIN + path, init), timeout]);
    const body = new Uint8Array(await Promise.race([res.arrayBuffer(), timeout]));
    return { ms: performance.now() - started, status: res.status, headers: res.headers, body };
  } finally {
    clearTimeout(timer);
  }
}

export const postJson = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

export function failure(r, logs) {
  let detail = '';
  try {
    const problem = JSON.parse(new TextDecoder().decode(r.body));
    detail = problem.detail ?? problem.title ?? '';
  } catch {}
  const lastLog = logs.filter((l) => /error|pending|throw/i.test(l)).slice(-1)[0] ?? '';
  return `HTTP ${r.status}${detail ? ` ${detail}` : ''}${lastLog ? ` | worker log: ${lastLog.trim().slice(0, 300)}` : ''}`;
}

/** The requests timed in every isolate: id, path, what a successful answer looks like. */
export function renderCases(figureIds) {
  const cases = [{ id: 'validate', label: 'validate + audit', path: '/v1/validate' }];
  for (let n = 1; n <= 9; n++) {
    const no = String(n).padStart(2, '0');
    cases.push({ id: `table-${no}.html`, label: `table ${no} HTML`, path: `/v1/render/tables/${no}.html` });
  }
  cases.push({ id: 'table-01.png', label: 'table 01 PNG', path: '/v1/render/tables/01.png' });
  cases.push({ id: 'document.html', label: 'whole document HTML', path: '/v1/render/document.html' });
  for (const f of figureIds) {
    cases.push({ id: `figure-${f}.svg`, label: `figure ${f} SVG`, path: `/v1/render/figures/${f}.svg` });
    cases.push({ id: `figure-${f}.png`, label: `figure ${f} PNG`, path: `/v1/render/figures/${f}.png` });
  }
  return cases;
}

/**
 * Publishes the example once in a fresh workerd to learn the figure ids, and times the workerd
 * start-up of one worker (process start + script load) on the way.
 */
export async function discover(example) {
  const { mf, logs, startMs } = await start(['discover']);
  try {
    const worker = await mf.getWorker('discover');
    const r = await timedFetch(worker, '/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(example),
    });
    if (r.status !== 200 && r.status !== 201) return { startMs, figureIds: [], error: failure(r, logs) };
    const body = JSON.parse(new TextDecoder().decode(r.body));
    return { startMs, figureIds: Object.keys(body.urls?.byId?.figures ?? {}), publishMs: r.ms };
  } finally {
    await mf.dispose();
  }
}

/** Isolates per workerd process in the cold phase: one process with ~26 font-laden isolates stalls. */
const COLD_BATCH = 6;

export async function benchWorker({ example, figureIds, runs, log, cold = true }) {
  const cases = renderCases(figureIds);
  const results = { coldIsolatesPerProcess: COLD_BATCH, cases: {}, kv: {} };
  if (!cold) for (const c of cases) results.cases[c.id] = { label: c.label };

  // Cold: one request per fresh isolate, one after the other (never concurrently). A request that
  // gets no answer (a workerd stall, seen under heavy load) is recorded as `coldError` and its
  // process dropped; the next batch starts after it, and the warm phase still times the case.
  for (let from = 0; cold && from < cases.length; ) {
    const batch = cases.slice(from, from + COLD_BATCH);
    const first = from;
    from += batch.length;
    const { mf, logs } = await start(batch.map((_, i) => `cold-${first + i}`));
    try {
      for (const [i, c] of batch.entries()) {
        const worker = await mf.getWorker(`cold-${first + i}`);
        let r;
        try {
          r = await timedFetch(worker, c.path, postJson(variantBody(example)));
        } catch (error) {
          results.cases[c.id] = { label: c.label, coldError: String(error?.message ?? error).slice(0, 200) };
          log(`  cold ${c.label}: ${results.cases[c.id].coldError}`);
          from = first + i + 1;
          break;
        }
        results.cases[c.id] = { label: c.label, coldMs: Math.round(r.ms * 10) / 10, bytes: r.body.length };
        if (r.status !== 200) results.cases[c.id].error = failure(r, logs);
        log(`  cold ${c.label}: ${r.status} ${r.ms.toFixed(0)} ms`);
      }
    } finally {
      await mf.dispose();
    }
  }

  const { mf, logs } = await start(['warm']);
  try {
    // Warm: one untimed request per case in the warm isolate, then N timed ones, each a cache miss.
    const warm = await mf.getWorker('warm');
    for (const c of cases) {
      const entry = results.cases[c.id];
      if (entry.error) continue;
      const first = await timedFetch(warm, c.path, postJson(variantBody(example)));
      if (first.status !== 200) {
        entry.error = failure(first, logs);
        continue;
      }
      const times = [];
      let hits = 0;
      for (let k = 0; k < runs; k++) {
        const r = await timedFetch(warm, c.path, postJson(variantBody(example)));
        if (r.status !== 200) {
          entry.error = failure(r, logs);
          break;
        }
        if (r.headers.get('x-cache') === 'HIT') hits++;
        times.push(r.ms);
      }
      entry.warm = summarize(times);
      if (hits) entry.unexpectedCacheHits = hits;
      log(`  warm ${c.label}: p50 ${entry.warm.p50} ms  p95 ${entry.warm.p95} ms`);
    }

    // KV: a MISS renders and stores, the HIT right after reads KV. Timed per published variant.
    const outputs = ['document.html', ...(figureIds.length ? [`figures/${figureIds[0]}.png`] : [])];
    const kv = Object.fromEntries(outputs.map((o) => [o, { miss: [], hit: [], notYetStored: 0, notModified: [] }]));
    const publishTimes = [];
    let kvError;
    for (let k = 0; k < runs && !kvError; k++) {
      const pub = await timedFetch(warm, '/v1/reports', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: variantBody(example),
      });
      if (pub.status !== 201 && pub.status !== 200) {
        kvError = failure(pub, logs);
        break;
      }
      publishTimes.push(pub.ms);
      const { id } = JSON.parse(new TextDecoder().decode(pub.body));
      for (const output of outputs) {
        const path = `/v1/reports/${id}/${output}`;
        const miss = await timedFetch(warm, path);
        if (miss.status !== 200) {
          kv[output].error = failure(miss, logs);
          continue;
        }
        if (miss.headers.get('x-cache') === 'MISS') kv[output].miss.push(miss.ms);
        // The KV write runs in waitUntil: retry briefly until the stored copy answers.
        for (let attempt = 0; attempt < 20; attempt++) {
          const hit = await timedFetch(warm, path);
          if (hit.headers.get('x-cache') === 'HIT') {
            kv[output].hit.push(hit.ms);
            const etag = hit.headers.get('etag');
            const nm = await timedFetch(warm, path, { headers: { 'if-none-match': etag } });
            if (nm.status === 304) kv[output].notModified.push(nm.ms);
            break;
          }
          kv[output].notYetStored++;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    }
    results.kv = { publish: summarize(publishTimes), ...(kvError ? { error: kvError } : {}) };
    for (const output of outputs) {
      const { miss, hit, notModified, notYetStored, error } = kv[output];
      results.kv[output] = {
        miss: summarize(miss),
        hit: summarize(hit),
        notModified304: summarize(notModified),
        ...(notYetStored ? { retriesBeforeHit: notYetStored } : {}),
        ...(error ? { error } : {}),
      };
      log(`  KV ${output}: MISS p50 ${results.kv[output].miss.p50} ms, HIT p50 ${results.kv[output].hit.p50} ms`);
    }
  } finally {
    await mf.dispose();
  }
  return results;
}
