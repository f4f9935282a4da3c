import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const post = (path: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  SELF.fetch(`https://juesuan.test${path}`, { method: 'POST', body, headers });

describe('POST /v1/validate', () => {
  it('accepts the reference example with exactly its four 尾数误差 warnings (two subjects, in 01/03 and 04/05)', async () => {
    const res = await post('/v1/validate', JSON.stringify(example));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; findings: { rule: string; severity: string; message: string; paths: string[] }[] };
    expect(body.ok).toBe(true);
    expect(body.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const rounding = body.findings.filter((f) => f.message.includes('尾数误差'));
    expect(rounding.map((f) => [f.severity, f.rule, f.paths[0]])).toEqual([
      ['warning', 'cross.summary-class-vs-expense', '/tables/summary/expenseByClass/201'],
      ['warning', 'cross.summary-class-vs-expense', '/tables/summary/expenseByClass/208'],
      ['warning', 'cross.fiscal-vs-gpb', '/tables/fiscalSummary/expenseByClass/201/gpb'],
      ['warning', 'cross.fiscal-vs-gpb', '/tables/fiscalSummary/expenseByClass/208/gpb'],
    ]);
    expect(rounding[0].message).toContain('一般公共服务支出');
    expect(rounding[1].message).toContain('社会保障和就业支出');
  });

  it('lists acknowledged findings apart with their reasons; only unacknowledged errors give 422', async () => {
    const broken = structuredClone(example) as any;
    broken.tables.threePublic.actual.total = '1.87';
    const refused = await post('/v1/validate', JSON.stringify(broken));
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { type: string; findings: { rule: string; severity: string }[]; acknowledged: unknown[] };
    expect(problem.type).toMatch(/audit-failed$/);
    expect(problem.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['three-public.total']);
    expect(problem.acknowledged).toEqual([]);

    broken.audit = { acknowledged: [{ rule: 'three-public.total', path: '/tables/threePublic/actual/total', reason: '决算已批复，原表如此' }] };
    const res = await post('/v1/validate', JSON.stringify(broken));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { rule: string; severity: string }[]; acknowledged: { rule: string; severity: string; reason: string }[] };
    expect(body.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(body.acknowledged).toContainEqual(expect.objectContaining({ rule: 'three-public.total', severity: 'error', reason: '决算已批复，原表如此', acknowledgement: '/audit/acknowledged/0' }));

    const stale = structuredClone(example) as any;
    stale.audit = { acknowledged: [{ rule: 'three-public.total', path: '/tables/threePublic/actual/total', reason: '决算已批复，原表如此' }] };
    const staleBody = (await (await post('/v1/validate', JSON.stringify(stale))).json()) as { findings: { rule: string; severity: string }[] };
    expect(staleBody.findings).toContainEqual(expect.objectContaining({ rule: 'audit.acknowledgement-unmatched', severity: 'warning' }));
  });

  it('asks a 行政单位 why its 机关运行经费 is 0 (200 with the warning); GET /v1/schema.json documents meta.unitType', async () => {
    const admin = structuredClone(example) as any;
    admin.meta.unitType = '行政单位';
    const res = await post('/v1/validate', JSON.stringify(admin));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { rule: string; severity: string; paths: string[] }[] };
    expect(body.findings).toContainEqual(
      expect.objectContaining({ rule: 'completeness.operating-costs-explained', severity: 'warning', paths: ['/explanation/operatingCosts'] }),
    );
    admin.meta.unitType = '行政';
    const refused = await post('/v1/validate', JSON.stringify(admin));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain('/meta/unitType');
    const schema = (await (await SELF.fetch('https://juesuan.test/v1/schema.json')).json()) as any;
    expect(schema.properties.meta.properties.unitType.enum).toEqual(['行政单位', '参照公务员法管理事业单位', '事业单位', '其他']);
  });

  it('refuses options.tolerance above 0.01 with 422 naming the path', async () => {
    const wide = structuredClone(example) as any;
    wide.options.tolerance = 999999999;
    const res = await post('/v1/validate', JSON.stringify(wide));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors).toContainEqual(expect.objectContaining({ path: '/options/tolerance', message: expect.stringContaining('不能放宽') }));
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await post('/v1/validate', '{"schemaVersion": 1,');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { type: string };
    expect(body.type).toMatch(/malformed-json$/);
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await post('/v1/validate', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a body over 1 MiB with 413, with or without Content-Length', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) });
    const res = await post('/v1/validate', big);
    expect(res.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res2 = await SELF.fetch('https://juesuan.test/v1/validate', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(res2.status).toBe(413);
  });

  it('names every failing path: unknown keys, three-decimal amounts, wrong codes', async () => {
    const bad = structuredClone(example) as Record<string, any>;
    bad.meta.unexpected = 1;
    bad.tables.gpbExpense.rows[0].total = '1,519.581';
    bad.tables.income.rows[1].code = '2010';
    const res = await post('/v1/validate', JSON.stringify(bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { type: string; errors: { path: string; message: string }[] };
    expect(body.type).toMatch(/invalid-payload$/);
    const paths = body.errors.map((e) => e.path);
    expect(paths).toContain('/meta/unexpected');
    expect(paths).toContain('/tables/gpbExpense/rows/0/total');
    expect(paths).toContain('/tables/income/rows/1/code');
    for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers an audit error with 422 and the findings', async () => {
    const bad = structuredClone(example) as Record<string, any>;
    bad.tables.gpbExpense.total.total = '9,999.99';
    const res = await post('/v1/validate', JSON.stringify(bad));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { type: string; findings: { severity: string; paths: string[] }[] };
    expect(body.type).toMatch(/audit-failed$/);
    expect(body.findings.some((f) => f.severity === 'error' && f.paths.includes('/tables/gpbExpense/total/total'))).toBe(true);
  });
});

describe('GET /v1/schema.json', () => {
  it('exports the payload contract as JSON Schema', async () => {
    const res = await SELF.fetch('https://juesuan.test/v1/schema.json');
    expect(res.status).toBe(200);
    const schema = (await res.json()) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'meta', 'tables']));
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'meta', 'tables']));
  });

  it('answers unknown routes with 404 problem+json', async () => {
    const res = await SELF.fetch('https://juesuan.test/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
