import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { layerGraph, valueImports } from '../../scripts/layers.mjs';

interface Edge {
  from: string;
  to: string;
  fromLayer: string;
  toLayer: string;
  upward: boolean;
}

describe('layers (schema → model → ingest → audit → render → store → runtime → http | cli)', () => {
  it('no module of src/ imports a layer above its own (npm run layers prints the graph)', () => {
    const edges = layerGraph() as Edge[];
    expect(edges.length).toBeGreaterThan(100);
    const against = edges.filter((e) => e.upward).map((e) => `${e.from} (${e.fromLayer}) → ${e.to} (${e.toLayer})`);
    expect(against).toEqual([]);
  });

  it('counts value imports and dynamic imports, not type-only ones', () => {
    const source = [
      "import type { Model } from '../model/derive';",
      "import { type A, type B } from './types';",
      "export type { C } from './c';",
      "import { notFound } from '../http/problem';",
      "import { x, type Y } from './mixed';",
      "export { z } from './z';",
      "const m = await import('../cli/main');",
      "// import { commented } from './no';",
    ].join('\n');
    expect(valueImports(source)).toEqual(['../http/problem', './mixed', './z', '../cli/main']);
  });
});
