/**
 * Golden PNGs of the figures and table images. Compared with a tolerance (anti-aliasing may move
 * a few levels between resvg builds); a failing comparison writes the new image next to the
 * report in .scratch/golden-actual/ for a look. Update deliberately: UPDATE_GOLDEN=1 npx vitest
 * run --project unit tests/golden/figures — then look at every changed PNG before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/model/derive';
import { DEFAULT_PARAMS, type RenderParams } from '../../../src/render/output';
import { renderFigure, renderTableImage } from '../../../src/render/figures';
import { createNodeRuntime } from '../../../src/runtime/figure-runtime.node';
import { compareImages, decodePng } from './png';
import { CROSS_RUNTIME_RENDERS, sha256 } from './cross-runtime';
import { CROSS_RUNTIME_SHA256 } from './hashes';
import { example, exampleWithDepartment, modelOf, testPayload, zeroPayload } from './payloads';

const runtime = createNodeRuntime();
const DIR = fileURLToPath(new URL('./', import.meta.url));
const ACTUAL = fileURLToPath(new URL('../../../.scratch/golden-actual/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Per channel, out of 255. */
const PIXEL_TOLERANCE = 24;
/** Share of pixels allowed beyond the per-pixel tolerance. */
const MAX_DIFFERING = 0.003;

const reference = modelOf(example);

/** The example with 2010350 renamed, so rare characters are drawn at label size in 图7. */
function rareSubjectName(name: string): Model {
  const rows = example.tables.gpbExpense.rows.map((row) => (row.code === '2010350' ? { ...row, name } : row));
  return modelOf({ ...example, tables: { ...example.tables, gpbExpense: { ...example.tables.gpbExpense, rows } } });
}
const synthetic = modelOf(testPayload);

type Case = { name: string; model: Model; kind: 'figure' | 'table'; id: string; params?: Partial<RenderParams> };

const cases: Case[] = [
  ...['1', '2', '3', '4', '5', '6', '7'].map((id): Case => ({ name: `example-fig${id}`, model: reference, kind: 'figure', id })),
  ...['1', '2', '3', '4', '5', '6', '7'].map((id): Case => ({ name: `synthetic-fig${id}`, model: synthetic, kind: 'figure', id })),
  { name: 'rare-chars-fig1', model: exampleWithDepartment('武汉市𬌗禤昇堃喆𠀀城市运行管理中心'), kind: 'figure', id: '1' },
  { name: 'rare-chars-fig7', model: rareSubjectName('𬌗禤昇堃喆𠀀事业运行'), kind: 'figure', id: '7' },
  { name: 'dark-example-fig5', model: reference, kind: 'figure', id: '5', params: { theme: 'dark' } },
  { name: 'dark-synthetic-fig6', model: synthetic, kind: 'figure', id: '6', params: { theme: 'dark' } },
  { name: 'empty-fig2', model: modelOf(zeroPayload), kind: 'figure', id: '2' },
  { name: 'example-table01', model: reference, kind: 'table', id: '01' },
  { name: 'example-table06', model: reference, kind: 'table', id: '06' },
];

describe('golden figures', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const params = { ...DEFAULT_PARAMS, ...c.params };
      const out =
        c.kind === 'figure'
          ? await renderFigure(c.model, c.id, 'png', params, runtime)
          : await renderTableImage(c.model, c.id, 'png', params, runtime);
      const png = out.body as Uint8Array;
      const file = `${DIR}${c.name}.png`;
      if (UPDATE || !existsSync(file)) {
        writeFileSync(file, png);
        if (!UPDATE) throw new Error(`no golden ${c.name}.png: wrote one — look at it, then rerun`);
        return;
      }
      const diff = compareImages(decodePng(readFileSync(file)), decodePng(png), PIXEL_TOLERANCE);
      if (!diff.sameSize || diff.fraction > MAX_DIFFERING) {
        mkdirSync(ACTUAL, { recursive: true });
        writeFileSync(`${ACTUAL}${c.name}.png`, png);
      }
      expect(diff.sameSize, `${c.name}: size changed`).toBe(true);
      expect(diff.fraction, `${c.name}: ${diff.differing} pixels differ (see .scratch/golden-actual/)`).toBeLessThanOrEqual(MAX_DIFFERING);
    });
  }
});

describe('bytes shared with the workerd suite', () => {
  it('hashes of the cross-runtime renders match hashes.ts', async () => {
    const actual: Record<string, string> = {};
    for (const [name, render] of Object.entries(CROSS_RUNTIME_RENDERS)) actual[name] = await sha256((await render(reference, runtime)).body);
    if (UPDATE) {
      const file = `${DIR}hashes.ts`;
      const text = readFileSync(file, 'utf8');
      const body = Object.entries(actual).map(([k, v]) => `  '${k}': '${v}',`).join('\n');
      writeFileSync(file, text.replace(/= \{[\s\S]*\};/, `= {\n${body}\n};`));
      return;
    }
    expect(actual).toEqual(CROSS_RUNTIME_SHA256);
  });
});
