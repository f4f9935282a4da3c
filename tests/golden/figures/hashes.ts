// SHA-256 of a few renders of the reference example with default parameters. The golden suite
// checks them in Node and tests/worker/figures.test.ts in workerd: the same input must give the
// same bytes in both runtimes. Written by `UPDATE_GOLDEN=1 npx vitest run --project unit tests/golden/figures`.
export const CROSS_RUNTIME_SHA256: Record<string, string> = {
  'figure 2 png': '358b8479679038c711cd76420f844ddad77472db978658194a01fe26a5390d5f',
  'figure 7 svg': '3b55f6122c133079b2a52c24e362580b229759499eb51dabdb17e3899ce6d1f9',
  'table 01 png': '01fa84262071e4c7f20698719e63d203bdb0caa1f9ffdea2720c8e2f56fa19d8',
};
