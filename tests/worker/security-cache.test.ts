/**
 * Issue 14, items 1 and 5: nothing a client sends without a token can change what a published
 * report URL serves, and stateless renders never write to KV.
 */
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { byteString } from '../bytes';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';
import { checkReport } from '../../src/audit/check-report';
import { renderOutput, type OutputSpec } from '../../src/render/output';
import { relativeLinks } from '../../src/render/links';
import { parseOutputPath, outputPath } from '../../src/render/output-path';
import { parseRenderParams } from '../../src/render/render-params';
import { contentId } from '../../src/store/content-id';
import { createWorkerdRuntime } from '../../src/runtime/figure-runtime.workerd';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';

function variant(slug: string) {
  const p = structuredClone(example) as any;
  p.meta.slug = slug;
  return p;
}

async function publish(payload: unknown): Promise<string> {
  const res = await SELF.fetch(`${ORIGIN}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(payload),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const stateless = (payload: unknown, output: string) =>
  SELF.fetch(`${ORIGIN}/v1/render/${output}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

/** A fresh render, straight from the core, with no cache in between. */
async function fresh(payload: unknown, output: string, linked: boolean): Promise<Uint8Array> {
  const result = checkReport(payload);
  if (!result.ok) throw new Error('example must parse');
  const spec = parseOutputPath(output.split('?')[0]) as OutputSpec;
  const params = parseRenderParams(new URLSearchParams(output.split('?')[1] ?? ''), spec);
  const links = linked ? relativeLinks(outputPath(spec)) : undefined;
  const out = await renderOutput(result.model, spec, { params, links }, createWorkerdRuntime(env));
  return typeof out.body === 'string' ? new TextEncoder().encode(out.body) : out.body;
}

const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const same = byteString;

// One output of every kind. Images, CSV and JSON are the same bytes in both link modes; pages are not,
// so they are also checked in the other order (where the inline render is the costly side).
const OUTPUTS = ['document.html', 'narrative.html', 'glossary.html', 'tables/05.html', 'tables/05.csv', 'tables/05.json', 'tables/01.svg', 'figures/1.svg', 'figures/2.png?width=400&height=300'];
// narrative.html is checked in the first order only (its GET after a POST): an inline render costs
// seconds, and the other order goes through the same key as document.html's, checked in both.
const PAGES = ['document.html', 'glossary.html', 'tables/05.html?embed=1', 'figures/1.svg'];

describe('cache poisoning (stateless renders vs published URLs)', () => {
  // Whichever side comes second is the one a shared key would poison: it must equal a fresh render
  // from the core, and the first side must still answer its own bytes once both caches are warm.
  for (const [order, slug] of [['stateless first', 'poison-a'], ['published first', 'poison-b']] as const) {
    it(`${order}: the second side serves exactly what a fresh render gives`, { timeout: 180_000 }, async () => {
      const payload = variant(slug);
      const id = await publish(payload);
      for (const output of order === 'stateless first' ? OUTPUTS : PAGES) {
        const getReport = () => SELF.fetch(`${ORIGIN}/v1/reports/${id}/${output}`);
        const post = () => stateless(payload, output);
        if (order === 'stateless first') {
          const postRes = await post();
          expect(postRes.status, output).toBe(200);
          const inline = await bytes(postRes);
          const getRes = await getReport();
          expect(getRes.status, output).toBe(200);
          expect(getRes.headers.get('x-cache'), output).toBe('MISS');
          const linked = await bytes(getRes);
          expect(same(linked), `GET ${output} after a POST`).toBe(same(await fresh(payload, output, true)));
          expect(same(await bytes(await post())), `POST again ${output}`).toBe(same(inline));
          expect(same(await bytes(await getReport())), `GET again ${output}`).toBe(same(linked));
        } else {
          const getRes = await getReport();
          expect(getRes.status, output).toBe(200);
          const linked = await bytes(getRes);
          const postRes = await post();
          expect(postRes.status, output).toBe(200);
          expect(postRes.headers.get('x-cache'), output).toBe('MISS');
          const inline = await bytes(postRes);
          expect(same(inline), `POST ${output} after a GET`).toBe(same(await fresh(payload, output, false)));
          expect(same(await bytes(await getReport())), `GET again ${output}`).toBe(same(linked));
          expect(same(await bytes(await post())), `POST again ${output}`).toBe(same(inline));
        }
      }
    });
  }

  it('the published document links its figures, the stateless one inlines them, and their ETags differ', async () => {
    const payload = variant('poison-etag');
    const id = await publish(payload);
    const post = await stateless(payload, 'document.html');
    const get = await SELF.fetch(`${ORIGIN}/v1/reports/${id}/document.html`);
    expect(post.headers.get('etag')).not.toBe(get.headers.get('etag'));
    expect(await get.text()).toContain('figures/1.svg');
    expect(await post.text()).not.toContain('figures/1.svg');
  });
});

describe('stateless renders do not fill KV', () => {
  it('many different stateless renders write no KV key; a repeat is served from the edge cache', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const checked = checkReport(variant(`kv-fill-${i}`));
      if (!checked.ok) throw new Error('variant must parse');
      ids.push(await contentId(checked.model.payload));
      const res = await stateless(variant(`kv-fill-${i}`), 'tables/05.csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBe('MISS');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const repeat = await stateless(variant('kv-fill-0'), 'tables/05.csv');
    expect(repeat.headers.get('x-cache')).toBe('HIT');
    // Let any background write finish, then look at every key: none mentions these payloads.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const keys = (await env.REPORTS.list()).keys.map((k) => k.name);
    expect(keys.filter((key) => ids.some((id) => key.includes(id)))).toEqual([]);
  });
});
