/**
 * Where render jobs run: in this thread (--jobs 1), or on a pool of worker threads, one job per
 * worker at a time. Both run the same runRenderJob, so the bytes do not depend on the choice.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runRenderJob, type RenderJob, type RenderJobResult } from './render-job';
import type { FromWorker } from './render-worker';
import { nodeRuntime, PROJECT_ROOT } from './runtime';
import { workerBundle } from './worker-bundle';

export interface Runner {
  readonly kind: 'inline' | 'threads';
  readonly size: number;
  /** `onStart` is called when the job leaves the queue, for "now rendering …" progress. */
  run(job: RenderJob, onStart?: () => void): Promise<RenderJobResult>;
  close(): Promise<void>;
}

/** Renders in the calling thread, one job after another. */
export function inlineRunner(): Runner {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    kind: 'inline',
    size: 1,
    run(job, onStart) {
      const next = chain.then(async () => {
        onStart?.();
        return runRenderJob(job, await nodeRuntime());
      });
      chain = next.catch(() => undefined);
      return next;
    },
    async close() {},
  };
}

interface Slot {
  worker: Worker;
  busy: boolean;
  alive: boolean;
  current?: { id: number; resolve: (r: RenderJobResult) => void; reject: (e: Error) => void };
}

/** Renders on `size` worker threads; a worker that dies fails its job and the pool carries on without it. */
export function threadRunner(size: number, bundle: string | null = null): Runner {
  const queue: { job: RenderJob; onStart?: () => void; resolve: (r: RenderJobResult) => void; reject: (e: Error) => void }[] = [];
  const slots: Slot[] = [];
  let nextId = 0;

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.alive || slot.busy || queue.length === 0) continue;
      const { job, onStart, resolve, reject } = queue.shift()!;
      const id = nextId++;
      slot.busy = true;
      slot.current = { id, resolve, reject };
      slot.worker.postMessage({ id, job });
      onStart?.();
    }
    if (queue.length > 0 && !slots.some((s) => s.alive)) {
      for (const waiting of queue.splice(0)) waiting.reject(new Error('all render workers have exited'));
    }
  };

  for (let i = 0; i < size; i++) {
    // The bundled worker when there is one (worker-bundle.ts), else the TypeScript tree through tsx.
    const worker = bundle
      ? new Worker(bundle)
      : new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { tsconfig: join(PROJECT_ROOT, 'tsconfig.json') } });
    const slot: Slot = { worker, busy: false, alive: true };
    slots.push(slot);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') return;
      const current = slot.current;
      slot.current = undefined;
      slot.busy = false;
      if (current && current.id === message.id) {
        if (message.type === 'done') current.resolve(message.result);
        else current.reject(new Error(message.message));
      }
      dispatch();
    });
    const die = (error: Error) => {
      if (!slot.alive) return;
      slot.alive = false;
      slot.current?.reject(error);
      slot.current = undefined;
      dispatch();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`render worker exited with code ${code}`)));
  }

  return {
    kind: 'threads',
    size,
    run(job, onStart) {
      return new Promise((resolve, reject) => {
        queue.push({ job, onStart, resolve, reject });
        dispatch();
      });
    },
    async close() {
      for (const slot of slots) slot.alive = false;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** Default parallelism: one job per CPU, never more workers than jobs. Worker start-up costs ~0.5 s. */
export async function createRunner(jobs: number | undefined, pending: number): Promise<Runner> {
  const size = Math.max(1, Math.min(jobs ?? availableParallelism(), pending));
  return size === 1 ? inlineRunner() : threadRunner(size, await workerBundle());
}
