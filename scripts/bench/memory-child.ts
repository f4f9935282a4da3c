/**
 * One memory measurement in a fresh Node process (run by scripts/bench/memory.mjs with
 * `node --expose-gc --import tsx`): renders one output with the pure core and the Node figure
 * runtime, twice (cold: wasm and fonts loaded on the way; warm: again), and prints JSON.
 *
 * workerd does not expose heap numbers, so this is the stand-in: the same core code, the same
 * wasm (resvg, HarfBuzz), the same fonts. V8 heap and wasm memory are what count against the
 * 128 MB per isolate on Workers.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { checkReport } from '../../src/audit/check-report';
import { DEFAULT_PARAMS, renderOutput, type OutputSpec, type RenderParams } from '../../src/render/output';
import { addManyRows } from '../many-rows.mjs';

/**
 * Every wasm linear memory the render creates (resvg, HarfBuzz), found by watching
 * instantiation. Linear memory only grows, so its final size is its peak; it counts against an
 * isolate's 128 MB on Workers just like the JS heap does.
 */
const wasmMemories = new Set<WebAssembly.Memory>();
function watchWasm(): void {
  const collect = (instance: WebAssembly.Instance, imports?: unknown) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) wasmMemories.add(value);
    for (const ns of Object.values((imports ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const value of Object.values(ns ?? {})) if (value instanceof WebAssembly.Memory) wasmMemories.add(value);
    }
  };
  const W = WebAssembly as unknown as Record<string, unknown>;
  const instantiate = WebAssembly.instantiate as (...args: unknown[]) => Promise<unknown>;
  W.instantiate = async (...args: unknown[]) => {
    const result = (await instantiate(...args)) as { instance?: WebAssembly.Instance } & WebAssembly.Instance;
    collect(result.instance ?? result, args[1]);
    return result;
  };
  W.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args) {
      const instance = Reflect.construct(target, args) as WebAssembly.Instance;
      collect(instance, args[1]);
      return instance;
    },
  });
}
const wasmBytes = () => [...wasmMemories].reduce((n, m) => n + m.buffer.byteLength, 0);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MiB = 1024 * 1024;

interface Sample {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

function sample(): Sample {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss };
}

/** Runs `work` while sampling memory every millisecond (samples land between synchronous chunks). */
async function measure(work: () => Promise<unknown>) {
  gc();
  const before = sample();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  const peak = { ...before };
  const take = () => {
    const s = sample();
    for (const k of Object.keys(peak) as (keyof Sample)[]) peak[k] = Math.max(peak[k], s[k]);
  };
  const timer = setInterval(take, 1);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let bytes = 0;
  try {
    const out = (await work()) as { body: string | Uint8Array };
    bytes = typeof out.body === 'string' ? Buffer.byteLength(out.body) : out.body.length;
  } finally {
    take(); // after the last synchronous chunk, before anything is collected
    clearInterval(timer);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const maxRssAfter = process.resourceUsage().maxRSS * 1024;
  const wasm = wasmBytes();
  const round = (x: number) => Math.round((x / MiB) * 10) / 10;
  return {
    ms: Math.round(ms),
    /** CPU time of the render (user + system, this process; the 1 ms sampler adds a little). */
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    outputBytes: bytes,
    baselineHeapUsedMiB: round(before.heapUsed),
    peakHeapUsedMiB: round(peak.heapUsed),
    peakHeapTotalMiB: round(peak.heapTotal),
    peakExternalMiB: round(peak.external),
    peakArrayBuffersMiB: round(peak.arrayBuffers),
    heapUsedGrowthMiB: round(peak.heapUsed - before.heapUsed),
    wasmMemoryMiB: round(wasm),
    wasmInstances: wasmMemories.size,
    /** What an isolate would hold at the peak: JS heap + wasm linear memory + other array buffers (fonts). */
    isolateEstimateMiB: round(peak.heapUsed + wasm + peak.arrayBuffers),
    peakRssMiB: round(Math.max(peak.rss, maxRssAfter)),
    rssGrowthMiB: round(Math.max(maxRssAfter - maxRssBefore, peak.rss - before.rss, 0)),
    v8MallocedPeakMiB: round(v8.getHeapStatistics().peak_malloced_memory),
  };
}

/** The renderer's own parameter check, run alone so a refused size is reported, not measured. */
async function checkOnly(spec: OutputSpec, params: RenderParams): Promise<void> {
  if (spec.kind !== 'figure') return;
  const { checkParams } = await import('../../src/render/figures/params');
  checkParams(params);
}

async function main() {
  watchWasm();
  const [caseName, examplePath] = process.argv.slice(2);
  // The table cases measure the largest table image the work bounds allow (src/render/figures/params.ts
  // LIMITS.maxTableRows = 300 rows): 277 extra 项 rows + 3 款 rows + the example's 20 make 300 rows in 05.
  const tableRows = caseName.startsWith('table-limit') ? 277 : caseName === 'table-over-limit' ? 400 : 0;
  const source = tableRows ? manyRowsText(tableRows) : readFileSync(examplePath, 'utf8');
  const result = checkReport(JSON.parse(source));
  if (!result.ok) throw new Error('the example does not parse: ' + JSON.stringify(result.schemaErrors.slice(0, 3)));
  const model = result.model;

  let runtime: unknown;
  let runtimeNote: string | undefined;
  try {
    const mod = await import('../../src/runtime/figure-runtime.node.ts');
    runtime = (mod as { createNodeRuntime: () => unknown }).createNodeRuntime();
  } catch (error) {
    runtimeNote = `no Node figure runtime (${String((error as Error).message).slice(0, 200)})`;
  }

  let spec: OutputSpec;
  let params: RenderParams = { ...DEFAULT_PARAMS };
  const { figureIds } = await import('../../src/render/figures');
  const firstFigure = figureIds(model)[0] ?? '1';
  switch (caseName) {
    case 'document':
      spec = { kind: 'document', format: 'html' };
      break;
    case 'png-800-scale4':
      spec = { kind: 'figure', id: firstFigure, format: 'png' };
      params = { ...params, width: 800, height: 500, scale: 4 };
      break;
    case 'png-cap':
      spec = { kind: 'figure', id: firstFigure, format: 'png' };
      params = { ...params, width: 4000, height: 1625, scale: 1 };
      break;
    case 'png-1000-scale4':
      spec = { kind: 'figure', id: firstFigure, format: 'png' };
      params = { ...params, width: 1000, height: 625, scale: 4 };
      break;
    case 'png-4000-scale4':
      spec = { kind: 'figure', id: firstFigure, format: 'png' };
      params = { ...params, width: 4000, height: 2500, scale: 4 };
      break;
    case 'table-limit-svg':
    case 'table-over-limit':
      spec = { kind: 'table', id: '05', format: 'svg' };
      break;
    case 'table-limit-png':
      spec = { kind: 'table', id: '05', format: 'png' };
      break;
    case 'table-limit-png-fixed':
      spec = { kind: 'table', id: '05', format: 'png' };
      params = { ...params, height: 500, fixedHeight: true };
      break;
    default:
      throw new Error(`unknown case ${caseName}`);
  }
  if (!runtime && caseName !== 'document') throw new Error(runtimeNote);
  // Without a Node runtime the document links its figures instead of inlining them (as GET does).
  const links = runtime
    ? undefined
    : {
        document: () => 'document.html',
        narrative: () => 'narrative.html',
        glossary: () => 'glossary.html',
        table: (id: string, f: string) => `tables/${id}.${f}`,
        figure: (id: string, f: string) => `figures/${id}.${f}`,
      };
  const render = () => renderOutput(model, spec, { params, links }, runtime as never);
  const pixels = spec.kind === 'figure' ? { pixelWidth: params.width * params.scale, pixelHeight: params.height * params.scale } : {};
  try {
    await checkOnly(spec, params);
  } catch (error) {
    // The renderer refuses sizes beyond its pixel budget before allocating anything: report that.
    const status = (error as { status?: number }).status;
    if (!status) throw error;
    process.stdout.write(JSON.stringify({ case: caseName, params, ...pixels, rejected: `${status} ${(error as Error).message}` }));
    return;
  }
  let cold: Awaited<ReturnType<typeof measure>>;
  try {
    cold = await measure(render);
  } catch (error) {
    // Refused by the work bounds before layout (RenderError too-large): report it, with how long refusing took.
    if ((error as { kind?: string }).kind !== 'too-large') throw error;
    const started = performance.now();
    await render().catch(() => undefined);
    process.stdout.write(JSON.stringify({ case: caseName, rejected: `422 ${(error as Error).message}`, refusedInMs: Math.round(performance.now() - started) }));
    return;
  }
  const warm = await measure(render);
  process.stdout.write(JSON.stringify({ case: caseName, params, ...pixels, figure: spec.kind === 'figure' ? firstFigure : undefined, runtimeNote, cold, warm }));
}

/** The example (minimal form) with n extra 项 rows in 02, 03 and 05 — tests/fuzz/many-rows.ts. */
function manyRowsText(n: number): string {
  const d = JSON.parse(readFileSync(new URL('../../examples/wuhan-jianghan-cyzx-2024-minimal.json', import.meta.url), 'utf8'));
  return JSON.stringify(addManyRows(d, n));
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ error: String(error?.stack ?? error).slice(0, 1500) }));
  process.exitCode = 1;
});
