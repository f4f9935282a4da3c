#!/usr/bin/env node
// The juesuan CLI. The core is TypeScript shared with the Worker; tsx compiles it on the fly
// (cached), against the project's tsconfig whatever the working directory.
import { register } from 'tsx/esm/api';
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
try {
  await import('../scripts/gen-version.mjs');
} catch {}

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
