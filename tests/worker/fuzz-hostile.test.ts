/**
 * HTTP fuzzing inside workerd, part 4 (issue 14): the shapes an attacker used — very large lists,
 * many invalid items, table images of many rows at fixed heights, concurrent publishes to one
 * alias. Never a 500, never an answer of megabytes, never a lost version.
 */
import { SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';
import { containerPaths, expectProblem, fuzzSettings, hostileList, withHostileList, type Json } from '../fuzz/arbitraries';
import { manyRows } from '../fuzz/many-rows';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';
const PATHS = containerPaths(example as Json);

const post = (path: string, body: string, token = false) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${TOKEN}` } : {}) },
    body,
  });

describe('fuzz: hostile shapes', () => {
  it('a long list or many invalid items anywhere → 422 with at most 100 problems, a small body, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(hostileList, fc.constantFrom(...PATHS), fc.constantFrom('/v1/validate', '/v1/render/tables/05.csv', '/v1/reports'), async ({ length, item }, path, route) => {
        const body = JSON.stringify(withHostileList(example as Json, path, Array(length).fill(item)));
        if (body.length > 1024 * 1024) return; // the 1 MiB limit answers first (413), tested elsewhere
        const res = await post(route, body, route === '/v1/reports');
        const text = await res.clone().text();
        await expectProblem(res, [422], `${route} ${length}× ${JSON.stringify(item)} at /${path.join('/')}`);
        expect(text.length, 'answer size').toBeLessThan(64 * 1024);
        const problem = JSON.parse(text) as { errors?: unknown[]; findings?: unknown[] };
        expect((problem.errors ?? problem.findings ?? []).length).toBeLessThanOrEqual(100);
      }),
      fuzzSettings(25),
    );
  });

  it('table images of more than 300 rows at any fixed height or width → 422 quickly, never drawn', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 290, max: 1_900 }),
        fc.constantFrom('02', '03', '05'),
        fc.constantFrom('svg', 'png'),
        fc.integer({ min: 200, max: 4000 }),
        fc.integer({ min: 200, max: 4000 }),
        async (rows, table, format, width, height) => {
          const started = Date.now();
          const res = await post(`/v1/render/tables/${table}.${format}?width=${width}&height=${height}`, JSON.stringify(manyRows(rows, 1.5, `fuzz-rows-${rows}`)));
          await expectProblem(res, format === 'png' && width * height > 6_500_000 ? [400, 422] : [422], `${rows} rows ${table}.${format} ${width}×${height}`);
          expect(Date.now() - started).toBeLessThan(10_000);
        },
      ),
      fuzzSettings(8),
    );
  });

  it('N concurrent publishes of distinct versions to one alias keep N versions', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), async (n) => {
        const slug = `fuzz-race-${round++}`;
        const answers = await Promise.all(
          Array.from({ length: n }, async (_, i) => {
            const p = structuredClone(example) as any;
            p.meta.slug = slug;
            p.meta.contactPhone = `027-${20000000 + i}`;
            const res = await post('/v1/reports', JSON.stringify(p), true);
            expect(res.status).toBe(201);
            return (await res.json()) as { id: string; versions: unknown[] };
          }),
        );
        const list = (await (await SELF.fetch(`${ORIGIN}/v1/reports`)).json()) as { reports: { alias: string; versions: number; latest: string }[] };
        const entry = list.reports.find((r) => r.alias === `${slug}-2024`)!;
        expect(entry.versions).toBe(n);
        expect(answers.find((a) => a.versions.length === n)!.id).toBe(entry.latest);
      }),
      fuzzSettings(4),
    );
  });
});
