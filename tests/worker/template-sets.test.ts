import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';
import yunnan from '../../examples/wuhan-jianghan-cyzx-2024-yunnan-format.json';

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

describe('a province set over HTTP', () => {
  const post = (path: string, body: unknown) =>
    SELF.fetch(`https://juesuan.test${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('lists yunnan-2024 with its 11 tables and no labels', async () => {
    const body = (await (await SELF.fetch('https://juesuan.test/v1/template-sets')).json()) as {
      templateSets: { id: string; tables: { no: string; title: string; label: string | null }[] }[];
    };
    const set = body.templateSets.find((s) => s.id === 'yunnan-2024')!;
    expect(set.tables).toHaveLength(11);
    expect(set.tables[6]).toMatchObject({ no: '7', title: '一般公共预算财政拨款项目支出决算表', label: null });
  });

  it('renders its own tables by its own numbers and its own parts', async () => {
    const csv = await (await post('/v1/render/tables/7.csv', yunnan)).text();
    expect(csv.split(/\r?\n/)[1]).toBe('合计,,1163.69');
    const ten = await post('/v1/render/tables/10.html', yunnan);
    expect(ten.status).toBe(200);
    expect(await ten.text()).toContain('行政参公单位机关运行经费');
    const missing = await post('/v1/render/tables/12.html', yunnan);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('1、2、3、4、5、6、7、8、9、10、11');
    const doc = await (await post('/v1/render/document.html', yunnan)).text();
    expect(doc).toContain('第四部分 其他重要事项及相关口径情况说明');
    expect(doc).not.toContain('公开01表');
  });

  it('refuses data for a table the set does not declare, naming the path', async () => {
    const res = await post('/v1/validate', { ...yunnan, tables: { ...yunnan.tables, custom: { ...yunnan.tables.custom, nope: { lines: {} } } } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('/tables/custom/nope');
  });
});
