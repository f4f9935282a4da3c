/**
 * Bounds the rendering one isolate does at once. Every isolate shares 128 MB; a stateless document
 * (tables, text and every figure inline) needs tens of MB while it renders, so six cold ones at once
 * restarted workerd ("Your worker restarted mid-request", issue 14). Renders on a cache miss take a
 * slot (at most RENDER_SLOTS at once, the rest wait in order); identical renders in flight share one
 * result; past RENDER_QUEUE waiting renders the request is refused with 503 and Retry-After instead
 * of being queued without end.
 */
import { ProblemError } from './problem';

export const RENDER_SLOTS = 2;
export const RENDER_QUEUE = 32;

let running = 0;
const waiting: (() => void)[] = [];
const inFlight = new Map<string, Promise<unknown>>();

async function acquire(): Promise<void> {
  if (running < RENDER_SLOTS) {
    running++;
    return;
  }
  if (waiting.length >= RENDER_QUEUE) {
    throw new ProblemError(
      503,
      'busy',
      '服务繁忙',
      `同时等待生成的请求已达 ${RENDER_QUEUE} 个，请稍后重试。已发布报告的地址不受影响。`,
    ).withHeaders({ 'retry-after': '2' });
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next(); // the slot passes straight to the next render in line
  else running--;
}

/** Runs `render` in a slot; a render with the same key already under way is awaited instead. */
export function gatedRender<T>(key: string, render: () => Promise<T>): Promise<T> {
  const shared = inFlight.get(key);
  if (shared) return shared as Promise<T>;
  const run = (async () => {
    await acquire();
    try {
      return await render();
    } finally {
      release();
    }
  })();
  inFlight.set(key, run);
  const forget = () => inFlight.delete(key);
  run.then(forget, forget);
  return run;
}

/** For tests and the bench: renders under way and waiting. */
export function gateState(): { running: number; waiting: number; inFlight: number } {
  return { running, waiting: waiting.length, inFlight: inFlight.size };
}
