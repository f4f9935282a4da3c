// npm start: the Worker on wrangler dev (workerd), offline, KV persisted under .wrangler/state,
// with the example report published so http://127.0.0.1:8787/ shows it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineEnv, root } from './offline-env.mjs';

const port = Number(process.env.PORT || 8787);
const host = '127.0.0.1';
const base = `http://${host}:${port}`;

for (const script of ['scripts/gen-version.mjs', 'scripts/check-sets.mjs', 'scripts/prepare-assets.mjs']) {
  const r = spawnSync(process.execPath, [join(root, script)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The publishing tokens: API_TOKENS from the environment (comma-separated, like the Worker's secret),
// else the development token kept in .wrangler/dev.vars (git-ignored, mode 600), created on first
// start. The tokens reach wrangler through that file (--env-file), never on its command line,
// where every user of the machine could read them with `ps`.
const stateDir = join(root, '.wrangler');
const devVars = join(stateDir, 'dev.vars');
const readTokens = (file) => (existsSync(file) ? /^API_TOKENS=(.*)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim() : undefined);
if (process.env.API_TOKEN !== undefined && process.env.API_TOKENS === undefined) {
  console.error('The variable is API_TOKENS (comma-separated tokens, as the Worker\'s secret), not API_TOKEN.');
  process.exit(2);
}
let tokens = process.env.API_TOKENS?.trim();
if (tokens !== undefined && tokens.split(',').some((t) => t.trim().length < 16)) {
  // The Worker ignores tokens shorter than 16 characters (src/http/auth.ts): say so now, not at the first 401.
  console.error('Every token in API_TOKENS must be at least 16 characters long.');
  process.exit(2);
}
let created = false;
// .dev.vars in the project root is where earlier versions kept the development token.
tokens ||= readTokens(devVars) || readTokens(join(root, '.dev.vars'));
if (!tokens) {
  tokens = `dev-${randomBytes(16).toString('hex')}`;
  created = true;
}
mkdirSync(stateDir, { recursive: true });
writeFileSync(devVars, `# Written by npm start for local development only (git-ignored). Not a production secret.\nAPI_TOKENS=${tokens}\n`, { mode: 0o600 });
chmodSync(devVars, 0o600);
const token = tokens.split(',')[0].trim();
if (created) console.log(`Created .wrangler/dev.vars with a development token: ${token}`);

const env = offlineEnv();
const args = ['dev', '--ip', host, '--port', String(port), '--persist-to', '.wrangler/state', '--env-file', devVars, '--show-interactive-dev-session=false'];
const wrangler = spawn(join(root, 'node_modules/.bin/wrangler'), args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => wrangler.kill(signal));
wrangler.on('exit', (code) => process.exit(code ?? 0));

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${base}/v1/schema.json`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer on ${base} within 60 s`);
}

async function publishExamples() {
  const dir = join(root, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const res = await fetch(`${base}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: readFileSync(join(dir, file)),
    });
    const body = await res.json();
    if (res.status === 200 || res.status === 201) {
      console.log(`Published examples/${file}: ${base}/v1/reports/${body.alias} (id ${body.id})`);
    } else {
      console.error(`Publishing examples/${file} failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
    }
  }
}

waitForServer()
  .then(publishExamples)
  .then(() => {
    console.log(`\nReady: ${base}/`);
    console.log(`  publishing token: ${process.env.API_TOKENS ? '$API_TOKENS' : `${token} (from .wrangler/dev.vars)`}`);
    console.log(`  curl -X POST --data-binary @examples/wuhan-jianghan-cyzx-2024.json -H 'content-type: application/json' ${base}/v1/validate`);
    console.log(`  API reference: ${base}/docs/api (OpenAPI 3.1: ${base}/v1/openapi.json)`);
  })
  .catch((error) => {
    console.error(String(error));
  });
