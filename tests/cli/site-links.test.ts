/**
 * A static site written by `juesuan render` is served by a plain file server, which ignores query
 * strings: every relative src, srcset and href of its pages must name a file in the output folder —
 * the narrow and dark figure drawings the <picture> sources pick on phones and in dark mode included.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, runCli, tempDir } from './helpers';

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

  it('a later run with another theme removes the variant files its pages no longer link', async () => {
    const run = await runCli(['render', EXAMPLE, '--out', darkOut, '--formats', 'html,svg,csv,json,xlsx', '--theme', 'light']);
    expect(run.code, run.stderr).toBe(0);
    const figures = await readdir(join(darkOut, ALIAS, 'figures'));
    expect(figures.filter((name) => name.includes('.dark.'))).toEqual([]);
    expect(figures).toContain('1.narrow.svg');
    expect((await missing(darkOut, `${ALIAS}/document.html`)).missing).toEqual([]);
  });
});
