/**
 * Regression: 图7 used to grow 36 px per 项 row and passed the pixel cap at about 220 rows; the cap
 * was checked for SVG too, so the stateless document answered 400 and `juesuan render` failed the
 * whole report. Now the chart draws at most `maxRows` rows (the rest summed into one 其他 row) and
 * the cap applies to rasters only, lowering the density of a grown image instead of failing.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, renderOutput, type RenderParams } from '../../src/render/output';
import { figureData, renderFigure, renderTableImage, type FigureData } from '../../src/render/figures';
import { boundRows } from '../../src/render/figures/data';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { decodePng } from '../golden/figures/png';
import { example, modelOf } from '../golden/figures/payloads';
import template from '../../templates/sets/national-2024/figures.json';

const runtime = createNodeRuntime();
const params = (overrides: Partial<RenderParams> = {}): RenderParams => ({ ...DEFAULT_PARAMS, ...overrides });

/** The example with `count` more 年初预算 lines (codes the tables do not have: budget without spending). */
function manyBudgetLines(count: number) {
  const items: Record<string, { budget: string }> = { ...example.explanation.annualBudget.items };
  // 7-digit codes 2990000… sort after the real ones; varied amounts give the ranking something to do.
  for (let i = 0; i < count; i++) items[String(2990000 + i)] = { budget: ((i % 50) + 1).toFixed(2) };
  return modelOf({ ...example, explanation: { ...example.explanation, annualBudget: { ...example.explanation.annualBudget, items } } });
}

const hbars = (data: FigureData) => {
  if (data.kind !== 'hbars') throw new Error('expected hbars');
  return data;
};

describe('图7 with hundreds of 项 rows', () => {
  const model = manyBudgetLines(260);
  const maxRows = template.figures['7'].maxRows;

  it('draws at most maxRows rows, the tail summed into one 其他 row, and keeps every row in <desc>', () => {
    const data = hbars(figureData(model, '7'));
    expect(data.rows).toHaveLength(maxRows);
    const other = data.rows.at(-1)!;
    expect(other.code).toBe('');
    expect(other.name).toMatch(/^其他\d+个项级科目$/);
    const hidden = Number(other.name.match(/\d+/)![0]);
    expect(hidden).toBeGreaterThan(200);
    expect(data.description).toContain('2990259');
  });

  it('renders SVG and PNG of bounded height, and the stateless document does not fail', async () => {
    const svg = await renderFigure(model, '7', 'svg', params(), runtime);
    expect(svg.info.height).toBeLessThan(1200);
    const png = await renderFigure(model, '7', 'png', params(), runtime);
    const image = decodePng(png.body as Uint8Array);
    expect(image.width).toBe(800);
    expect(image.height).toBe(svg.info.height);
    // At scale 4 (the largest density the cap lets a default-size image have) a grown figure
    // still renders: at a lower density instead of a 400.
    const dense = decodePng((await renderFigure(model, '7', 'png', params({ scale: 4 }), runtime)).body as Uint8Array);
    expect(dense.width * dense.height).toBeLessThanOrEqual(6_500_000);
    expect(dense.width).toBeGreaterThan(2000);
    const doc = await renderOutput(model, { kind: 'document', format: 'html' }, { params: params() }, runtime);
    expect(String(doc.body)).toContain('其他');
  });
});

describe('boundRows', () => {
  const row = (code: string, budget: number | null, actual: number) => ({ code, name: code, values: [budget, actual] as [number | null, number], rate: null });

  it('keeps the largest rows in code order and computes the summed rate only with every budget known', () => {
    const rows = [row('a', 100, 90), row('b', 5, 5), row('c', 300, 10), row('d', 1, 2), row('e', 50, 60)];
    const bounded = boundRows(rows, { maxRows: 3, otherLabel: '其他{count}个' }, 2);
    expect(bounded.map((r) => r.code)).toEqual(['a', 'c', '']);
    expect(bounded[2]).toEqual({ code: '', name: '其他3个', values: [56, 67], rate: '119.64' });
    const partial = boundRows([...rows, row('f', null, 7)], { maxRows: 3, otherLabel: '其他{count}个' }, 2);
    expect(partial[2].values).toEqual([56, 74]);
    expect(partial[2].rate).toBeNull();
    expect(boundRows(rows, { maxRows: 5 }, 2)).toBe(rows);
  });
});

describe('the pixel cap applies to rasters only', () => {
  it('an SVG may be asked for at any scale; a PNG past the cap is an invalid parameter (400)', async () => {
    const model = modelOf(example);
    const big = params({ width: 1000, height: 625, scale: 4 });
    await expect(renderFigure(model, '1', 'svg', big, runtime)).resolves.toBeDefined();
    await expect(renderFigure(model, '1', 'png', big, runtime)).rejects.toMatchObject({ kind: 'invalid-parameter' });
    await expect(renderTableImage(model, '05', 'svg', big, runtime)).resolves.toBeDefined();
  });
});
