#!/usr/bin/env node
// The juesuan CLI. The core is TypeScript shared with the Worker; tsx compiles it on the fly
// (cached), against the project's tsconfig whatever the working directory.
import { register } from 'tsx/esm/api';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `juesuan check … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The renderer version (a hash of src/, templates/ and the lock file) decides whether the
// manifest's outputs can be reused: refresh it as `npm start` and `npm test` do, or an edited
// renderer would be mistaken for the one that wrote the files. Skipped where the tree is read-only.
let versioned = false;
try {
  await import('../scripts/gen-version.mjs');
  versioned = true;
} catch {}

// The CLI as one plain-JavaScript bundle when there is one for this renderer version and Node
// (src/cli/worker-bundle.ts builds it, named <kind>-<version>-<node>.mjs): loading ~130 TypeScript
// modules through tsx costs ~0.8 s of CPU per command. Only with a fresh version file, so an edited
// tree never runs an old bundle; JUESUAN_WORKER_BUNDLE=0 always takes the TypeScript path.
const useBundle = versioned && process.env.JUESUAN_WORKER_BUNDLE !== '0';
let bundled = null;
if (useBundle) {
  try {
    const text = readFileSync(new URL('../src/render/version.generated.ts', import.meta.url), 'utf8');
    const version = /RENDERER_VERSION = '([^']+)'/.exec(text)?.[1];
    const file = new URL(`../node_modules/.cache/juesuan/cli-${version}-${process.version}.mjs`, import.meta.url);
    if (version && existsSync(file)) bundled = await import(file.href);
  } catch {}
}
let main;
if (bundled) {
  main = bundled.main;
} else {
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
if (!bundled && useBundle) {
  // Build the bundle for the next command; nothing is lost if it cannot be built.
  try {
    await (await import('../src/cli/worker-bundle.ts')).bundle('cli');
  } catch {}
}
