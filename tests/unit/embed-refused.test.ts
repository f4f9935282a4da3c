/**
 * The embed view offers only the images the Worker serves (web/workbench/refused.ts): from the
 * Worker's own list of refused outputs (refusedOutputs, as outputs.json answers it), a 400-row
 * report's 02/03/05 get no image formats and the Worker's reason in Chinese; its other tables and
 * every figure keep PNG and SVG.
 */
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/model/derive';
import { refusedOutputs } from '../../src/render/output';
import { figureIds } from '../../src/render/figures';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { Payload } from '../../src/schema/payload';
import { imageOffer, refusalNote, refusalsOf } from '../../web/workbench/refused';
import { manyRows } from '../fuzz/many-rows';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const runtime = createNodeRuntime();

describe('images the embed view offers', () => {
  it('a 400-row report: no images for 02, 03 and 05, with the reason; the other tables and the figures keep both', async () => {
    const model = deriveModel(Payload.parse(manyRows(400)));
    // Through the JSON the view reads.
    const refused = refusalsOf(JSON.parse(JSON.stringify({ tables: {}, refused: await refusedOutputs(model, runtime) })));
    for (const { no } of model.set.tables) {
      const offer = imageOffer(refused, 'table', no);
      if (['02', '03', '05'].includes(no)) {
        expect(offer.formats, no).toEqual([]);
        expect(offer.reasons, no).toHaveLength(1);
        const note = refusalNote('table', offer);
        expect(note, no).toMatch(/^这张表不提供图片（PNG、SVG）：.*超出表格图片的上限（300 行、2,400 个单元格）。请改用该表的 HTML、CSV 或 JSON 输出。$/);
      } else {
        expect(offer, no).toEqual({ formats: ['png', 'svg'], reasons: [] });
        expect(refusalNote('table', offer)).toBeNull();
      }
    }
    for (const id of figureIds(model)) expect(imageOffer(refused, 'figure', id).formats, id).toEqual(['png', 'svg']);
  });

  it('the reference: every image offered', async () => {
    const model = deriveModel(Payload.parse(example));
    const refused = await refusedOutputs(model, runtime);
    expect(refused).toEqual([]);
    for (const { no } of model.set.tables) expect(imageOffer(refused, 'table', no).formats).toEqual(['png', 'svg']);
  });

  it('one format refused: the other is offered and the note names the refused one; a malformed answer refuses nothing', () => {
    const offer = imageOffer([{ path: 'tables/05.png', reason: '原因。' }], 'table', '05');
    expect(offer).toEqual({ formats: ['svg'], reasons: ['原因。'] });
    expect(refusalNote('table', offer)).toBe('这张表不提供 PNG 图片：原因。');
    expect(refusalsOf(null)).toEqual([]);
    expect(refusalsOf({ refused: 'x' })).toEqual([]);
    expect(refusalsOf({ refused: [{ path: 'tables/05.png' }, { path: 'tables/05.svg', reason: 'r' }] })).toEqual([{ path: 'tables/05.svg', reason: 'r' }]);
  });
});
