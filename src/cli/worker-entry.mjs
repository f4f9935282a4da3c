// Worker-thread entry: plain JavaScript because TypeScript can only be loaded after tsx is
// registered in this thread (hooks registered by the main thread do not reach workers on Node 20).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register({ tsconfig: workerData.tsconfig });
await import('./render-worker.ts');
