/**
 * The workbench and the embed view in Chromium against the real Worker (wrangler dev): load a
 * payload, see a finding in Chinese, click it and find its cell highlighted in the preview, fix the
 * JSON and check again, publish (401 without the right token), then take a table's embed snippet
 * to a page on another origin, and download 图3 for print in two clicks.
 * The Worker is the e2e project's one `wrangler dev` (global-setup.ts).
 * Set JUESUAN_SKIP_LIVE=1 to skip (e.g. where wrangler cannot start).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { buildWeb, webBuildStale } from '../../scripts/build-web.mjs';
import { importWorkbook } from '../../src/ingest';
import { launchChromium, servePages } from '../unit/browser';
import { exampleWorkbook } from '../unit/ingest-workbook';
import { liveWorker } from './live-worker';

const EXAMPLE = JSON.parse(readFileSync('examples/wuhan-jianghan-cyzx-2024.json', 'utf8'));
/** The reference with one mistake: 05's first 项 小计 no longer equals 基本 + 项目. */
const MISTAKE = '/tables/gpbExpense/rows/0/total';

describe.skipIf(process.env.JUESUAN_SKIP_LIVE === '1')('the workbench and the embed view in Chromium', () => {
  let worker: { base: string; token: string };
  let TOKEN: string;
  let browser: Browser;
  let dir: string;
  let host: { base: string; server: Server } | undefined;

  beforeAll(async () => {
    if (webBuildStale()) await buildWeb({ quiet: true });
    dir = await mkdtemp(join(tmpdir(), 'juesuan-wb-'));
    worker = liveWorker();
    TOKEN = worker.token;
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (host) await new Promise((resolve) => host!.server.close(resolve));
  });

  /**
   * Puts text in the JSON editor as a paste would (one input event). Playwright's fill() inserts
   * a reference-sized payload as editing commands, about 10 s of the test's time for nothing.
   */
  async function setEditor(page: Page, text: string): Promise<void> {
    await page.evaluate(`(() => { const t = document.querySelector('#json'); t.value = ${JSON.stringify(text)}; t.dispatchEvent(new Event('input')); })()`);
  }

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${worker.base}${path}`);
    (page as unknown as { errors: string[] }).errors = errors;
    return page;
  }

  it('the index links to the workbench; /workbench and its bundle are served from static assets', async () => {
    const index = await (await fetch(`${worker.base}/`)).text();
    expect(index).toContain('href="/workbench"');
    const page = await fetch(`${worker.base}/workbench`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(await page.text()).toContain('<title>决算公开工作台</title>');
    expect((await fetch(`${worker.base}/workbench/workbench.js`)).headers.get('content-type')).toMatch(/javascript/);
    const missing = await fetch(`${worker.base}/workbench/nothing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('a mistake: the finding in Chinese, a click highlights its cell in the preview; fixed in the editor, the check passes', async () => {
    const wrong = structuredClone(EXAMPLE);
    wrong.tables.gpbExpense.rows[0].total = '9999.00';
    const file = join(dir, 'wrong.json');
    await writeFile(file, JSON.stringify(wrong));
    const page = await open('/workbench');
    await page.setInputFiles('#file', file);
    const error = page.locator('#findings li.error').first();
    await error.waitFor({ timeout: 20_000 });
    expect(await error.textContent()).toMatch(/^错误.*公开05表.*9,999\.00/);
    expect(await error.textContent()).toContain(MISTAKE);
    expect(await page.textContent('#status')).toMatch(/有 \d+ 处错误/);
    // The preview still draws, as a draft, so the cell can be shown.
    await page.waitForFunction(`!document.querySelector('#view').disabled`, undefined, { timeout: 20_000 });
    expect(await page.isVisible('#draft')).toBe(true);
    await error.locator('button').click();
    const frame = page.frameLocator('#frame');
    const cell = frame.locator(`td.wb-hit[data-path="${MISTAKE}"]`);
    await cell.waitFor({ timeout: 10_000 });
    expect(await cell.textContent()).toBe('9,999.00');
    // Scrolled into the preview's view, and marked visibly.
    const placed = await page.frames()[1].evaluate<{ top: number; bottom: number; height: number; outline: string }>(
      `(() => { const r = document.querySelector('td.wb-hit').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight, outline: getComputedStyle(document.querySelector('td.wb-hit')).outlineStyle }; })()`,
    );
    expect(placed.top).toBeGreaterThanOrEqual(0);
    expect(placed.bottom).toBeLessThanOrEqual(placed.height);
    expect(placed.outline).toBe('solid');
    expect(await page.textContent('#preview-note')).toContain('公开05表');
    await page.screenshot({ path: join(dir, 'workbench.png') });

    // A finding about the text (the reference gives a use, not a cause, as the reason of a 项's budget gap): its paragraph of 五（三）.
    await page.locator('#findings li[data-rule="budget.reason-is-use"] button').first().click();
    const paragraph = frame.locator('p.wb-hit');
    await paragraph.waitFor({ timeout: 10_000 });
    expect(await paragraph.getAttribute('data-path')).toBe('/explanation/annualBudget/items/2010399');
    expect(await paragraph.textContent()).toContain('其他政府办公厅（室）及相关机构事务支出（项）');
    const inView = await page.frames()[1].evaluate<{ top: number; bottom: number; height: number; outline: string }>(
      `(() => { const r = document.querySelector('p.wb-hit').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: innerHeight, outline: getComputedStyle(document.querySelector('p.wb-hit')).outlineStyle }; })()`,
    );
    expect(inView.top).toBeGreaterThanOrEqual(0);
    expect(inView.bottom).toBeLessThanOrEqual(inView.height);
    expect(inView.outline).toBe('solid');
    expect(await page.textContent('#preview-note')).toContain('1 处文字');
    await page.screenshot({ path: join(dir, 'workbench-text.png') });

    // Fix it in the editor and check again: no round trip through a file.
    const text = await page.inputValue('#json');
    const original = JSON.stringify(EXAMPLE.tables.gpbExpense.rows[0].total);
    await setEditor(page, text.replace('"total": "9999.00"', `"total": ${original}`));
    await page.click('#check');
    await page.waitForFunction(`document.querySelector('#summary').textContent.includes('警告') && !document.querySelector('#findings li.error')`, undefined, { timeout: 20_000 });
    expect(await page.isVisible('#draft')).toBe(false);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('a workbook (generated like a 决算 export) over the payload being edited: the finding names its workbook cell, a click highlights the cell', async () => {
    const wrong = structuredClone(EXAMPLE);
    wrong.tables.gpbExpense.rows[0].total = '9999.00';
    const bytes = exampleWorkbook(wrong, { codes: 'split-full', amounts: 'text' });
    const from = importWorkbook(bytes).sources[MISTAKE];
    expect(from).toBeDefined();
    const file = join(dir, '决算报表.xlsx');
    await writeFile(file, bytes);
    const page = await open('/workbench');
    // Last year's texts in the editor, this year's figures from the workbook.
    await setEditor(page, JSON.stringify(EXAMPLE, null, 2));
    await page.setInputFiles('#file', file);
    const error = page.locator('#findings li.error').first();
    await error.waitFor({ timeout: 30_000 });
    expect(await page.textContent('#workbook')).toContain('识别出 9 张公开表');
    expect(await page.textContent('#source')).toContain('表格数据来自工作簿');
    expect(await error.textContent()).toContain(`来自工作表“${from.sheet}”${from.cell} 单元格`);
    await page.waitForFunction(`!document.querySelector('#view').disabled`, undefined, { timeout: 20_000 });
    await error.locator('button').click();
    const cell = page.frameLocator('#frame').locator(`td.wb-hit[data-path="${MISTAKE}"]`);
    await cell.waitFor({ timeout: 10_000 });
    expect(await cell.textContent()).toBe('9,999.00');
    await page.screenshot({ path: join(dir, 'workbench-workbook.png') });

    // A workbook alone (.xls this time): it lists what a payload needs beyond the tables, and the schema errors name them.
    const xls = join(dir, '决算报表.xls');
    await writeFile(xls, exampleWorkbook(EXAMPLE, { bookType: 'biff8' }));
    await setEditor(page, '');
    await page.setInputFiles('#file', xls);
    await page.locator('#findings li.schema').first().waitFor({ timeout: 30_000 });
    expect(await page.textContent('#workbook')).toContain('需要在数据中补充的内容');
    expect(await page.textContent('#findings')).toContain('/meta/slug');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('the file chooser is reachable by keyboard', async () => {
    const page = await open('/workbench');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('file');
    await page.close();
  });

  it('broken JSON, a file that is not a workbook, a schema error and an unknown report get clear answers', async () => {
    const page = await open('/workbench');
    await setEditor(page, '{\n  "schemaVersion": 1,\n  "meta": {\n}}}');
    await page.click('#check');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toMatch(/不是合法的 JSON：第 4 行/);
    const fake = join(dir, 'fake.xlsx');
    await writeFile(fake, 'not a workbook at all');
    await page.setInputFiles('#file', fake);
    await page.waitForFunction(`document.querySelector('#status').textContent.includes('无法读取工作簿')`, undefined, { timeout: 10_000 });
    const other = join(dir, 'notes.txt');
    await writeFile(other, 'hello');
    await page.setInputFiles('#file', other);
    await page.waitForFunction(`document.querySelector('#status').textContent.includes('不支持')`);
    // Schema errors name their path; a click selects it in the editor.
    const bad = structuredClone(EXAMPLE);
    bad.meta.fiscalYear = '二〇二四';
    await setEditor(page, JSON.stringify(bad, null, 2));
    await page.click('#check');
    const schema = page.locator('#findings li.schema').first();
    await schema.waitFor({ timeout: 10_000 });
    expect(await schema.textContent()).toContain('/meta/fiscalYear');
    // The status speaks to the clerk (the list below), not of the API's `errors` field.
    const status = (await page.textContent('#status')) ?? '';
    expect(status).toContain('共 1 处，已列在下面“检查结果”中');
    expect(status).not.toContain('errors');
    await schema.locator('button').click();
    const selected = await page.evaluate<string>(`(() => { const t = document.querySelector('#json'); return t.value.slice(t.selectionStart, t.selectionEnd); })()`);
    expect(selected).toBe('"二〇二四"');
    await page.close();
    // The embed view of a report that does not exist, or without one, says so.
    const embed = await open('/workbench/embed?report=nope-2024');
    await embed.waitForSelector('#status.error');
    expect(await embed.textContent('#status')).toContain('没有找到报告“nope-2024”');
    await embed.goto(`${worker.base}/workbench/embed`);
    await embed.waitForSelector('#status.error');
    expect(await embed.textContent('#status')).toContain('地址中缺少报告标识');
    await embed.close();
  });

  it('publish: a wrong token is refused (401) in Chinese; the right one gives the links; the embed snippet works on another origin; 图3 for print in two clicks', async () => {
    const page = await open('/workbench');
    await setEditor(page, JSON.stringify(EXAMPLE, null, 2));
    await page.click('#check');
    await page.waitForSelector('#findings li.warning', { timeout: 20_000 });
    await page.fill('#token', 'wrong-token-0123456789abcdef');
    await page.click('#publish');
    await page.waitForSelector('#published .status.error');
    expect(await page.textContent('#published')).toContain('发布口令不正确或已失效（401）');
    await page.fill('#token', TOKEN);
    await page.click('#publish');
    await page.waitForSelector('#published .status.ok', { timeout: 20_000 });
    expect(await page.textContent('#published')).toContain('已发布：wuhan-jianghan-cyzx-2024');
    // The index lists it with its embed-and-download view.
    const index = await (await fetch(`${worker.base}/`)).text();
    expect(index).toMatch(/<div class="row">[^\n]*<a href="\/workbench\/embed\?report=wuhan-jianghan-cyzx-2024">嵌入与下载<\/a><\/div>/);
    await Promise.all([page.waitForURL(/\/workbench\/embed\?report=wuhan-jianghan-cyzx-2024$/), page.click('#embed-link')]);

    // The embed view: table 05's snippet, pasted into a page of another origin.
    await page.waitForSelector('#items button', { timeout: 20_000 });
    await page.click('#items button[data-item="table:05"]');
    const snippet = await page.inputValue('#embed-code');
    // The copy button puts exactly that on the clipboard.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.base });
    await page.click('#item button.copy:text-is("复制嵌入代码")');
    await page.waitForSelector('#item button.copy:text-is("已复制 ✓")');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(snippet);
    expect(snippet).toContain(`${worker.base}/v1/reports/wuhan-jianghan-cyzx-2024/tables/05.html?embed=1`);
    expect(snippet).toContain('datawrapper-height');
    // Its data downloads answer (Excel from the xlsx renderer).
    for (const label of ['下载 Excel', '下载 CSV']) {
      const href = await page.getAttribute(`#item a.button:text-is("${label}")`, 'href');
      expect((await fetch(href!)).status, label).toBe(200);
    }
    host = await servePages({ '/': { body: `<!doctype html><meta charset="utf-8"><body style="margin:0"><p>门户页面</p>${snippet}</body>`, type: 'text/html; charset=utf-8' } });
    expect(new URL(host.base).origin).not.toBe(new URL(worker.base).origin);
    const portal = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await portal.goto(host.base);
    await portal.waitForFunction(`document.querySelector('iframe').getBoundingClientRect().height > 300`, undefined, { timeout: 15_000 });
    const height = await portal.evaluate<number>(`document.querySelector('iframe').getBoundingClientRect().height`);
    expect(height).toBeLessThan(3000);
    await portal.close();

    // 图3 for a press office: pick it, press 「印刷」 — a PNG 1,840 px wide that says 300 dpi.
    await page.click('#items button[data-item="figure:3"]');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.click('button[data-download="print"]')]);
    expect(download.suggestedFilename()).toBe('图3-支出决算结构-300dpi.png');
    const png = await readFile((await download.path())!);
    expect(png.readUInt32BE(16)).toBe(1840);
    expect(png.readUInt32BE(20)).toBe(1150);
    const phys = png.indexOf('pHYs');
    expect(phys).toBeGreaterThan(0);
    expect(png.readUInt32BE(phys + 4)).toBe(Math.round(300 / 0.0254));
    expect(png[phys + 12]).toBe(1);
    // The chunk's CRC (over type and data) is right, or strict readers reject the file.
    expect(png.readUInt32BE(phys + 13)).toBe(crc32(png.subarray(phys, phys + 13)));
    // The custom image URL follows the settings, with a live preview.
    await page.click('button[data-preset="print"]');
    expect(await page.inputValue('#img-url')).toBe(`${worker.base}/v1/reports/wuhan-jianghan-cyzx-2024/figures/3.png?scale=2.3`);
    await page.locator('#img-live').scrollIntoViewIfNeeded();
    await page.waitForFunction(`(() => { const i = document.querySelector('#img-preview'); return i && i.complete && i.naturalWidth === 1840; })()`, undefined, { timeout: 20_000 });
    await page.screenshot({ path: join(dir, 'embed.png'), fullPage: true });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();

    // Next year starts from the published report: its payload in the editor, checked.
    const next = await open('/workbench');
    await next.waitForSelector('#start-from:not([hidden])');
    // A long report name in the list must not widen the tools over the preview.
    const columns = await next.evaluate<{ tools: number; preview: number; page: number; width: number }>(
      `({ tools: Math.max(...[...document.querySelectorAll('.side > *')].map((e) => e.getBoundingClientRect().right)),
          preview: document.querySelector('.preview').getBoundingClientRect().left,
          page: document.documentElement.scrollWidth, width: innerWidth })`,
    );
    expect(columns.tools).toBeLessThanOrEqual(columns.preview);
    expect(columns.page).toBeLessThanOrEqual(columns.width);
    await next.selectOption('#published-reports', 'wuhan-jianghan-cyzx-2024');
    await next.waitForSelector('#findings li.warning', { timeout: 20_000 });
    expect(JSON.parse(await next.inputValue('#json'))).toEqual(EXAMPLE);
    expect(await next.textContent('#source')).toContain('已载入已发布的报告：wuhan-jianghan-cyzx-2024');
    await next.close();
  });
});
