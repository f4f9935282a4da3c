import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { byteString } from '../bytes';
import app from '../../src/index';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-2-bbbbbbbbbbbb';

function publish(body: unknown, token: string | null = TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return SELF.fetch(`${ORIGIN}/v1/reports`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function variant(slug: string, change: (p: any) => void = () => {}) {
  const p = structuredClone(example) as any;
  p.meta.slug = slug;
  change(p);
  return p;
}

interface Published {
  id: string;
  alias: string;
  created: boolean;
  latest: string;
  findings: unknown[];
  urls: { byId: Record<string, any>; byAlias: Record<string, any> };
}

describe('publishing', () => {
  it('refuses without a token or with a wrong one (401 problem+json)', async () => {
    for (const token of [null, 'wrong-token-cccccccccccc', '']) {
      const res = await publish(example, token);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('stores immutably under a content id; the same payload twice gives the same id', async () => {
    const first = await publish(variant('same-twice'));
    expect(first.status).toBe(201);
    const a = (await first.json()) as Published;
    expect(a.id).toMatch(/^[0-9a-f]{24}$/);
    expect(a.alias).toBe('same-twice-2024');
    const stored = await env.REPORTS.get(`payload:${a.id}`);
    const second = await publish(variant('same-twice'));
    expect(second.status).toBe(200);
    const b = (await second.json()) as Published;
    expect(b.id).toBe(a.id);
    expect(b.created).toBe(false);
    // Nothing was overwritten: the stored record (with its publishedAt) is byte-identical.
    expect(await env.REPORTS.get(`payload:${a.id}`)).toBe(stored);
  });

  it('a new version under the same alias leaves the old id readable', async () => {
    const v1 = (await (await publish(variant('versions'))).json()) as Published;
    const v2 = (await (await publish(variant('versions', (p) => (p.meta.contactPhone = '027-00000000')))).json()) as Published;
    expect(v2.id).not.toBe(v1.id);
    expect(v2.latest).toBe(v2.id);
    const byAlias = await SELF.fetch(`${ORIGIN}/v1/reports/versions-2024`);
    expect(byAlias.headers.get('x-content-id')).toBe(v2.id);
    expect(((await byAlias.json()) as any).meta.contactPhone).toBe('027-00000000');
    const old = await SELF.fetch(`${ORIGIN}/v1/reports/${v1.id}`);
    expect(old.status).toBe(200);
    expect(((await old.json()) as any).meta.contactPhone).toBe('027-85481838');
    const list = (await (await SELF.fetch(`${ORIGIN}/v1/reports`)).json()) as { reports: { alias: string; versions: number }[] };
    expect(list.reports.find((r) => r.alias === 'versions-2024')?.versions).toBe(2);
  });

  it('answers an audit error with 422 and stores nothing', async () => {
    const bad = variant('bad-audit', (p) => (p.tables.gpbExpense.total.total = '1.00'));
    const res = await publish(bad);
    expect(res.status).toBe(422);
    expect((await env.REPORTS.list({ prefix: 'alias:bad-audit' })).keys).toEqual([]);
  });
});

describe('reading a published report', () => {
  it('serves every URL; a second read is a KV HIT; If-None-Match gives 304', async () => {
    const res = await publish(variant('read-all'));
    const body = (await res.json()) as Published;
    const urls = body.urls.byId;
    const targets: string[] = [urls.document, urls.narrative, urls.glossary];
    for (const t of Object.values(urls.tables) as Record<string, string>[]) targets.push(t.html, t.csv, t.json);
    for (const f of Object.values(urls.figures) as Record<string, string>[]) targets.push(f.svg);
    targets.push((Object.values(urls.figures)[0] as Record<string, string>).png, urls.tables['01'].png);
    expect(targets.length).toBeGreaterThan(30);
    for (const url of targets) {
      const first = await SELF.fetch(url);
      expect(first.status, url).toBe(200);
      expect(first.headers.get('x-cache'), url).toBe('MISS');
      expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = first.headers.get('etag')!;
      const bytes = new Uint8Array(await first.arrayBuffer());
      const second = await SELF.fetch(url);
      expect(second.headers.get('x-cache'), url).toBe('HIT');
      expect(byteString(new Uint8Array(await second.arrayBuffer())), url).toBe(byteString(bytes));
      const third = await SELF.fetch(url, { headers: { 'if-none-match': etag } });
      expect(third.status, url).toBe(304);
    }
    const alias = await SELF.fetch(body.urls.byAlias.document);
    expect(alias.status).toBe(200);
    expect(alias.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(await SELF.fetch(body.urls.byAlias.document, { headers: { 'if-none-match': alias.headers.get('etag')! } }).then((r) => r.status)).toBe(304);
  });

  it('validates ids, aliases and parameters before they reach KV', async () => {
    for (const path of ['/v1/reports/alias:x', '/v1/reports/..%2Fpayload', '/v1/reports/ABC', '/v1/reports/nope-2024/document.html']) {
      const res = await SELF.fetch(ORIGIN + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const { urls } = (await (await publish(variant('params'))).json()) as Published;
    for (const query of ['?width=10', '?scale=9', '?theme=neon', '?width=abc', '?bogus=1', '?width=800&width=900']) {
      const res = await SELF.fetch(urls.byId.figures['1'].png + query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const unknownTable = await SELF.fetch(urls.byId.document.replace('document.html', 'tables/10.html'));
    expect(unknownTable.status).toBe(404);
    const script = await SELF.fetch(`${urls.byId.document}?theme=<script>`);
    expect(await script.text()).not.toContain('<script>');
  });

  it('rejects bodies over 1 MiB with 413', async () => {
    const res = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ ...example, pad: 'x'.repeat(1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });
});

describe('the render cache', () => {
  it('stateless renders are cached by content id in the edge cache (not KV)', async () => {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(variant('stateless')) };
    const first = await SELF.fetch(`${ORIGIN}/v1/render/tables/05.html`, init);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const second = await SELF.fetch(`${ORIGIN}/v1/render/tables/05.html`, init);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
  });

  it('a failing KV binding still renders', async () => {
    const broken = {
      get: async () => { throw new Error('KV down'); },
      getWithMetadata: async () => { throw new Error('KV down'); },
      put: async () => { throw new Error('KV down'); },
      list: async () => { throw new Error('KV down'); },
    } as unknown as KVNamespace;
    const res = await app.request(
      '/v1/render/tables/05.csv',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) },
      { ...env, REPORTS: broken },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBe('MISS');
    expect(await res.text()).toContain('1519.58');
    const png = await app.request(
      '/v1/render/figures/1.png',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) },
      { ...env, REPORTS: broken },
    );
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
  });
});
