/**
 * The figure runtime for the CLI: one per thread (main or worker), created on first use, so fonts
 * are read and wasm compiled once per thread however many reports it renders.
 */
import { fileURLToPath } from 'node:url';
import type { FigureRuntime } from '../render/figures';

/** The project root: fonts and other assets are found relative to it, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let runtime: Promise<FigureRuntime> | undefined;

export function nodeRuntime(): Promise<FigureRuntime> {
  runtime ??= import('../runtime/figure-runtime.node').then((m) => m.createNodeRuntime(PROJECT_ROOT));
  return runtime;
}
