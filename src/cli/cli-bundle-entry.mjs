// Entry of the whole CLI as one plain-JavaScript bundle (built by worker-bundle.ts with esbuild,
// loaded by bin/juesuan.mjs when it exists, never loaded as is): like worker-bundle-entry.mjs, the
// figure runtime is imported statically here, where a bundler can follow it.
import { createNodeRuntime } from '../runtime/figure-runtime.node.ts';
import { provideNodeRuntime } from './runtime.ts';

provideNodeRuntime(createNodeRuntime);
export { main } from './main.ts';
