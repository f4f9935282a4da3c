/**
 * The worker thread's side of the pool: render jobs one at a time with this thread's own figure
 * runtime (fonts read and wasm compiled once per worker).
 */
import { parentPort } from 'node:worker_threads';
import { runRenderJob, type RenderJob } from './render-job';
import { nodeRuntime } from './runtime';

export type ToWorker = { id: number; job: RenderJob };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; result: Awaited<ReturnType<typeof runRenderJob>> }
  | { type: 'failed'; id: number; message: string };

const port = parentPort!;

port.on('message', async ({ id, job }: ToWorker) => {
  try {
    const result = await runRenderJob(job, await nodeRuntime());
    port.postMessage({ type: 'done', id, result } satisfies FromWorker);
  } catch (error) {
    // The message only, as the inline runner reports it; JUESUAN_DEBUG=1 prints the stack too.
    if (process.env.JUESUAN_DEBUG) console.error(error);
    port.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  }
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
