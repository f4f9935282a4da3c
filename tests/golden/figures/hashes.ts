// SHA-256 of a few renders of the reference example with default parameters. The golden suite
// checks them in Node and tests/worker/figures.test.ts in workerd: the same input must give the
// same bytes in both runtimes. Written by `UPDATE_GOLDEN=1 npx vitest run --project unit tests/golden/figures`.
export const CROSS_RUNTIME_SHA256: Record<string, string> = {
  'figure 2 png': '68747969ae25650df63bf5cd9696d2de928d0d51984ffbe328a9b3e49492f0ba',
  'figure 7 svg': '3b55f6122c133079b2a52c24e362580b229759499eb51dabdb17e3899ce6d1f9',
  'table 01 png': '791ae63d80f604e58e1687745e89d060c9aab061ce837a6c0e30bbe7b96f4af1',
};
