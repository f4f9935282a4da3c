/**
 * HTTP fuzzing inside workerd, part 1: payloads that are wrong in content (mutations of the
 * reference example) or not JSON at all, on every POST route → 422 / 400 problem+json, never 500.
 * Split across files (fuzz-http-limits, fuzz-query) because every SELF.fetch in one workerd gets
 * slower than the last (cloudflare/workers-sdk#15446); each file gets a fresh workerd.
 */
import { SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import exampleJson from '../../examples/wuhan-jianghan-cyzx-2024.json';
import { applyMutation, expectProblem, fuzzSettings, mutation, notJsonBytes, POST_ROUTES, type Json } from '../fuzz/arbitraries';

const example = exampleJson as unknown as Json;

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';

function post(path: string, body: BodyInit) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // Publishing needs the token first; with it, the body is checked like everywhere else.
  if (path === '/v1/reports') headers.authorization = `Bearer ${TOKEN}`;
  return SELF.fetch(ORIGIN + path, { method: 'POST', body, headers });
}

describe('fuzz: bad payloads on every POST route', () => {
  it('mutations of the example (missing keys, wrong types, 3 decimals, bad codes, unknown keys) → 422', async () => {
    for (const route of POST_ROUTES) {
      const bad = structuredClone(exampleJson) as Record<string, any>;
      bad.tables.gpbExpense.rows[0].total = '1,519.581';
      await expectProblem(await post(route, JSON.stringify(bad)), [422], `${route} three decimals`);
    }
    await fc.assert(
      fc.asyncProperty(mutation(example), fc.constantFrom(...POST_ROUTES), async (m, route) => {
        const body = JSON.stringify(applyMutation(example, m));
        await expectProblem(await post(route, body), [422], `${route} ${JSON.stringify(m).slice(0, 200)}`);
      }),
      fuzzSettings(120),
    );
  });

  it('bytes that are not JSON, or not UTF-8 → 400', async () => {
    await fc.assert(
      fc.asyncProperty(notJsonBytes, fc.constantFrom(...POST_ROUTES), async (bytes, route) => {
        await expectProblem(await post(route, bytes), [400], `${route} ${JSON.stringify([...bytes].slice(0, 40))}`);
      }),
      fuzzSettings(50),
    );
  });
});
