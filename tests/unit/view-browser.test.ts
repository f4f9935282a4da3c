/**
 * What readers see, in Chromium: the reference document (stateless render, figures inline) and
 * every table embed at a phone (390 px), a tablet (768 px) and a desktop (1280 px) width, and the
 * document printed to A4 PDF. One browser for the file, one tab per width.
 *
 * - no horizontal page overflow;
 * - no header cell narrower than its longest word, and no header line broken inside a word
 *   (words: the browser's own Intl.Segmenter);
 * - figure text at least 11 CSS px: the smallest font size in the drawing × the scale it is shown at;
 * - print: a page count within bounds and no page nearly empty.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkReport } from '../../src/audit/check-report';
import type { Model } from '../../src/model/derive';
import { DEFAULT_PARAMS, renderOutput } from '../../src/render/output';
import { figureIds, NARROW_WIDTH, renderFigure } from '../../src/render/figures';
import { relativeLinks } from '../../src/render/links';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { launchChromium, servePages } from './browser';

const WIDTHS = [390, 768, 1280];
const HTML = 'text/html; charset=utf-8';

interface HeaderProblem {
  text: string;
  inner: number;
  longest: number;
  word: string;
  badBreaks: number[];
}

interface Measures {
  overflow: number;
  headers: HeaderProblem[];
  headerCount: number;
  figures: { id: string; layout: string; scale: number }[];
}

// Runs in the page (a string: this project's TypeScript lib has no DOM types).
const MEASURE = `(() => {
  const root = document.documentElement;
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;white-space:nowrap';
  document.body.append(probe);
  const headers = [];
  let headerCount = 0;
  for (const th of document.querySelectorAll('thead th')) {
    if (!th.getClientRects().length) continue;
    const text = th.textContent.trim();
    if (!text) continue;
    headerCount++;
    const cs = getComputedStyle(th);
    // Collapsed borders: the cell box holds half of each; 1 px of slack below covers the rounding.
    const inner = th.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth)) / 2;
    // Longhands: the font shorthand reads back empty when font-variant-numeric is set.
    for (const key of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing']) probe.style[key] = cs[key];
    let longest = 0, word = '';
    const segments = [...seg.segment(text)];
    for (const s of segments) {
      probe.textContent = s.segment;
      const w = probe.getBoundingClientRect().width;
      if (w > longest) { longest = w; word = s.segment; }
    }
    // Where the lines break: each character's box; a new line starts where the top moves down.
    const boundaries = new Set(segments.map((s) => s.index));
    const badBreaks = [];
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    const lead = th.textContent.length - th.textContent.trimStart().length;
    let index = -lead, lastTop = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++, index++) {
        if (/\\s/.test(node.data[i])) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (lastTop !== null && rect.top > lastTop + rect.height / 2 && !boundaries.has(index)) badBreaks.push(index);
        lastTop = rect.top;
      }
    }
    if (inner + 1 < longest || badBreaks.length) headers.push({ text, inner: Math.round(inner), longest: Math.round(longest), word, badBreaks });
  }
  probe.remove();
  const figures = [];
  for (const figure of document.querySelectorAll('figure.chart')) {
    for (const svg of figure.querySelectorAll('svg')) {
      const rect = svg.getBoundingClientRect();
      if (!rect.width) continue;
      const holder = svg.closest('.chart-svg');
      figures.push({
        id: figure.id.replace('figure-', ''),
        layout: holder && holder.classList.contains('chart-narrow') ? 'narrow' : 'wide',
        scale: rect.width / svg.viewBox.baseVal.width,
      });
    }
  }
  return { overflow: root.scrollWidth - root.clientWidth, headers, headerCount, figures };
})()`;

describe('what readers see in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  let model: Model;
  const tabs = new Map<number, Page>();
  /** Smallest text size of each figure drawing, in its own units: `${id}:${layout}`. */
  const minText = new Map<string, number>();

  beforeAll(async () => {
    const result = checkReport(JSON.parse(readFileSync('examples/wuhan-jianghan-cyzx-2024.json', 'utf8')));
    if (!result.ok) throw new Error('example does not parse');
    model = result.model;
    const runtime = createNodeRuntime();
    const pages: Record<string, { body: string; type: string }> = {};
    // A stored report's narrative links its figures; stand-ins tell the variants apart on paper:
    // the light drawing is white with a blue block, any dark one solid black.
    const narrative = await renderOutput(model, { kind: 'narrative', format: 'html' }, { params: DEFAULT_PARAMS, links: relativeLinks('narrative.html') }, runtime);
    pages['/narrative.html'] = { body: narrative.body as string, type: HTML };
    // A stateless narrative asked for in dark: its inline figures are dark on screen.
    const dark = await renderOutput(model, { kind: 'narrative', format: 'html' }, { params: { ...DEFAULT_PARAMS, theme: 'dark' } }, runtime);
    pages['/narrative-dark.html'] = { body: dark.body as string, type: HTML };
    const svg = (fill: string, block: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" viewBox="0 0 800 500"><rect width="800" height="500" fill="${fill}"/>${block}</svg>`;
    for (const id of figureIds(model)) {
      const type = 'image/svg+xml';
      pages[`/figures/${id}.svg`] = { body: svg('#fff', '<rect x="300" y="150" width="200" height="200" fill="#0b57a4"/>'), type };
      for (const query of ['theme=dark', 'layout=narrow&theme=dark']) pages[`/figures/${id}.svg?${query}`] = { body: svg('#000', ''), type };
      pages[`/figures/${id}.svg?layout=narrow`] = { body: svg('#fff', ''), type };
    }
    const document = await renderOutput(model, { kind: 'document', format: 'html' }, { params: DEFAULT_PARAMS }, runtime);
    pages['/document.html'] = { body: document.body as string, type: HTML };
    for (const t of model.set.tables) {
      const embed = await renderOutput(model, { kind: 'table', id: t.no, format: 'html' }, { params: { ...DEFAULT_PARAMS, embed: true } }, runtime);
      pages[`/tables/${t.no}.html`] = { body: embed.body as string, type: HTML };
    }
    // The document inlines each figure at these parameters (src/render/output.ts withFigures).
    for (const id of figureIds(model)) {
      const wide = await renderFigure(model, id, 'svg', { ...DEFAULT_PARAMS }, runtime);
      const narrow = await renderFigure(model, id, 'svg', { ...DEFAULT_PARAMS, width: NARROW_WIDTH, layout: 'narrow' }, runtime);
      minText.set(`${id}:wide`, wide.info.minTextSize);
      minText.set(`${id}:narrow`, narrow.info.minTextSize);
    }
    ({ base, server } = await servePages(pages));
    browser = await launchChromium();
    for (const width of WIDTHS) tabs.set(width, await browser.newPage({ viewport: { width, height: 900 } }));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function measure(width: number, path: string): Promise<Measures> {
    const page = tabs.get(width)!;
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    return page.evaluate<Measures>(MEASURE);
  }

  for (const width of WIDTHS) {
    it(`the reference document at ${width} px: no sideways scroll, whole header words, figure text ≥ 11 px`, async () => {
      const m = await measure(width, '/document.html');
      expect(m.overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
      expect(m.headerCount).toBeGreaterThan(50);
      expect(m.headers, 'header cells narrower than a word or broken inside one').toEqual([]);
      expect(m.figures.map((f) => f.id)).toEqual(figureIds(model).map(String));
      for (const f of m.figures) {
        // Text sizes are in the drawing's units (its viewBox); the page shows it at `scale` CSS px per unit.
        const smallest = minText.get(`${f.id}:${f.layout}`)! * f.scale;
        expect(smallest, `图 id ${f.id} (${f.layout}) smallest text at ${width} px`).toBeGreaterThanOrEqual(11);
      }
      if (width < 820) expect(m.figures.every((f) => f.layout === 'narrow')).toBe(true);
      else expect(m.figures.every((f) => f.layout === 'wide')).toBe(true);
    });

    it(`every table embed at ${width} px: no sideways scroll, whole header words`, async () => {
      for (const t of model.set.tables) {
        const m = await measure(width, `/tables/${t.no}.html`);
        expect(m.overflow, `table ${t.no}`).toBeLessThanOrEqual(0);
        expect(m.headerCount, `table ${t.no}`).toBeGreaterThan(0);
        expect(m.headers, `table ${t.no}`).toEqual([]);
      }
    });
  }

  it('prints the reference document light on A4 with no page nearly empty', async () => {
    const page = tabs.get(1280)!;
    // A reader in dark mode prints: the paper is still light.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${base}/document.html`, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ colorScheme: null });
    const dir = mkdtempSync(join(tmpdir(), 'print-'));
    writeFileSync(join(dir, 'document.pdf'), pdf);
    const info = execFileSync('pdfinfo', [join(dir, 'document.pdf')], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(18);
    expect(pages).toBeLessThanOrEqual(32);
    // Ink per page at 12 dpi in grey: a page with almost nothing on it has almost no dark pixels.
    execFileSync('pdftoppm', ['-r', '12', '-gray', join(dir, 'document.pdf'), join(dir, 'p')]);
    const inks: number[] = [];
    for (let i = 1; i <= pages; i++) {
      const name = join(dir, `p-${String(i).padStart(String(pages).length, '0')}.pgm`);
      const pixels = readPgm(readFileSync(name));
      inks.push(pixels.filter((v) => v < 160).length / pixels.length);
    }
    const darkest = Math.max(...inks);
    // Light paper: even the fullest page is mostly white (a dark page would be mostly ink).
    expect(darkest).toBeLessThan(0.5);
    for (let i = 0; i < pages - 1; i++) expect(inks[i], `page ${i + 1} of ${pages} nearly empty`).toBeGreaterThan(0.012);
  });

  it('prints linked figures light and wide from a phone in dark mode (the screen shows them dark and narrow)', async () => {
    const page = tabs.get(390)!;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${base}/narrative.html`, { waitUntil: 'load' });
    // The figures load lazily: bring each into view, as a reader scrolling would.
    for (const figure of await page.locator('figure.chart').all()) await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(`[...document.querySelectorAll('figure.chart picture img')].every((i) => i.complete && i.currentSrc)`);
    const onScreen = await page.evaluate<string[]>(`[...document.querySelectorAll('figure.chart picture img')].map((i) => i.currentSrc)`);
    expect(onScreen.length).toBe(figureIds(model).length);
    for (const src of onScreen) expect(src).toContain('layout=narrow&theme=dark');
    const pages = await printedPages(page, `${base}/narrative.html`);
    await page.emulateMedia({ colorScheme: null });
    // Black pixels would be a dark stand-in; blue blocks (grey ≈ 70–90) are the light, wide one.
    const black = pages.map((p) => p.filter((v) => v < 20).length / p.length);
    expect(Math.max(...black)).toBeLessThan(0.01);
    const blue = pages.reduce((n, p) => n + p.filter((v) => v >= 40 && v <= 120).length, 0);
    expect(blue).toBeGreaterThan(figureIds(model).length * 20);
  });

  it('prints a dark page’s inline figures light', async () => {
    const page = tabs.get(1280)!;
    await page.goto(`${base}/narrative-dark.html`, { waitUntil: 'load' });
    const onScreen = await page.evaluate<number>(`document.querySelectorAll('figure.chart .chart-wide svg').length`);
    expect(onScreen).toBe(figureIds(model).length);
    // On paper they are the light ones: no page holds a dark block (one dark figure covers about 20% of a page; text stays under 3%).
    expect(darkest(await printedPages(page, `${base}/narrative-dark.html`))).toBeLessThan(0.06);
  });
});

async function printedPages(page: Page, url: string): Promise<Uint8Array[]> {
  await page.goto(url, { waitUntil: 'load' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  writeFileSync(join(dir, 'out.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '12', '-gray', join(dir, 'out.pdf'), join(dir, 'p')]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'out.pdf')], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, i) => readPgm(readFileSync(join(dir, `p-${String(i + 1).padStart(String(pages).length, '0')}.pgm`))));
}

/** Share of near-black pixels (a dark figure's background) on the darkest page. */
function darkest(pages: Uint8Array[]): number {
  return Math.max(...pages.map((p) => p.filter((v) => v < 45).length / p.length));
}

/** Binary PGM (P5, 8-bit) as grey values. */
function readPgm(data: Buffer): Uint8Array {
  const header = data.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)!;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return new Uint8Array(data.subarray(match[0].length, match[0].length + width * height));
}
