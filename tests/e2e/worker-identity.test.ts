/**
 * The real thing: the Worker running in workerd (wrangler dev, offline, on 127.0.0.1) against the
 * CLI. `juesuan publish` stores the reference example, `juesuan render` writes the static site,
 * and every file must equal GET /v1/reports/{id}/{path} byte for byte — PNGs and SVGs included.
 * The Worker is the e2e project's one `wrangler dev` (global-setup.ts).
 * Set JUESUAN_SKIP_LIVE=1 to skip (e.g. where wrangler cannot start).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { querySearch, renderOptions } from '../../src/cli/render-options';
import { parseOutputPath } from '../../src/render/output-path';
import { openApiJson } from '../../src/http/openapi';
import { EXAMPLE as REFERENCE, readJson, runCli, tempDir } from '../cli/helpers';
import { asSite, PAGES_WITH_FIGURES } from '../cli/site-variants';
import { liveWorker } from './live-worker';

/**
 * The reference example under a slug of its own: the e2e files share one Worker and its KV, and the
 * workbench test publishes the example itself and expects its alias to be new.
 */
const SLUG = 'wuhan-jianghan-cyzx-cli';
const ALIAS = `${SLUG}-2024`;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function get(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

describe.skipIf(process.env.JUESUAN_SKIP_LIVE === '1')('CLI output equals the running Worker’s responses', () => {
  let base: string;
  let TOKEN: string;
  let id: string;
  let EXAMPLE: string;

  beforeAll(async () => {
    ({ base, token: TOKEN } = liveWorker());
    const payload = JSON.parse(await readFile(REFERENCE, 'utf8'));
    payload.meta.slug = SLUG;
    EXAMPLE = join(await tempDir('juesuan-e2e-'), `${ALIAS}.json`);
    await writeFile(EXAMPLE, JSON.stringify(payload, null, 2));
  });

  it('juesuan publish stores the example and prints its alias and document URL', async () => {
    const run = await runCli(['publish', EXAMPLE, '--url', base, '--json'], { env: { JUESUAN_TOKEN: TOKEN }, spawn: true });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [result] = JSON.parse(run.stdout).results;
    expect(result).toMatchObject({ ok: true, alias: ALIAS, document: `${base}/v1/reports/${ALIAS}/document.html` });
    id = result.id;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('GET /v1/openapi.json is the document Node builds, byte for byte; the reference page and its files are served', async () => {
    expect(Buffer.from(await get(`${base}/v1/openapi.json`)).toString('utf8')).toBe(openApiJson());
    const page = await fetch(`${base}/docs/api`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const [, file] of html.matchAll(/(?:src|href)="(\/docs\/api\/[^"]+)"/g)) expect((await get(`${base}${file}`)).byteLength, file).toBeGreaterThan(100);
  });

  it('a body refused as too large (413) leaves the connection usable: the next request is answered, not 503', async () => {
    const example = await readFile(EXAMPLE, 'utf8');
    const oversized = JSON.stringify({ ...JSON.parse(example), $schema: 'x'.repeat(1024 * 1024) });
    for (let round = 0; round < 3; round++) {
      const refused = await fetch(`${base}/v1/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: oversized });
      expect(refused.status).toBe(413);
      await refused.text();
      const next = await fetch(`${base}/v1/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: example });
      expect(next.status, await next.text()).toBe(200);
    }
  });

  it('juesuan render (all formats) writes what the Worker answers: every page, CSV and JSON, and sampled PNGs and SVGs', async () => {
    const out = await tempDir();
    const run = await runCli(['render', EXAMPLE, '--out', out], { spawn: true });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const manifest = await readJson(join(out, 'manifest.json'));
    const [report] = manifest.reports;
    expect(report.id).toBe(id);
    const paths: string[] = report.files.map((f: { path: string }) => f.path).filter((p: string) => p !== 'payload.json');
    expect(paths.filter((p) => p.endsWith('.png')).length).toBeGreaterThanOrEqual(9 + 1);
    // Every page, CSV and JSON; images by sample (each costs a render in workerd).
    const images = ['tables/01.png', 'tables/05.svg', 'figures/1.png', 'figures/2.svg', 'figures/3.png'];
    const compared = paths.filter((p) => /\.(html|csv|json|xlsx)$/.test(p) || images.includes(p));
    // 3 pages, 9 tables as HTML, CSV, JSON and Excel, the workbook of all tables, the sampled images.
    expect(compared.length).toBe(3 + 9 * 4 + 1 + images.length);
    expect(compared).toContain('workbook.xlsx');
    const differing: string[] = [];
    for (const path of compared) {
      const file = new Uint8Array(await readFile(join(out, ALIAS, path)));
      if (path.endsWith('.png')) expect([...file.subarray(0, 8)], path).toEqual(PNG);
      let body = await get(`${base}/v1/reports/${id}/${path}`);
      if (PAGES_WITH_FIGURES.includes(path)) {
        const site = asSite(body);
        expect(site.rewritten, path).toBeGreaterThanOrEqual(3 * 7);
        body = site.body;
      }
      if (!Buffer.from(file).equals(Buffer.from(body))) differing.push(path);
    }
    expect(differing).toEqual([]);
    // Each figure variant file a page links is the Worker's answer to that link.
    for (const [file, query] of [['figures/1.narrow.svg', 'layout=narrow'], ['figures/3.dark.svg', 'theme=dark'], ['figures/5.narrow.dark.svg', 'layout=narrow&theme=dark']]) {
      const bytes = new Uint8Array(await readFile(join(out, ALIAS, file)));
      const body = await get(`${base}/v1/reports/${id}/${file.replace(/\.(narrow\.dark|narrow|dark)\.svg$/, '.svg')}?${query}`);
      expect(Buffer.from(bytes).equals(Buffer.from(body)), `${file} = ?${query}`).toBe(true);
    }
  });

  it('with options, each file equals the Worker’s response to the URL with those parameters', async () => {
    const out = await tempDir();
    const flags = ['--theme', 'dark', '--width', '1000', '--height', '600', '--background', 'transparent', '--scale', '1.5'];
    // Every format the pages link: a site links only the files it has (tests/cli/site-links.test.ts).
    const run = await runCli(['render', EXAMPLE, '--out', out, '--formats', 'html,svg,csv,json,xlsx', ...flags]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const options = renderOptions({ formats: 'html,svg,csv,json,xlsx', theme: 'dark', width: '1000', height: '600', background: 'transparent', scale: '1.5' });
    for (const path of ['document.html', 'tables/05.html', 'tables/05.svg', 'figures/2.svg']) {
      const query = querySearch(options.query, parseOutputPath(path)!).toString();
      const file = new Uint8Array(await readFile(join(out, ALIAS, path)));
      const site = asSite(await get(`${base}/v1/reports/${ALIAS}/${path}${query ? `?${query}` : ''}`));
      if (PAGES_WITH_FIGURES.includes(path)) expect(site.rewritten, path).toBeGreaterThanOrEqual(2 * 7);
      expect(Buffer.from(file).equals(Buffer.from(site.body)), `${path}?${query}`).toBe(true);
    }
  });
});
