import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

describe('GET /v1/template-sets', () => {
  it('lists every shipped set with its id, name, years and tables by their own labels', async () => {
    const res = await SELF.fetch('https://juesuan.test/v1/template-sets');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      templateSets: { id: string; name: string; fiscalYears: number[]; tables: { no: string; title: string; label: string | null }[] }[];
    };
    const national = body.templateSets.find((s) => s.id === 'national-2024')!;
    expect(national.fiscalYears).toEqual([2024]);
    expect(national.tables).toHaveLength(9);
    expect(national.tables[0]).toEqual({ no: '01', key: 'summary', title: '收入支出决算总表', label: '公开01表' });
  });

  it('a payload naming a set that does not exist gets a 422 naming the sets there are', async () => {
    const res = await SELF.fetch('https://juesuan.test/v1/validate', {
      method: 'POST',
      body: JSON.stringify({ ...example, templateSet: 'nowhere-2024' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const text = await res.text();
    expect(text).toContain('nowhere-2024');
    expect(text).toContain('national-2024');
    expect(text).toContain('/templateSet');
  });
});
