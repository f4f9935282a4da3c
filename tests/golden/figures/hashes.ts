// SHA-256 of a few renders of the reference example with default parameters. The golden suite
// checks them in Node and tests/worker/figures.test.ts in workerd: the same input must give the
// same bytes in both runtimes. Written by `UPDATE_GOLDEN=1 npx vitest run --project unit tests/golden/figures`.
export const CROSS_RUNTIME_SHA256: Record<string, string> = {
  'figure 2 png': '59bd11d2822c02c32a9d47a772339a1eb64e826a0e2b4681df6aa159605d64e2',
  'figure 7 svg': '5c04dba1b595e87e2fffd3531d886173064a4dffa5a83df9d87035cfad58f5de',
  'table 01 png': '28febc48e467fde8d8d1682e3aacadbe01565d858442f10ba53f0300d7baf412',
};
