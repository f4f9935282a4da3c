/**
 * The figure runtime for the CLI: one per thread (main or worker), created on first use, so fonts
 * are read and wasm compiled once per thread however many reports it renders.
 */
import { fileURLToPath } from 'node:url';
import type { FigureRuntime } from '../render/figures';

/** The project root: fonts and other assets are found relative to it, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Imported by URL with its .ts extension: "figure-runtime.node" ends in ".node", which Node's
// resolver (and tsx's) takes for a native addon rather than trying ".ts".
const NODE_RUNTIME = new URL('../runtime/figure-runtime.node.ts', import.meta.url).href;

let runtime: Promise<FigureRuntime> | undefined;
let create: ((root: string) => FigureRuntime) | undefined;

/** The bundled worker (worker-bundle-entry.mjs) hands over the runtime factory it imported statically. */
export function provideNodeRuntime(factory: (root: string) => FigureRuntime): void {
  create = factory;
}

export function nodeRuntime(): Promise<FigureRuntime> {
  runtime ??= create
    ? Promise.resolve(create(PROJECT_ROOT))
    : (import(NODE_RUNTIME) as Promise<typeof import('../runtime/figure-runtime.node')>).then((m) => m.createNodeRuntime(PROJECT_ROOT));
  return runtime;
}
