/**
 * HTTP fuzzing inside workerd, part 2: wrong media types, oversized and empty bodies on every POST
 * route → 415 / 413 / 400 problem+json, never 500 (see fuzz-http.test.ts for why files are split).
 */
import { SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';
import { expectProblem, fuzzSettings, POST_ROUTES, wrongContentType } from '../fuzz/arbitraries';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';

function post(path: string, body: BodyInit, headers: Record<string, string>) {
  if (path === '/v1/reports') headers = { ...headers, authorization: `Bearer ${TOKEN}` };
  return SELF.fetch(ORIGIN + path, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

describe('fuzz: media types and sizes on every POST route', () => {
  it('content types other than JSON → 415', async () => {
    await fc.assert(
      fc.asyncProperty(wrongContentType, fc.constantFrom(...POST_ROUTES), async (type, route) => {
        const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
        await expectProblem(await post(route, JSON.stringify(example), headers), [415], `${route} content-type ${JSON.stringify(type)}`);
      }),
      fuzzSettings(60),
    );
  });

  it('bodies over 1 MiB → 413, with a Content-Length and streamed without one', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ ...example, $schema: 'x'.repeat(1024 * 1024) }));
    for (const route of POST_ROUTES) {
      await expectProblem(await post(route, big, { 'content-type': 'application/json' }), [413], `${route} 1 MiB`);
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < big.length; i += 64 * 1024) controller.enqueue(big.slice(i, i + 64 * 1024));
          controller.close();
        },
      });
      await expectProblem(await post(route, stream, { 'content-type': 'application/json' }), [413], `${route} streamed 1 MiB`);
    }
  });

  it('an empty body → 400 on every route; a lying Content-Length → 413', async () => {
    for (const route of POST_ROUTES) {
      await expectProblem(await post(route, '', { 'content-type': 'application/json' }), [400], `${route} empty body`);
    }
    for (const route of ['/v1/validate', '/v1/reports', '/v1/render/figures/1.png']) {
      const headers = { 'content-type': 'application/json', 'content-length': '99999999999' };
      await expectProblem(await post(route, '{}', headers), [413], `${route} huge Content-Length`);
    }
  });
});
