/**
 * Issue 14, items 2, 3 and 6: one request cannot make the Worker do unbounded work, answer with an
 * unbounded body, or crash; the small protocol details of a careful HTTP API hold.
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import minimal from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';
import { manyRows } from '../fuzz/many-rows';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';

const post = (path: string, body: unknown) =>
  SELF.fetch(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('work bounds of images (item 2)', () => {
  it('a table image of more rows than the limit is refused with 422 before any drawing; its HTML/CSV still render', async () => {
    const payload = manyRows(400);
    const valid = await post('/v1/validate', payload);
    expect(valid.status).toBe(200);
    for (const output of ['tables/05.svg', 'tables/05.png?height=500', 'tables/03.png?width=200&height=200', 'tables/02.svg?height=4000']) {
      const started = Date.now();
      const res = await post(`/v1/render/${output}`, payload);
      expect(res.status, output).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { type: string; detail: string };
      expect(problem.type).toMatch(/output-too-large$/);
      expect(problem.detail).toContain('300 行');
      // Refused before layout: far below the seconds a drawing of 400 rows takes.
      expect(Date.now() - started, output).toBeLessThan(5_000);
    }
    const html = await post('/v1/render/tables/05.html', payload);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('测试科目399');
    expect((await post('/v1/render/tables/05.csv', payload)).status).toBe(200);
    // Tables within the limit still draw.
    expect((await post('/v1/render/tables/06.png', payload)).status).toBe(200);
  });

  it('the index links only the table images the Worker serves, and says in Chinese why the others are not offered', async () => {
    const published = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(manyRows(400, 1.5, 'many-rows-index')),
    });
    expect(published.status).toBe(201);
    const index = await (await SELF.fetch(`${ORIGIN}/`)).text();
    const base = '/v1/reports/many-rows-index-2024/';
    const item = (no: string) => index.match(new RegExp(`<li>公开${no}表[^<]*：(.*?)</li>`))?.[1] ?? '';
    for (const no of ['02', '03', '05']) {
      expect(item(no), no).toContain(`href="${base}tables/${no}.html"`);
      expect(item(no), no).not.toMatch(/\.(png|svg)"/);
      for (const format of ['png', 'svg']) {
        expect(index).toContain(`<li><code>tables/${no}.${format}</code>：`);
        // What the page leaves out, the Worker indeed refuses.
        expect((await SELF.fetch(`${ORIGIN}${base}tables/${no}.${format}`)).status).toBe(422);
      }
    }
    expect(index).toContain('以下文件不提供：');
    expect(index).toContain('超出表格图片的上限（300 行');
    // Tables within the bounds keep their images, and the Worker serves them.
    expect(item('06')).toContain(`href="${base}tables/06.png"`);
    expect(item('06')).toContain(`href="${base}tables/06.svg"`);
    expect((await SELF.fetch(`${ORIGIN}${base}tables/06.svg`)).status).toBe(200);
  });

  it('the publish answer and outputs.json list only the outputs the Worker serves, and the refused ones with the reason', async () => {
    const published = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(manyRows(400, 1.5, 'many-rows-urls')),
    });
    expect(published.status).toBe(201);
    type Urls = { tables: Record<string, Record<string, string>>; refused: { path: string; reason: string }[] };
    const answer = (await published.json()) as { id: string; urls: { byId: Urls; byAlias: Urls } };
    const refusedPaths = ['02', '03', '05'].flatMap((no) => [`tables/${no}.png`, `tables/${no}.svg`]);
    for (const [ref, urls] of [[answer.id, answer.urls.byId], ['many-rows-urls-2024', answer.urls.byAlias]] as const) {
      expect(urls.refused.map((r) => r.path).sort()).toEqual(refusedPaths.sort());
      for (const r of urls.refused) expect(r.reason, r.path).toContain('超出表格图片的上限（300 行');
      for (const no of ['02', '03', '05']) expect(Object.keys(urls.tables[no]).sort(), no).toEqual(['csv', 'html', 'json', 'xlsx']);
      expect(Object.keys(urls.tables['06']).sort()).toEqual(['csv', 'html', 'json', 'png', 'svg', 'xlsx']);
      // What the answer leaves out, the Worker indeed refuses; what it lists, it serves.
      for (const path of ['tables/05.png', 'tables/02.svg']) expect((await SELF.fetch(`${ORIGIN}/v1/reports/${ref}/${path}`)).status, path).toBe(422);
      expect((await SELF.fetch(urls.tables['05'].csv)).status).toBe(200);
      expect((await SELF.fetch(urls.tables['06'].svg)).status).toBe(200);
      // The same list, after publishing, for pages that offer a report's outputs (the embed view).
      const outputs = await SELF.fetch(`${ORIGIN}/v1/reports/${ref}/outputs.json`);
      expect(outputs.status).toBe(200);
      expect(outputs.headers.get('x-content-id')).toBe(answer.id);
      expect(await outputs.json()).toEqual(urls);
    }
    expect((await SELF.fetch(`${ORIGIN}/v1/reports/${answer.id}/outputs.json?x=1`)).status).toBe(400);
    expect((await SELF.fetch(`${ORIGIN}/v1/reports/no-such-report-2024/outputs.json`)).status).toBe(404);
  });
});

describe('error amplification (item 3) and refused shapes (item 6)', () => {
  it('120,000 invalid items give one small 422, 300,000 no 500; a list of 900 bad items lists 100 and counts them all', async () => {
    for (const n of [120_000, 300_000]) {
      const payload = structuredClone(minimal) as any;
      payload.meta.subordinateUnits = Array(n).fill(0);
      const res = await post('/v1/validate', payload);
      expect(res.status, String(n)).toBe(422);
      const text = await res.text();
      expect(text.length).toBeLessThan(10_000);
      const problem = JSON.parse(text);
      expect(problem.errors).toEqual([{ path: '/meta/subordinateUnits', message: `条目过多：${n} 项，最多 2000 项` }]);
    }
    const payload = structuredClone(minimal) as any;
    payload.meta.subordinateUnits = Array(900).fill(0);
    const res = await post('/v1/validate', payload);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { path: string }[]; errorCount: number; detail: string };
    expect(problem.errors).toHaveLength(100);
    expect(problem.errorCount).toBe(900);
    expect(problem.detail).toContain('共 900 处错误（errors 列出前 100 处）');
    expect(problem.errors[0].path).toBe('/meta/subordinateUnits/0');
    // Over the list's natural maximum (1,000 下属单位): one problem, the cap.
    payload.meta.subordinateUnits = Array(1_500).fill('某单位');
    const capped = (await (await post('/v1/validate', payload)).json()) as { errors: { path: string; message: string }[] };
    expect(capped.errors).toEqual([{ path: '/meta/subordinateUnits', message: '条目过多（最多 1000 项）' }]);
  });

  it('audit findings in an answer are capped at 100, errors first, with the total', async () => {
    // 150 rows whose 合计 disagrees with their columns: at least one finding each.
    const payload = manyRows(150, 1.5, 'many-findings');
    for (const row of payload.tables.gpbExpense.rows) if (String(row.code).length === 7 && String(row.name).startsWith('测试科目')) row.total = 9;
    const res = await post('/v1/validate', payload);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { findings: { severity: string }[]; findingCount: number };
    expect(problem.findings).toHaveLength(100);
    expect(problem.findingCount).toBeGreaterThanOrEqual(150);
    expect(problem.findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('__proto__, constructor and prototype keys are refused with 422 naming their path, not dropped', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = JSON.stringify(minimal).replace('"meta":{', `"meta":{"${key}":{"polluted":true},`);
      const res = await post('/v1/validate', text);
      expect(res.status, key).toBe(422);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors).toContainEqual({ path: `/meta/${key}`, message: `不允许的字段名“${key}”` });
    }
  });

  it('impossible dates are refused with the field named', async () => {
    for (const date of ['2025-13-45', '2025-02-30', '2023-02-29']) {
      const payload = structuredClone(minimal) as any;
      payload.meta.publishedOn = date;
      const res = await post('/v1/validate', payload);
      expect(res.status, date).toBe(422);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(['/meta/publishedOn']);
      expect(problem.errors[0].message).toContain('日期不存在');
    }
    const leap = structuredClone(minimal) as any;
    leap.meta.publishedOn = '2024-02-29';
    expect((await post('/v1/validate', leap)).status).toBe(200);
  });
});

describe('HTTP details (item 6)', () => {
  it('other methods on a known address get 405 with Allow; unknown addresses stay 404', async () => {
    for (const [method, path, allow] of [
      ['PUT', '/v1/reports', 'GET, HEAD, POST'],
      ['DELETE', '/v1/reports/wuhan-jianghan-cyzx-2024', 'GET, HEAD'],
      ['OPTIONS', '/v1/validate', 'POST'],
      ['GET', '/v1/render/document.html', 'POST'],
      ['PATCH', '/', 'GET, HEAD'],
      ['DELETE', '/v1/schema.json', 'GET, HEAD'],
    ] as const) {
      const res = await SELF.fetch(`${ORIGIN}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await SELF.fetch(`${ORIGIN}/v1/nothing`, { method: 'PUT' })).status).toBe(404);
    // HEAD is answered where GET is (Allow says so).
    for (const path of ['/', '/v1/reports', '/v1/schema.json']) {
      expect((await SELF.fetch(`${ORIGIN}${path}`, { method: 'HEAD' })).status, `HEAD ${path}`).toBe(200);
    }
  });

  it('a 401 names the Bearer scheme in WWW-Authenticate', async () => {
    const missing = await SELF.fetch(`${ORIGIN}/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="juesuan"');
    const wrong = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-token-cccccccccccc' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="juesuan", error="invalid_token"');
  });

  it('routes without parameters refuse a query string with 400 naming it', async () => {
    for (const path of ['/?x=1', '/v1/reports?page=2', '/v1/schema.json?v=1', '/v1/template-sets?all=1', '/v1/reports/wuhan-jianghan-cyzx-2024?theme=dark']) {
      const res = await SELF.fetch(`${ORIGIN}${path}`);
      expect(res.status, path).toBe(400);
      const problem = (await res.json()) as { errors: { path: string }[] };
      expect(problem.errors.length, path).toBe(1);
    }
    const validate = await post('/v1/validate?strict=1', minimal);
    expect(validate.status).toBe(400);
    const publish = await SELF.fetch(`${ORIGIN}/v1/reports?force=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(minimal),
    });
    expect(publish.status).toBe(400);
  });
});
