// The Chromium ratios of issue 16, measured side by side: one phase, interleaved rounds, so ours,
// the browser and the floor all see the same machine load (a shared 2-core machine swings between
// load 3 and 13 within minutes; phases run minutes apart compared different machines).
//
// Each round, for figure 1 (800×500 PNG) and then table 01 (PNG, 800 wide), runs `perRound`
// samples of each side back to back, the order of the sides reversed every other round:
//   ours     — POST /v1/render/figures/1.png | /v1/render/tables/01.png to a warm workerd isolate,
//              wall clock, each body a new variant so the KV render cache never answers;
//   chromium — one long-lived headless Chromium page (playwright-core): setContent of our own
//              figure 1 SVG | our table 01 HTML page (a changed comment each time) + screenshot;
//   floor    — resvg parse + raster of that same final SVG plus our lean PNG encode, in a Node
//              child (floor-child.ts), wall and CPU: what a pipeline doing nothing else would cost.
// Ratios use the medians of all samples; the median of the per-round ratios is given beside them
// as a check (it only compares samples taken within seconds of each other).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root } from '../offline-env.mjs';
import { EXAMPLE_PATH, variantBody } from './payloads.mjs';
import { CHROMIUM, FLAGS } from './peer.mjs';
import { summarize } from './stats.mjs';
import { failure, postJson, start, timedFetch } from './worker.mjs';

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const round2 = (x) => Math.round(x * 100) / 100;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? null : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * CPU time (ms, user + system) of this process's descendants by kind, from /proc: `workerd` (ours),
 * `chromium` (every browser process: browser, renderer, GPU, utility) and `floor` (the floor child).
 * Wall clock on a loaded machine mostly measures waiting for a core; CPU time does not.
 * Clock-tick resolution (10 ms) per process: meaningful as totals over many samples. Linux only.
 */
let tickMs;
function cpuByKind(floorPid) {
  tickMs ??= 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // f[1] ppid, f[11] utime, f[12] stime (fields 4, 14, 15 of proc(5))
      procs.set(Number(d), { comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {}
  }
  const totals = { workerd: 0, chromium: 0, floor: 0 };
  for (const [pid, p] of procs) {
    // Walk up to the child of this process it descends from; classify by that child.
    let top = pid;
    let parent = p.ppid;
    while (parent && parent !== process.pid && procs.has(parent)) {
      top = parent;
      parent = procs.get(parent).ppid;
    }
    if (parent !== process.pid) continue;
    const kind = top === floorPid ? 'floor' : /workerd/.test(procs.get(top).comm) ? 'workerd' : /chrom/i.test(procs.get(top).comm) ? 'chromium' : null;
    if (kind) totals[kind] += p.ticks * tickMs;
  }
  return totals;
}

/** The floor child: resolves with { request(which, n), close(), figureSvg, tableSvg }. */
function startFloor() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/floor-child.ts'), EXAMPLE_PATH], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    const waiting = [];
    let ready = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line);
      if (!ready) {
        ready = true;
        resolve({
          figureSvg: message.figureSvg,
          tableSvg: message.tableSvg,
          request: (which, n) =>
            new Promise((res, rej) => {
              waiting.push({ res, rej });
              child.stdin.write(`${which} ${n}\n`);
            }),
          pid: child.pid,
          close: () => {
            child.stdin.end('quit\n');
          },
        });
        return;
      }
      const next = waiting.shift();
      if (message.error) next?.rej(new Error(message.error));
      else next?.res(message);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const error = new Error(`floor child exited ${code}: ${stderr.trim().slice(-500)}`);
      if (!ready) reject(error);
      for (const w of waiting.splice(0)) w.rej(error);
    });
  });
}

/**
 * Runs the interleaved phase. `same` = { figureSvg, tableHtml }: our figure 1 SVG and table 01 page
 * as the browser is given them. Returns { figure, table, loadAverage, … } or { skipped } / { error }.
 */
export async function benchRatio({ example, same, rounds, perRound, log }) {
  const results = {
    method: 'interleaved rounds in one phase: each round perRound samples of ours, Chromium and the floor for figure 1, then for table 01, the order of the sides reversed every other round; medians of all samples',
    rounds,
    perRound,
  };
  const work = mkdtempSync(join(tmpdir(), 'juesuan-ratio-'));
  let mf;
  let browser;
  let floor;
  try {
    const loadAtStart = load();
    floor = await startFloor();
    results.floorSvgIsChromiumSvg = floor.figureSvg === same.figureSvg;
    const workerd = await start(['ratio']);
    mf = workerd.mf;
    const logs = workerd.logs;
    const worker = await mf.getWorker('ratio');
    const { chromium } = await import('playwright-core');
    const home = mkdtempSync(join(work, 'home-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => f !== '--headless'), env: { ...process.env, HOME: home } });
    const page = await browser.newPage({ viewport: { width: 800, height: 500 }, deviceScaleFactor: 1 });

    let salt = 0;
    const subjects = {
      figure: {
        path: '/v1/render/figures/1.png',
        html: () => `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}svg{display:block}</style></head><body><!--${++salt}-->${same.figureSvg}</body></html>`,
        shot: { type: 'png' },
      },
      table: {
        path: '/v1/render/tables/01.png',
        html: () => same.tableHtml.replace('</body>', `<!--${++salt}--></body>`),
        shot: { type: 'png', fullPage: true },
      },
    };
    const sides = {
      async ours(s, n, out) {
        for (let i = 0; i < n; i++) {
          const r = await timedFetch(worker, s.path, postJson(variantBody(example)));
          if (r.status !== 200) throw new Error(`ours ${s.path}: ${failure(r, logs)}`);
          if (r.headers.get('x-cache') === 'HIT') throw new Error(`ours ${s.path}: answered from the KV cache`);
          out.wall.push(r.ms);
          out.bytes = r.body.length;
        }
      },
      async chromium(s, n, out) {
        for (let i = 0; i < n; i++) {
          const started = performance.now();
          await page.setContent(s.html());
          const png = await page.screenshot(s.shot);
          out.wall.push(performance.now() - started);
          out.bytes = png.length;
        }
      },
      async floor(_s, n, out, which) {
        const { wallMs, cpuMs } = await floor.request(which, n);
        out.wall.push(...wallMs);
        out.cpu.push(...cpuMs);
      },
    };
    const order = ['ours', 'chromium', 'floor'];
    const kindOf = { ours: 'workerd', chromium: 'chromium', floor: 'floor' };
    const samples = {};
    for (const which of Object.keys(subjects)) {
      samples[which] = Object.fromEntries(order.map((side) => [side, { wall: [], cpu: [], roundMedians: [] }]));
      // Warm-up, untimed: the isolate's first render, the page's first screenshot of this content.
      for (const side of order) await sides[side](subjects[which], 2, { wall: [], cpu: [] }, which);
    }
    const oneMinute = [];
    for (let round = 0; round < rounds; round++) {
      oneMinute.push(load()[0]);
      for (const which of Object.keys(subjects)) {
        for (const side of round % 2 ? [...order].reverse() : order) {
          const all = samples[which][side];
          const out = { wall: [], cpu: [] };
          const before = cpuByKind(floor.pid)[kindOf[side]];
          await sides[side](subjects[which], perRound, out, which);
          all.processCpuMs = (all.processCpuMs ?? 0) + cpuByKind(floor.pid)[kindOf[side]] - before;
          all.wall.push(...out.wall);
          all.cpu.push(...out.cpu);
          all.roundMedians.push(median(out.wall));
          all.bytes = out.bytes;
        }
      }
      log(`  round ${round + 1}/${rounds}: figure ours ${samples.figure.ours.roundMedians.at(-1).toFixed(1)} / Chromium ${samples.figure.chromium.roundMedians.at(-1).toFixed(1)} / floor ${samples.figure.floor.roundMedians.at(-1).toFixed(1)} ms; table ${samples.table.ours.roundMedians.at(-1).toFixed(1)} / ${samples.table.chromium.roundMedians.at(-1).toFixed(1)} / ${samples.table.floor.roundMedians.at(-1).toFixed(1)} ms (load ${oneMinute.at(-1)})`);
    }
    oneMinute.push(load()[0]);
    results.loadAverage = { atStart: loadAtStart, atEnd: load(), oneMinuteMin: Math.min(...oneMinute), oneMinuteMax: Math.max(...oneMinute) };

    for (const which of Object.keys(subjects)) {
      const s = samples[which];
      // processCpuMsPerSample: CPU of the side's whole process tree (workerd; every Chromium process)
      // during its rounds, divided by the samples: a mean, not a median.
      const side = (x, extra = {}) => ({
        ...summarize(x.wall),
        medianOfRoundMedians: round2(median(x.roundMedians)),
        processCpuMsPerSample: x.wall.length ? round2(x.processCpuMs / x.wall.length) : null,
        ...extra,
      });
      const ours = side(s.ours, { bytes: s.ours.bytes });
      const chromiumSide = side(s.chromium, { pngBytes: s.chromium.bytes });
      const floorSide = side(s.floor, { cpu: summarize(s.floor.cpu) });
      const perRoundRatios = s.chromium.roundMedians.map((c, i) => c / s.ours.roundMedians[i]);
      results[which] = {
        ours,
        chromium: chromiumSide,
        floor: floorSide,
        chromiumOverOurs: round2(chromiumSide.p50 / ours.p50),
        chromiumOverOursPerRound: round2(median(perRoundRatios)),
        oursOverFloor: round2(ours.p50 / floorSide.p50),
        // The same ratio in CPU time of the processes (less sensitive to load than wall clock).
        chromiumOverOursCpu: ours.processCpuMsPerSample ? round2(chromiumSide.processCpuMsPerSample / ours.processCpuMsPerSample) : null,
        ceilingCpu: floorSide.processCpuMsPerSample ? round2(chromiumSide.processCpuMsPerSample / floorSide.processCpuMsPerSample) : null,
        // The ceiling: a pipeline doing nothing but the floor would be at most this many times
        // faster than the reused Chromium page (wall against wall; and against the floor's CPU).
        ceiling: round2(chromiumSide.p50 / floorSide.p50),
        ceilingFromFloorCpu: round2(chromiumSide.p50 / floorSide.cpu.p50),
      };
      log(`  ${which}: ours p50 ${ours.p50} ms, Chromium ${chromiumSide.p50} ms (${results[which].chromiumOverOurs}×), floor ${floorSide.p50} ms wall / ${floorSide.cpu.p50} ms CPU → ceiling ${results[which].ceiling}×; process CPU per image: ours ${ours.processCpuMsPerSample}, Chromium ${chromiumSide.processCpuMsPerSample}, floor ${floorSide.processCpuMsPerSample} ms (${results[which].chromiumOverOursCpu}×, ceiling ${results[which].ceilingCpu}×)`);
    }
  } catch (error) {
    results.error = String(error?.message ?? error).slice(0, 500);
  } finally {
    floor?.close();
    await browser?.close().catch(() => {});
    await mf?.dispose().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}
