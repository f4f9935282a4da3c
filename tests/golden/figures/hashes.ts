// SHA-256 of a few renders of the reference example with default parameters. The golden suite
// checks them in Node and tests/worker/figures.test.ts in workerd: the same input must give the
// same bytes in both runtimes. Written by `UPDATE_GOLDEN=1 npx vitest run --project unit tests/golden/figures`.
export const CROSS_RUNTIME_SHA256: Record<string, string> = {
  'figure 2 png': 'deb7f9da6a2b7fdde6e48fbdc752b712707265e6fa1ab897d9eb095e7840d040',
  'figure 7 svg': 'c05f8222a03ea3dbb26c7fb72b17927f1b45cdb40d50705dd8350f0f57479e75',
  'table 01 png': 'bcbb99bf008d3653024580fd01527d024ae809bd7b3f58680390b9a0b54ca292',
};
