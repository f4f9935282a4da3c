/**
 * The iframe host snippet in a real browser: a host page on loopback embeds two tables with
 * ?embed=1 and the snippet from the README; the iframes must grow to fit their content.
 * Needs Debian's chromium (apt-get install chromium fonts-noto-cjk; .ci/run installs it): fails without it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkReport } from '../../src/audit/check-report';
import { renderTableHtml } from '../../src/render/html/tables';
import { EMBED_HOST_SNIPPET } from '../../src/render/html/embed';
import { DEFAULT_PARAMS } from '../../src/render/output';
import { launchChromium } from './browser';

describe('iframe embedding in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    const result = checkReport(JSON.parse(readFileSync('examples/wuhan-jianghan-cyzx-2024.json', 'utf8')));
    if (!result.ok) throw new Error('example does not parse');
    const embed = (id: string) => renderTableHtml(result.model, id, { params: { ...DEFAULT_PARAMS, embed: true } });
    const host = `<!doctype html><meta charset="utf-8"><body style="margin:0">
<iframe id="t05" src="/tables/05.html" style="width:100%;height:60px;border:0" scrolling="no"></iframe>
<iframe id="t09" src="/tables/09.html" style="width:100%;height:60px;border:0" scrolling="no"></iframe>
${EMBED_HOST_SNIPPET}</body>`;
    const pages: Record<string, string> = { '/': host, '/tables/05.html': embed('05'), '/tables/09.html': embed('09') };
    server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  for (const width of [1280, 390]) {
    it(`resizes each iframe to its content at ${width} px`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${base}/`);
      // Browser-side code as strings: this project's TypeScript lib is workerd's, without the DOM.
      await page.waitForFunction(
        `[...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 200)`,
        undefined,
        { timeout: 10_000 },
      );
      const sizes = await page.evaluate<{ frame: number; content: number }[]>(
        `[...document.querySelectorAll('iframe')].map((f) => ({
          frame: Math.round(f.getBoundingClientRect().height),
          content: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height),
        }))`,
      );
      for (const { frame, content } of sizes) expect(Math.abs(frame - content)).toBeLessThanOrEqual(2);
      // Table 05 has 20 rows, 09 one: the frames must differ, not share a fixed height.
      expect(sizes[0].frame).toBeGreaterThan(sizes[1].frame);
      await page.close();
    });
  }
});
