/**
 * The floor, on request, for the interleaved ratio phase (scripts/bench/ratio.mjs):
 * `node --import tsx scripts/bench/floor-child.ts <example.json>`.
 *
 * Renders figure 1 and table 01 of the example once (default parameters, as the Worker answers
 * POST /v1/render/figures/1.png and /v1/render/tables/01.png), keeps their final SVGs, prints one
 * JSON line `{ ready, figureSvg, tableSvg }`, then answers each stdin line `figure N` / `table N`
 * with one JSON line `{ wallMs: [...], cpuMs: [...] }`: N times resvg parse + raster of that SVG
 * plus our lean PNG encode — nothing of the request, the audit or the layout. `quit` ends it.
 */
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-wasm';
import { checkReport } from '../../src/audit/check-report';
import { DEFAULT_PARAMS } from '../../src/render/output';
import { renderFigure, renderTableImage, warmUp } from '../../src/render/figures';
import { encodeOpaquePng } from '../../src/render/figures/png';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node.ts';

const [examplePath] = process.argv.slice(2);
const runtime = createNodeRuntime();
await warmUp(runtime);
const checked = checkReport(JSON.parse(readFileSync(examplePath, 'utf8')));
if (!checked.ok) throw new Error('the example no longer passes its checks');
const params = { ...DEFAULT_PARAMS };
const figure = await renderFigure(checked.model, '1', 'svg', params, runtime);
const table = await renderTableImage(checked.model, '01', 'svg', params, runtime);
const svgs = {
  figure: { svg: figure.body as string, width: Math.round(figure.info.width * params.scale) },
  table: { svg: table.body as string, width: Math.round(table.info.width * params.scale) },
};
const deflate = runtime.deflate!;

async function floorOnce(which: keyof typeof svgs): Promise<void> {
  const { svg, width } = svgs[which];
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: '#ffffff' });
  const image = resvg.render();
  await encodeOpaquePng(image.pixels, image.width, image.height, deflate);
  image.free();
  resvg.free();
}

for (const which of ['figure', 'table'] as const) await floorOnce(which); // first raster of each: untimed

const out = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');
out({ ready: true, figureSvg: svgs.figure.svg, tableSvg: svgs.table.svg });
for await (const line of createInterface({ input: process.stdin })) {
  const [which, count] = line.trim().split(/\s+/);
  if (which === 'quit') break;
  if (which !== 'figure' && which !== 'table') {
    out({ error: `unknown request: ${line}` });
    continue;
  }
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < Math.max(1, Number(count) || 1); i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await floorOnce(which);
    wallMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  out({ wallMs, cpuMs });
}
// No process.exit: a piped stdout is written asynchronously and would be cut off.
