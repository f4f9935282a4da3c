/**
 * The API reference page (public/docs/api/, Swagger UI copied there by scripts/prepare-assets.mjs)
 * in a real browser, under the policy the Worker sends with it: it draws every operation of
 * /v1/openapi.json, with no script error or policy violation, and asks nothing of another origin.
 * Needs Debian's chromium (apt-get install chromium fonts-noto-cjk; .ci/run installs it): fails without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openApiJson } from '../../src/http/openapi';
import { DOCS_CSP } from '../../src/routes/api-docs';
import { FAVICON_SVG } from '../../src/render/html/page';
import { launchChromium } from './browser';

const DIR = 'public/docs/api';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

describe('the API reference page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/favicon.ico') {
        res.writeHead(200, { 'content-type': 'image/svg+xml' });
        res.end(FAVICON_SVG);
        return;
      }
      if (path === '/v1/openapi.json') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(openApiJson());
        return;
      }
      const file = path === '/docs/api' ? `${DIR}/index.html` : path.startsWith('/docs/api/') ? `${DIR}/${path.slice(10)}` : '';
      if (!file || file.includes('..') || !existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': DOCS_CSP });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A public-looking host name: Swagger UI behaves differently on localhost (its online validator
    // badge, for one, is only asked for on other hosts). Every other name resolves nowhere.
    base = `http://juesuan.test:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium(['--host-resolver-rules=MAP juesuan.test 127.0.0.1, MAP * ~NOTFOUND']);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('draws every operation, without errors, asking only this origin', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/docs/api`);
    const doc = JSON.parse(openApiJson());
    const operations = Object.values<Record<string, unknown>>(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    await page.waitForFunction(`document.querySelectorAll('.opblock').length === ${operations}`, undefined, { timeout: 20_000 });
    expect(await page.textContent('.info .title')).toContain(doc.info.title);
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(requests).toContain(`${base}/v1/openapi.json`);
    await page.close();
  });
});
