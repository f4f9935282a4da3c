/**
 * Figures inside workerd: wasm imported as modules (compiling from bytes is forbidden here), fonts
 * read through env.ASSETS from public/fonts (run scripts/prepare-assets.mjs first), rare
 * characters drawn from the HarfBuzz subset of the full font rather than as .notdef boxes.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';
import { Payload } from '../../src/schema/payload';
import { deriveModel } from '../../src/model/derive';
import { DEFAULT_PARAMS } from '../../src/render/output';
import { planFonts, renderFigure, renderTableImage, warmUp } from '../../src/render/figures';
import { createWorkerdRuntime } from '../../src/runtime/figure-runtime.workerd';
import { faceOf, GlyphSheet } from '../../src/render/figures/glyphs';
import { CROSS_RUNTIME_RENDERS, sha256 } from '../golden/figures/cross-runtime';
import { CROSS_RUNTIME_SHA256 } from '../golden/figures/hashes';

const runtime = createWorkerdRuntime(env);
const model = deriveModel(Payload.parse(example));
const RARE = '武汉市𬌗禤城市运行管理中心';
const rareModel = deriveModel(Payload.parse({ ...example, meta: { ...example.meta, department: RARE } }));

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The outline the renderer draws for a one-character text, regular weight, with these fonts. */
async function glyphPath(text: string, fonts: Awaited<ReturnType<typeof planFonts>>['fonts']): Promise<string> {
  const regular = fonts.filter((f) => f.weight === 400);
  const sheet = new GlyphSheet('t');
  const g = sheet.text(
    { x: 0, baseline: 40, anchor: 'start', text, size: 40, color: '#000' },
    { keys: regular.map((_, i) => `r${i}`), faces: regular.map((f) => faceOf(f.data)) },
  );
  expect(g).toContain('<use');
  const d = /<path[^>]* d="([^"]+)"/.exec(sheet.defs())?.[1];
  expect(d, `no glyph path for ${text}`).toBeTruthy();
  return d!;
}

describe('figures in workerd', () => {
  it('initialises wasm and fonts from the isolate (createWorkerdRuntime returns one runtime)', async () => {
    await warmUp(runtime);
    expect(createWorkerdRuntime(env)).toBe(runtime);
    expect((await runtime.loadFont('noto-sans-sc-400.woff')).byteLength).toBeGreaterThan(1_000_000);
  });

  it('renders a PNG with the PNG signature and the requested size', async () => {
    const out = await renderFigure(model, '2', 'png', DEFAULT_PARAMS, runtime);
    expect(out.contentType).toBe('image/png');
    const bytes = out.body as Uint8Array;
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes)).toEqual({ width: 800, height: 500 });
    const hi = await renderFigure(model, '1', 'png', { ...DEFAULT_PARAMS, width: 600, height: 400, scale: 2 }, runtime);
    expect(pngSize(hi.body as Uint8Array)).toEqual({ width: 1200, height: 800 });
  });

  it('renders a self-contained SVG with <title> and <desc>, text as paths', async () => {
    const out = await renderFigure(model, '3', 'svg', DEFAULT_PARAMS, runtime);
    expect(out.contentType).toBe('image/svg+xml; charset=utf-8');
    const svg = out.body as string;
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"')).toBe(true);
    expect(svg).toContain('<title id="jsf3-title">图3：支出决算结构</title>');
    expect(svg).toMatch(/<desc id="jsf3-desc">[^<]*基本支出 355\.89 万元，占 23\.42%[^<]*项目支出 1163\.69 万元，占 76\.58%/);
    expect(svg).not.toContain('<text');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('gives the same bytes as Node (hashes checked by the golden suite in Node too)', async () => {
    for (const [name, render] of Object.entries(CROSS_RUNTIME_RENDERS)) {
      expect(await sha256((await render(model, runtime)).body), name).toBe(CROSS_RUNTIME_SHA256[name]);
    }
  });

  it('gives the same bytes for the same input', async () => {
    const a = await renderFigure(model, '7', 'png', DEFAULT_PARAMS, runtime);
    const b = await renderFigure(model, '7', 'png', DEFAULT_PARAMS, runtime);
    expect(Buffer.from(a.body as Uint8Array).equals(Buffer.from(b.body as Uint8Array))).toBe(true);
  });

  it('draws characters the compact font lacks from a HarfBuzz subset of the full font', async () => {
    const out = await renderFigure(rareModel, '2', 'png', DEFAULT_PARAMS, runtime);
    expect(out.info.fallbackChars).toBe('禤𬌗');
    expect(out.info.unavailableChars).toBe('');
    const svg = (await renderFigure(rareModel, '2', 'svg', DEFAULT_PARAMS, runtime)).body as string;
    expect(svg).toContain(RARE); // in <desc>

    // Tofu check on the glyph outlines themselves: .notdef is what a font draws for a character
    // it does not have (U+E000 is in neither font).
    const compactOnly = (await planFonts(runtime, [{ text: '中' }])).fonts;
    const withFallback = (await planFonts(runtime, [{ text: '𬌗' }])).fonts;
    const notdef = await glyphPath('\u{E000}', compactOnly);
    expect(await glyphPath('𬌗', compactOnly)).toBe(notdef); // the check can see tofu…
    expect(await glyphPath('𬌗', withFallback)).not.toBe(notdef); // …and there is none
    expect(await glyphPath('禤', (await planFonts(runtime, [{ text: '禤' }])).fonts)).not.toBe(notdef);
  });

  it('renders a table image that grows with its rows', async () => {
    const out = await renderTableImage(model, '01', 'png', DEFAULT_PARAMS, runtime);
    const size = pngSize(out.body as Uint8Array);
    expect(size.width).toBe(800);
    expect(size.height).toBeGreaterThan(900);
  });
});
