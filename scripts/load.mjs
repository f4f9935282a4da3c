#!/usr/bin/env node
/**
 * npm run load [-- --duration=10] [-- --connections=10] [-- --port=8799] [-- --json]
 *
 * Load test on loopback, never in CI: starts the Worker with `node scripts/start.mjs` (wrangler dev,
 * offline, the example published) on 127.0.0.1:$port as a child process group, waits for it, runs
 * autocannon in three timed phases, and stops the server again:
 *
 *   cached   GETs of the published example (document, a table, a figure PNG, a CSV) — KV hits;
 *   html     stateless POST /v1/render/tables/05.html, a new payload variant per request — misses;
 *   png      stateless POST /v1/render/figures/1.png, a new payload variant per request — misses;
 *   hostile  the cached GETs again on half the connections while the other half sends what an attacker
 *            sent (issue 14): table images of 400 rows at fixed heights, 300,000-item and 120,000-invalid-
 *            item lists, bodies over 1 MiB, stateless renders of the published payload (cache poisoning),
 *            wrong tokens, other methods. Then 20 concurrent publishes to one alias.
 *
 * The hostile phase passes when the normal requests answer 2xx/3xx, the hostile ones only their
 * expected 4xx (or 200 for the stateless renders) — never 5xx, a socket error or a timeout — the
 * published document is byte-identical before and after, and all 20 versions are kept. The normal
 * requests' p99 is printed beside the cached phase's p99.
 *
 * Reports requests per second, p50/p99 latency and errors (anything but 2xx/3xx, socket errors and
 * timeouts). Exits 1 if any phase had an error. Load generator and server share this machine's CPUs.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { addManyRows } from './many-rows.mjs';
import { root } from './offline-env.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const duration = option('duration', 10);
const connections = option('connections', 10);
const port = option('port', Number(process.env.LOAD_PORT || 8799));
const json = argv.includes('--json');
const host = '127.0.0.1';
const base = `http://${host}:${port}`;
const log = (...parts) => process.stderr.write(parts.join(' ') + '\n');

const example = JSON.parse(readFileSync(join(root, 'examples/wuhan-jianghan-cyzx-2024.json'), 'utf8'));
const ALIAS = `${example.meta.slug}-${example.meta.fiscalYear}`;

function portIsFree(p) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(p, host);
  });
}

/** Starts `node scripts/start.mjs` in its own process group, so the whole tree can be stopped. */
function startServer() {
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (d) => {
    output.push(String(d));
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, output };
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve();
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      // start.mjs forwards SIGTERM to wrangler; make sure nothing of the group is left.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

async function waitFor(check, what, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready within ${timeoutMs / 1000} s`);
}

const CACHED = ['document.html', 'tables/05.html', 'figures/1.png', 'tables/01.csv'].map((o) => `/v1/reports/${ALIAS}/${o}`);

/** Requests each cached output until KV answers (X-Cache: HIT), so the phase measures hits only. */
async function warmCache() {
  for (const path of CACHED) {
    await waitFor(async () => {
      const res = await fetch(base + path);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return res.headers.get('x-cache') === 'HIT';
    }, `KV copy of ${path}`, 20_000);
  }
}

/** A body template whose contact phone is replaced per request: every request a new content id. */
const MARK = '__LOAD_VARIANT__';
const template = JSON.stringify({ ...example, meta: { ...example.meta, contactPhone: `027-85481838 ${MARK}` } });
const runTag = Date.now().toString(36);
let counter = 0;
const variant = () => template.replace(MARK, `${runTag}-${++counter}`);

function phase(name, requests) {
  return phaseWith(name, requests, connections);
}

function phaseWith(name, requests, connections) {
  const seen = { HIT: 0, MISS: 0, other: 0 };
  const withCount = requests.map((r) => ({
    ...r,
    onResponse(_status, _body, _context, headers) {
      const cache = headers?.['x-cache'];
      if (cache === 'HIT' || cache === 'MISS') seen[cache]++;
      else seen.other++;
    },
  }));
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration, requests: withCount }, (error, result) => {
      if (error) return reject(error);
      const status = result.statusCodeStats ?? {};
      const bad = Object.entries(status)
        .filter(([code]) => !/^[23]\d\d$/.test(code))
        .reduce((n, [, s]) => n + s.count, 0);
      resolve({
        phase: name,
        durationS: duration,
        connections,
        requests: result.requests.total,
        rps: Math.round(result.requests.average * 10) / 10,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        latencyMax: result.latency.max,
        statusCodes: Object.fromEntries(Object.entries(status).map(([code, s]) => [code, s.count])),
        xCache: seen,
        errors: bad + result.errors + result.timeouts,
        socketErrors: result.errors,
        timeouts: result.timeouts,
      });
    });
  });
}

/** A valid payload with n extra 项 rows (same shape as tests/fuzz/many-rows.ts), for image work bounds. */
function manyRows(n) {
  const d = JSON.parse(readFileSync(join(root, 'examples/wuhan-jianghan-cyzx-2024-minimal.json'), 'utf8'));
  d.meta.slug = 'load-many-rows';
  return JSON.stringify(addManyRows(d, n));
}

/** What an attacker sent, each with the answers it may get. */
function hostileRequests() {
  const json = { 'content-type': 'application/json' };
  const rows = manyRows(400);
  const longList = JSON.stringify({ ...example, meta: { ...example.meta, subordinateUnits: Array(300_000).fill(0) } });
  const invalid = JSON.stringify({ ...example, meta: { ...example.meta, subordinateUnits: Array(120_000).fill(0) } });
  const oversized = JSON.stringify({ ...example, $schema: 'x'.repeat(1024 * 1024) });
  const published = JSON.stringify(example);
  return [
    { method: 'POST', path: '/v1/render/tables/05.svg?height=500', headers: json, body: rows, expect: [422] },
    { method: 'POST', path: '/v1/render/tables/03.png?width=200&height=200', headers: json, body: rows, expect: [422] },
    { method: 'POST', path: '/v1/validate', headers: json, body: longList, expect: [422] },
    { method: 'POST', path: '/v1/render/document.html', headers: json, body: invalid, expect: [422] },
    { method: 'POST', path: '/v1/validate', headers: json, body: oversized, expect: [413] },
    { method: 'POST', path: '/v1/render/document.html', headers: json, body: published, expect: [200] },
    { method: 'POST', path: '/v1/render/narrative.html', headers: json, body: published, expect: [200] },
    { method: 'POST', path: '/v1/reports', headers: { ...json, authorization: 'Bearer not-a-real-token-000000' }, body: published, expect: [401] },
    { method: 'PUT', path: `/v1/reports/${ALIAS}`, headers: json, body: published, expect: [405] },
    { method: 'GET', path: `/v1/reports?${'a=1&'.repeat(200)}`, expect: [400] },
  ];
}

/** Runs normal and hostile traffic at once; hostile answers are checked against what each may get. */
async function hostilePhase(token) {
  const hostile = hostileRequests();
  const before = await (await fetch(`${base}/v1/reports/${ALIAS}/document.html`)).arrayBuffer();
  const unexpected = {};
  const half = Math.max(1, Math.floor(connections / 2));
  const normal = phaseWith(`hostile: normal cached GETs (${half} connections)`, CACHED.map((path) => ({ method: 'GET', path })), half);
  const attack = new Promise((resolve, reject) => {
    const requests = hostile.map((r) => ({
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
      onResponse(status) {
        if (!r.expect.includes(status)) unexpected[`${r.method} ${r.path.slice(0, 60)} → ${status}`] = (unexpected[`${r.method} ${r.path.slice(0, 60)} → ${status}`] ?? 0) + 1;
      },
    }));
    autocannon({ url: base, connections: half, duration, requests }, (error, result) => {
      if (error) return reject(error);
      resolve({
        phase: `hostile: attack requests (${half} connections)`,
        durationS: duration,
        connections: half,
        requests: result.requests.total,
        rps: Math.round(result.requests.average * 10) / 10,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        latencyMax: result.latency.max,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
        xCache: { HIT: 0, MISS: 0, other: result.requests.total },
        errors: Object.values(unexpected).reduce((a, b) => a + b, 0) + result.errors + result.timeouts,
        unexpected,
        socketErrors: result.errors,
        timeouts: result.timeouts,
      });
    });
  });
  const [normalResult, attackResult] = await Promise.all([normal, attack]);
  const after = await (await fetch(`${base}/v1/reports/${ALIAS}/document.html`)).arrayBuffer();
  const unchanged = Buffer.compare(Buffer.from(before), Buffer.from(after)) === 0;

  // Nothing lost: 20 concurrent publishes of distinct versions to one alias keep 20 versions.
  const slug = `load-race-${runTag}`;
  const statuses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      fetch(`${base}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...example, meta: { ...example.meta, slug, contactPhone: `027-${30000000 + i}` } }),
      }).then((r) => r.status),
    ),
  );
  const list = await (await fetch(`${base}/v1/reports`)).json();
  const versions = list.reports.find((r) => r.alias === `${slug}-2024`)?.versions ?? 0;
  return { normal: normalResult, attack: attackResult, publishedDocumentUnchanged: unchanged, concurrentPublishes: { sent: 20, created: statuses.filter((s) => s === 201).length, versionsKept: versions } };
}

async function main() {
  if (!existsSync(join(root, 'node_modules/.bin/wrangler'))) throw new Error('run npm ci first');
  if (!(await portIsFree(port))) throw new Error(`127.0.0.1:${port} is in use: stop that server or pass --port=N`);
  log(`load: starting node scripts/start.mjs on ${base}`);
  const { child, output } = startServer();
  const stop = () => stopServer(child);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stop().then(() => process.exit(130)));
  const results = { startedAt: new Date().toISOString(), base, duration, connections, phases: [] };
  try {
    const t0 = Date.now();
    await waitFor(async () => (await fetch(`${base}/v1/reports/${ALIAS}`)).ok, `the server with ${ALIAS} published`, 120_000);
    results.startupS = Math.round((Date.now() - t0) / 100) / 10;
    log(`load: server ready in ${results.startupS} s; warming the KV cache`);
    await warmCache();

    log(`load: cached GETs for ${duration} s, ${connections} connections`);
    results.phases.push(await phase('cached GET (document, table 05, figure 1 PNG, table 01 CSV)', CACHED.map((path) => ({ method: 'GET', path }))));

    const post = (path) => ({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      setupRequest(req) {
        return { ...req, body: variant() };
      },
    });
    log(`load: uncached POST tables/05.html for ${duration} s`);
    results.phases.push(await phase('uncached POST /v1/render/tables/05.html', [post('/v1/render/tables/05.html')]));
    log(`load: uncached POST figures/1.png for ${duration} s`);
    results.phases.push(await phase('uncached POST /v1/render/figures/1.png', [post('/v1/render/figures/1.png')]));
    log(`load: hostile requests mixed with cached GETs for ${duration} s`);
    const token = readFileSync(join(root, '.wrangler/dev.vars'), 'utf8').match(/^API_TOKENS=([^,\s]+)/m)?.[1];
    const hostile = await hostilePhase(process.env.API_TOKENS?.split(',')[0]?.trim() || token);
    results.phases.push(hostile.normal, hostile.attack);
    results.hostile = { publishedDocumentUnchanged: hostile.publishedDocumentUnchanged, concurrentPublishes: hostile.concurrentPublishes };
    const restarted = output.join('').match(/restart|Segmentation|out of memory|exceeded/gi);
    results.hostile.serverRestartsOrCrashes = restarted ? restarted.length : 0;
  } catch (error) {
    log(`load failed: ${error.message}\n--- server output (last lines) ---\n${output.join('').split('\n').slice(-30).join('\n')}`);
    process.exitCode = 1;
  } finally {
    await stop();
  }

  const h = results.hostile;
  const failed =
    results.phases.some((p) => p.errors > 0) ||
    (h && (!h.publishedDocumentUnchanged || h.concurrentPublishes.versionsKept !== h.concurrentPublishes.sent || h.serverRestartsOrCrashes > 0));
  if (json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else if (results.phases.length) {
    const rows = [['phase', 'req/s', 'p50', 'p99', 'max', 'requests', 'errors', 'X-Cache']];
    for (const p of results.phases) {
      rows.push([p.phase, p.rps, `${p.latencyP50} ms`, `${p.latencyP99} ms`, `${p.latencyMax} ms`, p.requests, p.errors, `HIT ${p.xCache.HIT} / MISS ${p.xCache.MISS}`]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...String(r[i])].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0))));
    const pad = (s, w, left) => {
      const len = [...String(s)].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
      return left ? String(s) + ' '.repeat(w - len) : ' '.repeat(w - len) + String(s);
    };
    process.stdout.write(
      `juesuan load — ${results.startedAt} — ${base}, ${connections} connections, ${duration} s per phase (server started in ${results.startupS} s)\n` +
        rows.map((r) => r.map((c, i) => pad(c, widths[i], i === 0)).join('  ')).join('\n') +
        (h
          ? `\nhostile phase: published document unchanged: ${h.publishedDocumentUnchanged}; 20 concurrent publishes → ${h.concurrentPublishes.created} created, ${h.concurrentPublishes.versionsKept} versions kept; server restarts/crashes in its log: ${h.serverRestartsOrCrashes}` +
            `\nattack answers: ${JSON.stringify(results.phases.at(-1).statusCodes)}${Object.keys(results.phases.at(-1).unexpected ?? {}).length ? ` UNEXPECTED ${JSON.stringify(results.phases.at(-1).unexpected)}` : ''}`
          : '') +
        `\n${failed ? 'ERRORS: see statusCodes in --json output' : 'No errors (normal answers 2xx/3xx, attack answers only the expected ones).'}\n`,
    );
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  log(String(error?.stack ?? error));
  process.exit(1);
});
