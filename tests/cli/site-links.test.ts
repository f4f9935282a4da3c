/**
 * A static site written by `juesuan render` is served by a plain file server, which ignores query
 * strings: every relative src, srcset and href of its pages must name a file in the output folder —
 * the narrow and dark figure drawings the <picture> sources pick on phones and in dark mode included.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { manyRows } from '../fuzz/many-rows';
import { EXAMPLE, readJson, runCli, tempDir } from './helpers';

const ALIAS = 'wuhan-jianghan-cyzx-2024';

/** The relative addresses a page refers to (src, srcset candidates, href), without fragments. */
function references(html: string): string[] {
  const refs: string[] = [];
  for (const [, attr, value] of html.matchAll(/\s(src|srcset|href)="([^"]*)"/g)) {
    const decoded = value.replace(/&amp;/g, '&');
    const urls = attr === 'srcset' ? decoded.split(',').map((c) => c.trim().split(/\s+/)[0]) : [decoded];
    for (const url of urls) {
      if (url === '' || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) continue;
      refs.push(url.replace(/#.*$/, ''));
    }
  }
  return refs;
}

/** The references of `page` (relative to `out`) that name no file in `out`. */
async function missing(out: string, page: string): Promise<{ refs: string[]; missing: string[] }> {
  const html = await readFile(join(out, page), 'utf8');
  const refs = references(html);
  const missing = refs.filter((ref) => {
    if (ref.includes('?')) return true; // a file server would ignore the query: the wrong drawing
    const target = join(out, dirname(page), decodeURIComponent(ref));
    return relative(out, target).startsWith('..') || !existsSync(target);
  });
  return { refs, missing };
}

/** Every HTML page the run wrote (index.html and each report's pages), relative to `out`. */
async function pagesOf(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(out, join(e.parentPath, e.name)))
    .sort();
}

/** Each written page's references that name no written file: `page -> [ref]`, empty for a sound site. */
async function deadLinks(out: string): Promise<{ pages: string[]; dead: Record<string, string[]> }> {
  const pages = await pagesOf(out);
  const dead: Record<string, string[]> = {};
  for (const page of pages) {
    const { missing: absent } = await missing(out, page);
    if (absent.length) dead[page] = absent;
  }
  return { pages, dead };
}

describe('a static site’s pages refer only to files in the site', () => {
  let out: string;
  let darkOut: string;
  beforeAll(async () => {
    out = await tempDir();
    darkOut = await tempDir();
    const runs = await Promise.all([
      runCli(['render', EXAMPLE, '--out', out]),
      runCli(['render', EXAMPLE, '--out', darkOut, '--formats', 'html,svg,csv,json,xlsx', '--theme', 'dark']),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  }, 60_000);

  it('document.html with every format: figures, their narrow and dark drawings, tables', async () => {
    const { refs, missing: absent } = await missing(out, `${ALIAS}/document.html`);
    expect(absent).toEqual([]);
    // The proof covers what phones and dark mode load, not just the plain drawings.
    for (const variant of ['figures/1.narrow.svg', 'figures/1.dark.svg', 'figures/1.narrow.dark.svg', 'figures/1.svg']) {
      expect(refs, variant).toContain(variant);
    }
  });

  it('every href, src and srcset of every written page names a written file (all formats)', async () => {
    const { pages, dead } = await deadLinks(out);
    expect(pages.length).toBeGreaterThan(10);
    expect(dead).toEqual({});
  });

  it('情况说明, 名词解释 and table pages opened on their own link to the whole document', async () => {
    for (const [page, href] of [
      [`${ALIAS}/narrative.html`, 'document.html'],
      [`${ALIAS}/glossary.html`, 'document.html'],
      [`${ALIAS}/tables/05.html`, '../document.html'],
    ]) {
      const html = await readFile(join(out, page), 'utf8');
      expect(html, page).toMatch(new RegExp(`<header class="chrome"><span class="site">2024 年度武汉市江汉区城市运行管理中心 部门决算公开</span><a href="${href.replace(/\./g, '\\.')}">查看完整公开文档</a></header>`));
    }
  });

  it('the other pages and the site index', async () => {
    for (const page of ['index.html', `${ALIAS}/narrative.html`, `${ALIAS}/glossary.html`, `${ALIAS}/tables/01.html`]) {
      const { refs, missing: absent } = await missing(out, page);
      expect(absent, page).toEqual([]);
      if (page === 'index.html') expect(refs.length, page).toBeGreaterThan(50);
    }
    expect((await missing(out, `${ALIAS}/narrative.html`)).refs).toContain('figures/7.narrow.dark.svg');
  });

  it('with --theme dark: the dark screen drawings, and no light narrow drawing nobody loads', async () => {
    const { refs, missing: absent } = await missing(darkOut, `${ALIAS}/document.html`);
    expect(absent).toEqual([]);
    expect(refs).toContain('figures/1.narrow.dark.svg');
    expect(refs).toContain('figures/1.dark.svg');
    // A dark page shows no light narrow drawing, so none is written.
    expect(existsSync(join(darkOut, ALIAS, 'figures/1.narrow.svg'))).toBe(false);
  });

  it('with --theme dark, print gets the light drawings: each print-only image is the light figure, not the dark one', async () => {
    for (const page of [`${ALIAS}/document.html`, `${ALIAS}/narrative.html`]) {
      const html = await readFile(join(darkOut, page), 'utf8');
      const prints = [...html.matchAll(/<img class="print-only" src="figures\/(\d+)\.([a-z.]*)svg"/g)];
      expect(prints.length, page).toBe(7);
      for (const [, id, suffix] of prints) {
        const printed = await readFile(join(darkOut, ALIAS, `figures/${id}.${suffix}svg`));
        // The default site's plain figure is the light drawing; the dark site's plain one is dark.
        expect(printed.equals(await readFile(join(out, ALIAS, `figures/${id}.svg`))), `${page}: figure ${id}`).toBe(true);
        expect(printed.equals(await readFile(join(darkOut, ALIAS, `figures/${id}.dark.svg`))), `${page}: figure ${id}`).toBe(false);
      }
    }
  });

  it('a later run with another theme removes the variant files its pages no longer link', async () => {
    const run = await runCli(['render', EXAMPLE, '--out', darkOut, '--formats', 'html,svg,csv,json,xlsx', '--theme', 'light']);
    expect(run.code, run.stderr).toBe(0);
    const figures = await readdir(join(darkOut, ALIAS, 'figures'));
    expect(figures.filter((name) => name.includes('.dark.') || name.includes('.light.'))).toEqual([]);
    expect(figures).toContain('1.narrow.svg');
    expect((await missing(darkOut, `${ALIAS}/document.html`)).missing).toEqual([]);
  });
});

describe('a site written with only some --formats links only the files it has', () => {
  it('html,csv: no page or index links JSON, Excel, SVG or PNG; the figures are written out as text', async () => {
    const out = await tempDir();
    const run = await runCli(['render', EXAMPLE, '--out', out, '--formats', 'html,csv']);
    expect(run.code, run.stderr).toBe(0);
    const { pages, dead } = await deadLinks(out);
    expect(pages).toContain(`${ALIAS}/tables/05.html`);
    expect(dead).toEqual({});
    // What is there is still linked.
    const table = await readFile(join(out, ALIAS, 'tables/05.html'), 'utf8');
    expect(table).toContain('href="../tables/05.csv"');
    expect(table).not.toContain('05.json');
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain(`href="${ALIAS}/tables/05.csv"`);
    expect(index).toMatch(/本站只生成了 网页、CSV 格式，未生成 JSON、PNG、SVG、Excel/);
    const document = await readFile(join(out, ALIAS, 'document.html'), 'utf8');
    expect(document).toContain('class="chart chart-text" id="figure-1"');
  }, 60_000);

  it('html,json,png: tables link JSON only, figures show their PNG', async () => {
    const out = await tempDir();
    const run = await runCli(['render', EXAMPLE, '--out', out, '--formats', 'html,json,png']);
    expect(run.code, run.stderr).toBe(0);
    expect((await deadLinks(out)).dead).toEqual({});
    const document = await readFile(join(out, ALIAS, 'document.html'), 'utf8');
    expect(document).toContain('<img src="figures/1.png"');
    expect(document).not.toContain('.svg"');
  }, 60_000);
});

describe('images refused as too large are neither linked nor silently missing', () => {
  it('the index links the tables’ HTML, CSV and JSON only, and says in Chinese which images were not made and why', async () => {
    const dir = await tempDir();
    const out = await tempDir();
    const source = join(dir, 'many-rows.json');
    await writeFile(source, JSON.stringify(manyRows(400, 1.5, 'many-rows')));
    const run = await runCli(['render', source, '--out', out, '--formats', 'html,csv,json,svg']);
    expect(run.code, run.stderr).toBe(0);
    const alias = (await readJson(join(out, 'manifest.json'))).reports[0].alias as string;
    expect(existsSync(join(out, alias, 'tables/05.svg'))).toBe(false);
    expect(existsSync(join(out, alias, 'tables/01.svg'))).toBe(true);
    expect((await deadLinks(out)).dead).toEqual({});
    const index = await readFile(join(out, 'index.html'), 'utf8');
    expect(index).toContain(`href="${alias}/tables/01.svg"`);
    expect(index).toContain(`href="${alias}/tables/05.csv"`);
    expect(index).not.toContain(`href="${alias}/tables/05.svg"`);
    expect(index).toMatch(/以下文件未生成[\s\S]*<code>tables\/05\.svg<\/code>：[^<]*超出表格图片的上限/);
    const manifest = await readJson(join(out, 'manifest.json'));
    expect(manifest.reports[0].skipped.map((s: { path: string }) => s.path)).toContain('tables/05.svg');
    // A second run keeps the files and still says so.
    const again = await runCli(['render', source, '--out', out, '--formats', 'html,csv,json,svg']);
    expect(again.code, again.stderr).toBe(0);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(index);
  }, 60_000);
});
