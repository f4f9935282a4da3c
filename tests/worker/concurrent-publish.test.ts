/**
 * Issue 14, item 4: concurrent publishes to one alias lose no version. The alias's Durable Object
 * is the single writer of its version list.
 */
import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';

function version(slug: string, n: number) {
  const p = structuredClone(example) as any;
  p.meta.slug = slug;
  p.meta.contactPhone = `027-${String(10000000 + n)}`;
  return p;
}

const publish = (payload: unknown) =>
  SELF.fetch(`${ORIGIN}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(payload),
  });

interface Answer {
  id: string;
  created: boolean;
  latest: string;
  versions: { id: string; publishedAt: string }[];
}

describe('concurrent publishes to one alias', () => {
  it('N parallel publishes keep N versions; latest is the last one the ledger applied', async () => {
    const N = 12;
    const answers = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const res = await publish(version('race', i));
        expect(res.status).toBe(201);
        return (await res.json()) as Answer;
      }),
    );
    const ids = new Set(answers.map((a) => a.id));
    expect(ids.size).toBe(N);
    // Each answer saw the list as it was right after its own version was applied: lengths 1..N, once each.
    expect(answers.map((a) => a.versions.length).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    const last = answers.find((a) => a.versions.length === N)!;
    expect(last.latest).toBe(last.id);

    const record = JSON.parse((await env.REPORTS.get('alias:race-2024'))!) as Answer;
    expect(new Set(record.versions.map((v) => v.id))).toEqual(ids);
    expect(record.latest).toBe(record.versions.at(-1)!.id);
    expect(record.latest).toBe(last.id);
    const byAlias = await SELF.fetch(`${ORIGIN}/v1/reports/race-2024`);
    expect(byAlias.headers.get('x-content-id')).toBe(last.id);
    const list = (await (await SELF.fetch(`${ORIGIN}/v1/reports`)).json()) as { reports: { alias: string; versions: number; latest: string }[] };
    expect(list.reports.find((r) => r.alias === 'race-2024')).toMatchObject({ versions: N, latest: last.id });
  });

  it('the same payload published in parallel is stored once, with one publishedAt', async () => {
    const payload = version('race-same', 0);
    const answers = await Promise.all(Array.from({ length: 6 }, async () => (await publish(payload)).json() as Promise<Answer>));
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.versions))).size).toBe(1);
    expect(answers[0].versions).toHaveLength(1);
  });

  it('an alias published before the ledger existed keeps its older versions', async () => {
    const old = { alias: 'legacy-2024', department: '旧部门', fiscalYear: 2024, latest: 'a'.repeat(24), versions: [{ id: 'a'.repeat(24), publishedAt: '2025-01-01T00:00:00.000Z' }] };
    await env.REPORTS.put('alias:legacy-2024', JSON.stringify(old));
    const res = await publish(version('legacy', 1));
    const answer = (await res.json()) as Answer;
    expect(answer.versions.map((v) => v.id)).toEqual(['a'.repeat(24), answer.id]);
    expect(answer.latest).toBe(answer.id);
  });
});
