/**
 * One `wrangler dev` for every file of the e2e project (each start is about 5 s of CPU and a second
 * workerd); files get its origin with `liveWorker()` (live-worker.ts). The files share its KV: each
 * publishes only the reference example, so what one stores is what another would.
 * Set JUESUAN_SKIP_LIVE=1 to skip (e.g. where wrangler cannot start).
 */
import type { TestProject } from 'vitest/node';
import { LIVE_TOKEN, startWorker } from './live-worker';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.JUESUAN_SKIP_LIVE === '1') return undefined;
  const worker = await startWorker(LIVE_TOKEN);
  project.provide('liveBase', worker.base);
  return () => worker.stop();
}
