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

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
