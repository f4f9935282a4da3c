/**
 * CPU time of the image pipeline's parts in Node (run with `node --import tsx`), one JSON object
 * on stdout: `node --import tsx scripts/bench/targets-child.ts <example.json> <outDir> <runs>`.
 *
 * CPU, not wall time (process.cpuUsage: this thread and the runtime's own), so a busy machine
 * stretches the numbers less; medians over interleaved rounds so drift hits every case alike.
 *   figurePng      — figure 1 as PNG 800×500 from a fresh model (nothing cached but fonts and wasm)
 *   floor          — resvg parse + raster of figure 1's final SVG plus the lean PNG encode: the
 *                    least any pipeline from that drawing to those PNG bytes can cost here
 *   tablePng       — table 01 as PNG from a fresh model
 *   statelessDocument — what POST /v1/render/document.html does: schema + audit + model, then the
 *                    document with every figure inlined as SVG (wide and narrow)
 *   storedDocumentMiss — what a KV MISS of GET /v1/reports/{id}/document.html renders: the model is
 *                    memoised per content id, figures are linked, not inlined (the same model each
 *                    round, as for a second MISS of one report: its built tables are kept)
 *   storedDocumentFirst — the same for a model rendered for the first time (a report's first MISS)
 * Also writes figure 1's SVG and table 01's HTML page to <outDir> for the browser peer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-wasm';
import { checkReport } from '../../src/audit/check-report';
import type { Model } from '../../src/model/derive';
import { DEFAULT_PARAMS, renderOutput } from '../../src/render/output';
import { linksUnder } from '../../src/render/links';
import { renderFigure, renderTableImage, warmUp } from '../../src/render/figures';
import { encodeOpaquePng } from '../../src/render/figures/png';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node.ts';

const [examplePath, outDir, runsArg] = process.argv.slice(2);
const runs = Math.max(3, Number(runsArg) || 15);
const payload = JSON.parse(readFileSync(examplePath, 'utf8'));
const runtime = createNodeRuntime();

function freshModel(): Model {
  const result = checkReport(structuredClone(payload));
  if (!result.ok) throw new Error('the example no longer passes its checks');
  return result.model;
}

const cpuMs = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return Math.round((s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2) * 100) / 100;
};

await warmUp(runtime);
const params = { ...DEFAULT_PARAMS };
const stored = freshModel();
const storedCtx = { params, links: linksUnder('') };
const svg = (await renderFigure(stored, '1', 'svg', params, runtime)).body as string;
writeFileSync(join(outDir, 'figure-1.svg'), svg);
writeFileSync(join(outDir, 'table-01.html'), String((await renderOutput(stored, { kind: 'table', id: '01', format: 'html' }, { params }, runtime)).body));
const deflate = runtime.deflate!;
const floor = async () => {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: 800 }, background: '#ffffff' });
  const image = resvg.render();
  await encodeOpaquePng(image.pixels, image.width, image.height, deflate);
  image.free();
  resvg.free();
};

const cases: Record<string, (model: Model) => Promise<unknown>> = {
  figurePng: (model) => renderFigure(model, '1', 'png', params, runtime),
  floor: () => floor(),
  tablePng: (model) => renderTableImage(model, '01', 'png', params, runtime),
  statelessDocument: async () => renderOutput(freshModel(), { kind: 'document', format: 'html' }, { params }, runtime),
  storedDocumentMiss: () => renderOutput(stored, { kind: 'document', format: 'html' }, storedCtx, runtime),
  storedDocumentFirst: (model) => renderOutput(model, { kind: 'document', format: 'html' }, storedCtx, runtime),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let round = -2; round < runs; round++) {
  for (const [name, run] of Object.entries(cases)) {
    const model = freshModel(); // outside the timing: a fresh model has no cached drawings
    const ms = await cpuMs(() => run(model));
    if (round >= 0) samples[name].push(ms);
  }
}
const result = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, { cpuMsP50: median(xs), runs: xs.length }]));
process.stdout.write(JSON.stringify({ cpu: result, figureSvgBytes: svg.length }) + '\n');
