import { describe, expect, it } from 'vitest';
import { FontSubsetter } from '../../src/render/figures/hb-subset';
import { MISSING_MARK, planFonts } from '../../src/render/figures/fonts';
import { measurer, wrap } from '../../src/render/figures/measure';
import { compactFonts } from '../../src/render/figures/runtime';
import { readFontFacts } from '../../src/render/figures/sfnt';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';

const runtime = createNodeRuntime();
const cp = (ch: string) => ch.codePointAt(0)!;

describe('font coverage (cmap of WOFF and TTF)', () => {
  it('knows what the compact WOFF covers and what only the full TTF has', async () => {
    const compact = await readFontFacts(await runtime.loadFont('noto-sans-sc-400.woff'));
    const full = await readFontFacts(await runtime.loadFont('noto-sans-sc-full-400.ttf'));
    expect(compact.glyphOf.size).toBeGreaterThan(7_000);
    expect(full.glyphOf.size).toBeGreaterThan(30_000);
    for (const ch of '中昇堃喆〓1.,%（）：') expect(compact.glyphOf.has(cp(ch)), ch).toBe(true);
    for (const ch of ['𬌗', '禤']) {
      expect(compact.glyphOf.has(cp(ch)), ch).toBe(false);
      expect(full.glyphOf.has(cp(ch)), ch).toBe(true);
    }
    expect(full.glyphOf.has(cp('𠀀'))).toBe(false);
  });
});

describe('HarfBuzz subsetter', () => {
  it('cuts the full font down to exactly the requested characters', async () => {
    const subsetter = await FontSubsetter.create(await runtime.loadWasm('hb-subset'));
    const full = await runtime.loadFont('noto-sans-sc-full-400.ttf');
    const subset = subsetter.subset(full, [cp('𬌗'), cp('禤')]);
    expect(subset.byteLength).toBeLessThan(10_000);
    const facts = await readFontFacts(subset);
    expect([...facts.glyphOf.keys()].sort((a, b) => a - b)).toEqual([cp('禤'), cp('𬌗')]);
    // The face is reused: a second subset is fast and identical.
    expect(new Uint8Array(subsetter.subset(full, [cp('𬌗'), cp('禤')]))).toEqual(new Uint8Array(subset));
  });
});

describe('planFonts', () => {
  it('uses the shared compact font list when nothing is missing', async () => {
    const set = await compactFonts(runtime);
    const plan = await planFonts(runtime, [{ text: '武汉市江汉区城市运行管理中心 1,519.58 万元' }, { text: '图1：收、支', weight: 700 }]);
    expect(plan.fonts).toBe(set.fonts);
    expect(plan.fallbackChars).toBe('');
  });

  it('adds subsets of the full font for rare characters, per weight, and reuses them', async () => {
    const runs = [{ text: '武汉市𬌗禤中心' }, { text: '喆堃昇', weight: 700 as const }];
    const plan = await planFonts(runtime, runs);
    expect(plan.fallbackChars).toBe('禤𬌗');
    expect(plan.unavailableChars).toBe('');
    expect(plan.fonts.map((f) => [f.name, f.weight])).toEqual([
      ['Noto Sans SC', 400],
      ['Noto Sans SC', 700],
      ['Noto Sans SC Full', 400],
    ]);
    expect((await planFonts(runtime, runs)).fonts).toBe(plan.fonts);
  });

  it('loads the full font only in the weight that needs it', async () => {
    const loaded: string[] = [];
    const spy = {
      name: 'spy',
      loadWasm: runtime.loadWasm,
      loadFont: (file: string) => {
        loaded.push(file);
        return runtime.loadFont(file);
      },
    };
    await planFonts(spy, [{ text: '中文' }, { text: '图1', weight: 700 }]);
    expect(loaded).toEqual(['noto-sans-sc-400.woff', 'noto-sans-sc-700.woff']);
    await planFonts(spy, [{ text: '禤' }, { text: '图1', weight: 700 }]);
    expect(loaded.slice(2)).toEqual(['noto-sans-sc-full-400.ttf']);
  });

  it('draws characters that no font has as 〓 and says which', async () => {
    const plan = await planFonts(runtime, [{ text: '测试𠀀单位' }]);
    expect(plan.unavailableChars).toBe('𠀀');
    expect(plan.sanitize('测试𠀀单位')).toBe(`测试${MISSING_MARK}单位`);
  });
});

describe('measure and wrap', () => {
  it('measures with the font’s advance widths', async () => {
    const set = await compactFonts(runtime);
    const measure = measurer({ 400: set.compact[400].facts, 700: set.compact[700].facts });
    expect(measure('中文', 10)).toBeCloseTo(20, 5);
    expect(measure('0', 100)).toBeCloseTo(55.5, 1);
    expect(measure('𬌗', 10)).toBe(10); // from the full font: one em
  });

  const mono = (text: string, size: number) => [...text].length * size;

  it('balances lines instead of leaving one character alone', () => {
    expect(wrap('其他政府办公厅（室）及相关机构事务支出', 240, 13, mono)).toEqual(['其他政府办公厅（室）', '及相关机构事务支出']);
    expect(wrap('一般行政管理事务', 240, 13, mono)).toEqual(['一般行政管理事务']);
  });

  it('follows the line-breaking rules for punctuation and keeps numbers whole', () => {
    const lines = wrap('因公出国（境）费用', 5 * 12, 12, mono, 400, { balance: false });
    expect(lines.every((l) => !l.endsWith('（') && !/^[）、，]/.test(l))).toBe(true);
    expect(wrap('减少 1,568.21 万元，下降 50.79%', 10 * 12, 12, mono).join('|')).toContain('1,568.21');
  });
});
