/**
 * Pages of the Worker link only the table images it serves: refusedOutputs / tableImageRefusal
 * must say exactly what renderTableImage refuses (422 output-too-large), with the same Chinese
 * reason — for rows and cells (counted) and for characters (laid out only when a table could pass).
 */
import { describe, expect, it } from 'vitest';
import { tableImageRefusal } from '../../src/render/figures';
import { RenderError } from '../../src/render/errors';
import { DEFAULT_PARAMS, refusedOutputs, renderOutput } from '../../src/render/output';
import { deriveModel } from '../../src/model/derive';
import { Payload } from '../../src/schema/payload';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { manyRows } from '../fuzz/many-rows';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const runtime = createNodeRuntime();
const modelOf = (payload: unknown) => deriveModel(Payload.parse(payload));

/** What renderOutput answers for a table image at the default parameters: null (drawn) or the refusal. */
async function rendered(model: ReturnType<typeof modelOf>, id: string): Promise<string | null> {
  try {
    await renderOutput(model, { kind: 'table', id, format: 'svg' }, { params: DEFAULT_PARAMS }, runtime);
    return null;
  } catch (error) {
    if (error instanceof RenderError && error.kind === 'too-large') return error.detail;
    throw error;
  }
}

describe('which table images are refused', () => {
  it('none of the reference', async () => {
    expect(await refusedOutputs(modelOf(example), runtime)).toEqual([]);
  });

  it('400 more rows: 02, 03 and 05, PNG and SVG, with the renderer’s reason', async () => {
    const model = modelOf(manyRows(400));
    const refused = await refusedOutputs(model, runtime);
    expect(refused.map((r) => r.path)).toEqual(['tables/02.png', 'tables/02.svg', 'tables/03.png', 'tables/03.svg', 'tables/05.png', 'tables/05.svg']);
    expect(refused[4].reason).toBe(await rendered(model, '05'));
    expect(refused[4].reason).toContain('超出表格图片的上限（300 行');
  });

  it('within the row and cell bounds but over 30,000 characters: refused after layout, as the renderer does', async () => {
    // 200 rows of 05 whose names are 160 characters long: under 300 rows and 2,400 cells, over 30,000 characters.
    const payload = manyRows(200) as { tables: { gpbExpense: { rows: { name: string; code: string }[] } } };
    for (const row of payload.tables.gpbExpense.rows) if (row.code.length === 7) row.name = `${row.name}${'长'.repeat(160)}`;
    const model = modelOf(payload);
    const reason = await tableImageRefusal(model, '05', runtime);
    expect(reason).toMatch(/需要绘制 [\d,]+ 个字符，超出上限 30,000/);
    expect(reason).toBe(await rendered(model, '05'));
    // A table just as long with short names is drawn.
    expect(await tableImageRefusal(modelOf(manyRows(200)), '05', runtime)).toBeNull();
    expect(await rendered(modelOf(manyRows(200)), '05')).toBeNull();
  });
});
