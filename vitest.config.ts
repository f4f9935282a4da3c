import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';

// Three tiers, all in `npm test`: pure tests in Node (unit), the worker suite inside workerd (worker),
// and end-to-end checks that start a real server (e2e: wrangler dev against the CLI, about 7 s on a
// quiet machine; `npm run test:e2e` runs it alone).
export default defineConfig({
  test: {
    // Vitest runs cores − 1 files at a time: ONE on this 2-core machine, so everything ran in series
    // while the CPU waited on workerd, wrangler dev and Chromium (other processes). Two at a time:
    // the three projects in 88 s instead of 111 s, for 5 s more CPU (109 s vs 104 s, load ~4).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          // One module cache for all unit files: the core is pure, and loading it (zod schemas, fonts,
          // wasm) once instead of per file halves the project's time (106 s → 57 s here).
          isolate: false,
          include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/cli/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // One wrangler dev for all e2e files (its origin reaches them with provide/inject).
          globalSetup: ['tests/e2e/global-setup.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { API_TOKENS: 'test-token-1-aaaaaaaaaaaa,test-token-2-bbbbbbbbbbbb' } },
          }),
        ],
        test: {
          name: 'worker',
          // Each file gets a fresh workerd that loads the Worker module by module through Vite (270
          // modules, zod alone 97): prebundled dependencies make that a few files. 72 s → 36 s wall
          // for the project, 59 s → 55 s CPU.
          deps: { optimizer: { ssr: { enabled: true, include: ['hono', 'zod', 'zod-openapi', '@e965/xlsx', '@shuding/opentype.js', 'fast-check'] } } },
          include: ['tests/worker/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
