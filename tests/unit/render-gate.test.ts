import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/http/problem';
import { gatedRender, gateState, RENDER_QUEUE, RENDER_SLOTS } from '../../src/http/render-gate';

/** A render that finishes when the test says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('render gate (per-isolate bound on renders at once)', () => {
  it('runs at most RENDER_SLOTS renders at once, the rest in order, and refuses past the queue with 503 + Retry-After', async () => {
    const gates = Array.from({ length: RENDER_SLOTS + RENDER_QUEUE }, () => deferred<number>());
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      gatedRender(`key-${i}`, () => {
        started.push(i);
        return gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual(Array.from({ length: RENDER_SLOTS }, (_, i) => i));
    expect(gateState()).toMatchObject({ running: RENDER_SLOTS, waiting: RENDER_QUEUE });

    const refused = await gatedRender('one-too-many', async () => 0).catch((error) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(503);
    expect((refused as ProblemError).headers['retry-after']).toBe('2');

    gates.forEach((gate, i) => gate.resolve(i));
    expect(await Promise.all(results)).toEqual(gates.map((_, i) => i));
    expect(started).toEqual(gates.map((_, i) => i)); // first come, first served
    expect(gateState()).toEqual({ running: 0, waiting: 0, inFlight: 0 });
  });

  it('renders identical requests in flight once and shares the result (and the error)', async () => {
    let calls = 0;
    const gate = deferred<string>();
    const render = () => {
      calls++;
      return gate.promise;
    };
    const both = Promise.all([gatedRender('same', render), gatedRender('same', render)]);
    gate.resolve('bytes');
    expect(await both).toEqual(['bytes', 'bytes']);
    expect(calls).toBe(1);

    const failing = () => Promise.reject(new Error('too large'));
    const errors = await Promise.all([gatedRender('bad', failing).catch((e) => e.message), gatedRender('bad', failing).catch((e) => e.message)]);
    expect(errors).toEqual(['too large', 'too large']);
    expect(gateState()).toEqual({ running: 0, waiting: 0, inFlight: 0 });
  });
});
