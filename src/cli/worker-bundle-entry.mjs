// Entry of the render worker as one plain-JavaScript bundle (built by worker-bundle.ts with esbuild,
// never loaded as is): the figure runtime is imported statically here, where a bundler can follow
// it — runtime.ts imports it by URL, which only tsx can load (".node.ts" confuses Node's resolver).
import { createNodeRuntime } from '../runtime/figure-runtime.node.ts';
import { provideNodeRuntime } from './runtime.ts';
import './render-worker.ts';

provideNodeRuntime(createNodeRuntime);
