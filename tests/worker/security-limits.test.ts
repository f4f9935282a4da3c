/**
 * Issue 14, items 2, 3 and 6: one request cannot make the Worker do unbounded work, answer with an
 * unbounded body, or crash; the small protocol details of a careful HTTP API hold.
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import minimal from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';

/** A valid payload with n extra 项 rows (in tables 02, 03 and 05), amounts `amount` each. */
export function manyRows(n: number, amount = 1.5, slug = 'many-rows') {
  const d = structuredClone(minimal) as any;
  d.meta.slug = slug;
  const add = (t: any, field: string) => {
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const k = `201${String(50 + Math.floor(i / 99)).padStart(2, '0')}`;
      if (!seen.has(k)) {
        seen.add(k);
        t.rows.push({ code: k, name: `测试款${k}` });
      }
      t.rows.push({ code: `${k}${String(1 + (i % 99)).padStart(2, '0')}`, name: `测试科目${i}`, [field]: amount });
    }
  };
  add(d.tables.income, 'fiscal');
  add(d.tables.expense, 'project');
  add(d.tables.gpbExpense, 'project');
  return d;
}

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
});
