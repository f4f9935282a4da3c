/**
 * The CLI's files are the Worker's responses: each file written by `juesuan render` equals what
 * GET /v1/reports/{id}/{path}?{query} renders — the route's own parseOutputPath, parseRenderParams
 * and relativeLinks, with the Worker's FRAME_ANCESTORS — byte for byte. One difference, spelled
 * out below: a page's links to figure variants (?layout=narrow, ?theme=dark) name the variant files
 * the CLI writes beside the figures, and each of those files is the Worker's answer to that link.
 * A site links only the files it has (tests/cli/site-links.test.ts), so these runs write every
 * format the pages link (HTML, CSV, JSON, Excel, SVG): with fewer, the pages link less than the Worker's.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOutputPath } from '../../src/render/output-path';
import { parseRenderParams } from '../../src/render/render-params';
import { checkReport } from '../../src/audit/check-report';
import type { Model } from '../../src/model/derive';
import { relativeLinks } from '../../src/render/links';
import { renderOutput } from '../../src/render/output';
import { contentId } from '../../src/store/content-id';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { EXAMPLE, readJson, runCli, tempDir } from './helpers';
import { asSite, PAGES_WITH_FIGURES } from './site-variants';

/** What the Worker answers for GET /v1/reports/{id}/{path}?{query} (src/routes/reports.ts), minus KV. */
async function workerBody(model: Model, id: string, pathAndQuery: string): Promise<Uint8Array> {
  const url = new URL(`https://juesuan.test/v1/reports/${id}/${pathAndQuery}`);
  const path = decodeURIComponent(url.pathname.slice(`/v1/reports/${id}/`.length));
  const spec = parseOutputPath(path)!;
  const params = parseRenderParams(url.searchParams, spec);
  const rendered = await renderOutput(model, spec, { params, links: relativeLinks(path), frameAncestors: '*' }, createNodeRuntime());
  return typeof rendered.body === 'string' ? new TextEncoder().encode(rendered.body) : rendered.body;
}

describe('CLI files are byte-identical to the Worker’s responses', () => {
  let model: Model;
  let id: string;
  beforeAll(async () => {
    const result = checkReport(await readJson(EXAMPLE));
    if (!result.ok) throw new Error('example does not parse');
    model = result.model;
    id = await contentId(model.payload);
  });

  it('with default options', async () => {
    const out = await tempDir();
    const run = await runCli(['render', EXAMPLE, '--out', out, '--formats', 'html,csv,json,xlsx,svg']);
    expect(run.code).toBe(0);
    const manifest = await readJson(join(out, 'manifest.json'));
    expect(manifest.reports[0].id).toBe(id);
    for (const path of ['document.html', 'narrative.html', 'glossary.html', 'tables/01.html', 'tables/05.csv', 'tables/06.json', 'tables/05.xlsx', 'workbook.xlsx']) {
      const file = new Uint8Array(await readFile(join(out, 'wuhan-jianghan-cyzx-2024', path)));
      if (path.endsWith('.xlsx')) {
        // A workbook links nothing: the Worker's bytes as they are.
        expect(Buffer.from(file).equals(Buffer.from(await workerBody(model, id, path))), path).toBe(true);
        continue;
      }
      const site = asSite(await workerBody(model, id, path));
      if (PAGES_WITH_FIGURES.includes(path)) expect(site.rewritten, path).toBeGreaterThanOrEqual(3 * 7);
      else expect(site.rewritten, path).toBe(0);
      expect(Buffer.from(file).equals(Buffer.from(site.body)), path).toBe(true);
    }
  });

  it('with --theme dark (HTML gets ?theme=dark; CSV and JSON take no parameters)', async () => {
    const out = await tempDir();
    const run = await runCli(['render', EXAMPLE, '--out', out, '--formats', 'html,csv,json,xlsx,svg', '--theme', 'dark']);
    expect(run.code).toBe(0);
    for (const [path, query] of [
      ['document.html', 'theme=dark'],
      ['tables/03.html', 'theme=dark'],
      ['tables/03.csv', ''],
    ]) {
      const file = new Uint8Array(await readFile(join(out, 'wuhan-jianghan-cyzx-2024', path)));
      const site = asSite(await workerBody(model, id, query ? `${path}?${query}` : path));
      if (PAGES_WITH_FIGURES.includes(path)) expect(site.rewritten, path).toBeGreaterThanOrEqual(2 * 7);
      expect(Buffer.from(file).equals(Buffer.from(site.body)), path).toBe(true);
    }
  });

  const QUERY_FOR_FILE: Record<string, string> = { narrow: 'layout=narrow', dark: 'theme=dark', 'narrow.dark': 'layout=narrow&theme=dark', light: 'theme=light' };

  for (const theme of ['auto', 'dark']) {
    it(`figure variants (--theme ${theme}): each file is the Worker’s answer to the link its page makes; pages differ only in how they write it`, async () => {
      const out = await tempDir();
      const run = await runCli(['render', EXAMPLE, '--out', out, '--formats', 'html,svg,csv,json,xlsx', '--theme', theme]);
      expect(run.code).toBe(0);
      const dir = join(out, 'wuhan-jianghan-cyzx-2024');
      const pageQuery = theme === 'dark' ? '?theme=dark' : '';
      for (const page of ['document.html', 'narrative.html']) {
        const file = new Uint8Array(await readFile(join(dir, page)));
        const site = asSite(await workerBody(model, id, `${page}${pageQuery}`));
        expect(site.rewritten, page).toBeGreaterThanOrEqual(2 * 7);
        expect(Buffer.from(file).equals(Buffer.from(site.body)), page).toBe(true);
      }
      const variants = (await readdir(join(dir, 'figures'))).filter((name) => /^\d+\.(narrow|dark|narrow\.dark|light)\.svg$/.test(name));
      // auto: narrow, dark and both for each of 7 figures; dark: the two dark ones and the light one it prints.
      expect(variants.length).toBe(21);
      if (theme === 'dark') expect(variants.filter((name) => name.endsWith('.light.svg')).length).toBe(7);
      for (const name of variants) {
        const [, figure, variant] = /^(\d+)\.(.+)\.svg$/.exec(name)!;
        const file = new Uint8Array(await readFile(join(dir, 'figures', name)));
        const body = await workerBody(model, id, `figures/${figure}.svg?${QUERY_FOR_FILE[variant]}`);
        expect(Buffer.from(file).equals(Buffer.from(body)), name).toBe(true);
      }
    });
  }
});
