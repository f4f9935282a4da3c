import { describe, expect, it } from 'vitest';
import { problemOf as httpProblemOf, type ProblemError } from '../../src/http/problem';
import { DEFAULT_PARAMS, type RenderParams } from '../../src/render/output';
import { LIMITS, figureIds, renderFigure, renderTableImage } from '../../src/render/figures';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { decodePng } from '../golden/figures/png';
import { example, exampleWithDepartment, modelOf, testPayload, zeroPayload } from '../golden/figures/payloads';

const runtime = createNodeRuntime();
const model = modelOf(example);
const params = (overrides: Partial<RenderParams> = {}): RenderParams => ({ ...DEFAULT_PARAMS, ...overrides });

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    // The core throws its own RenderError; the HTTP edge maps it to a problem with a status.
    const problem = httpProblemOf(error);
    if (problem) return problem;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('renderFigure', () => {
  it('renders every figure of both payloads as PNG of the requested size', async () => {
    for (const m of [model, modelOf(testPayload)]) {
      for (const id of figureIds(m)) {
        const out = await renderFigure(m, id, 'png', params(), runtime);
        expect(out.contentType).toBe('image/png');
        const image = decodePng(out.body as Uint8Array);
        expect(image.width, `图${id}`).toBe(800);
        // 图7 grows with its rows rather than squeezing them.
        if (id !== '7') expect(image.height, `图${id}`).toBe(500);
        else expect(image.height).toBeGreaterThanOrEqual(500);
      }
    }
  });

  it('is deterministic: same model and parameters, same bytes', async () => {
    for (const format of ['png', 'svg'] as const) {
      const a = await renderFigure(model, '5', format, params({ theme: 'dark' }), runtime);
      const b = await renderFigure(model, '5', format, params({ theme: 'dark' }), runtime);
      expect(Buffer.from(a.body).equals(Buffer.from(b.body))).toBe(true);
    }
    const auto = await renderFigure(model, '1', 'png', params({ theme: 'auto' }), runtime);
    const light = await renderFigure(model, '1', 'png', params({ theme: 'light' }), runtime);
    expect(Buffer.from(auto.body).equals(Buffer.from(light.body))).toBe(true);
  });

  it('writes a self-contained SVG: text as paths, escaped <title>/<desc>, ids prefixed per figure', async () => {
    const tricky = exampleWithDepartment('A&B <测试> "中心"');
    // A small image is a scaled-down drawing: 400×250 is drawn at 600×375.
    const out = await renderFigure(tricky, '2', 'svg', params({ width: 400, height: 250 }), runtime);
    const svg = out.body as string;
    expect(out.contentType).toBe('image/svg+xml; charset=utf-8');
    expect(svg.slice(0, 120)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="400" height="250" viewBox="0 0 600 375"/);
    expect(svg).toContain('<title id="jsf2-title">图2：收入决算结构</title>');
    expect(svg).toContain('<desc id="jsf2-desc">A&amp;B &lt;测试&gt; &quot;中心&quot; 2024 年度本年收入合计 1519.58 万元');
    expect(svg).not.toContain('<text');
    expect(svg).not.toContain('<image');
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id.startsWith('jsf2-')).toBe(true);
  });

  it('scales PNGs and can leave the background transparent', async () => {
    const out = await renderFigure(model, '3', 'png', params({ width: 400, height: 250, scale: 3, background: 'transparent' }), runtime);
    const image = decodePng(out.body as Uint8Array);
    expect([image.width, image.height]).toEqual([1200, 750]);
    expect(image.pixels[3]).toBe(0); // top-left corner: nothing drawn, fully transparent
    const white = decodePng((await renderFigure(model, '3', 'png', params(), runtime)).body as Uint8Array);
    expect([...white.pixels.slice(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('draws a "本年度无数据" panel for all-zero figures', async () => {
    const out = await renderFigure(modelOf(zeroPayload), '2', 'svg', params(), runtime);
    expect(out.body as string).toContain('本年度无数据');
  });

  it('rejects out-of-range parameters with 400 problems', async () => {
    const bad: Partial<RenderParams>[] = [
      { width: 199 },
      { width: 4001 },
      { height: 100 },
      { width: 800.5 },
      { scale: 0.5 },
      { scale: 5 },
      { scale: Number.NaN },
      { theme: 'blue' as never },
      { background: 'red' as never },
      { width: 4000, height: 4000 }, // 16 million pixels
      { width: 1000, height: 625, scale: 4 }, // 10 million pixels: more than an isolate's 128 MB
    ];
    for (const overrides of bad) {
      const problem = await problemOf(renderFigure(model, '1', 'png', params(overrides), runtime));
      expect(problem.status, JSON.stringify(overrides)).toBe(400);
    }
    expect((await problemOf(renderFigure(model, '1', 'gif' as never, params(), runtime))).status).toBe(400);
    expect((await problemOf(renderFigure(model, '9', 'png', params(), runtime))).status).toBe(404);
    expect(LIMITS.maxPixels).toBe(6_500_000);
  });

  it('reports characters drawn from the full font', async () => {
    const out = await renderFigure(exampleWithDepartment('武汉市𬌗禤测试中心'), '1', 'png', params(), runtime);
    expect(out.info.fallbackChars).toBe('禤𬌗');
  });
});

describe('renderTableImage', () => {
  it('renders every table at the requested width, growing in height with the rows', async () => {
    const heights: Record<string, number> = {};
    for (const id of ['01', '02', '03', '04', '05', '06', '07', '08', '09']) {
      const out = await renderTableImage(model, id, 'png', params(), runtime);
      const image = decodePng(out.body as Uint8Array);
      expect(image.width, id).toBe(800);
      heights[id] = image.height;
    }
    expect(heights['01']).toBeGreaterThan(900);
    expect(heights['04']).toBeGreaterThan(heights['05']);
    expect(heights['09']).toBeLessThan(500);
  });

  it('prints the same numbers as the HTML table, and fits a fixed height when asked', async () => {
    const svg = (await renderTableImage(model, '05', 'svg', params(), runtime)).body as string;
    expect(svg).toContain('<title id="jst05-title">2024 年度一般公共预算财政拨款支出决算表（公开05表）</title>');
    expect(svg).toMatch(/<desc[^>]*>编制单位：武汉市江汉区城市运行管理中心；单位：万元。合计 1,519.58 355.89 1,163.69；201 一般公共服务支出 1,415.08 251.39 1,163.69/);
    const fixed = await renderTableImage(model, '01', 'png', params({ height: 600 }), runtime, { fixedHeight: true });
    expect(decodePng(fixed.body as Uint8Array).height).toBe(600);
    expect((await problemOf(renderTableImage(model, '10', 'png', params(), runtime))).status).toBe(404);
  });
});
