// npm start: the Worker on wrangler dev (workerd), offline, KV persisted under .wrangler/state,
// with the example report published so http://127.0.0.1:8787/ shows it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineEnv, root } from './offline-env.mjs';

const port = Number(process.env.PORT || 8787);
const host = '127.0.0.1';
const base = `http://${host}:${port}`;

for (const script of ['scripts/gen-version.mjs', 'scripts/check-sets.mjs', 'scripts/prepare-assets.mjs']) {
  const r = spawnSync(process.execPath, [join(root, script)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The publishing token: API_TOKEN from the environment, else a development token kept in .dev.vars.
const devVars = join(root, '.dev.vars');
let token = process.env.API_TOKEN;
if (token !== undefined && token.trim().length < 16) {
  // The Worker ignores tokens shorter than 16 characters (src/http/auth.ts): say so now, not at the first 401.
  console.error('API_TOKEN must be at least 16 characters long.');
  process.exit(2);
}
if (!token) {
  const existing = existsSync(devVars) ? /^API_TOKENS=([^,\s]+)/m.exec(readFileSync(devVars, 'utf8')) : null;
  token = existing?.[1];
  if (!token) {
    token = `dev-${randomBytes(16).toString('hex')}`;
    writeFileSync(devVars, `# Created by npm start for local development only. Not committed.\nAPI_TOKENS=${token}\n`);
    console.log(`Created .dev.vars with a development token: ${token}`);
  }
}

const env = offlineEnv();
const args = ['dev', '--ip', host, '--port', String(port), '--persist-to', '.wrangler/state', '--var', `API_TOKENS:${token}`, '--show-interactive-dev-session=false'];
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
    console.log(`  publishing token: ${process.env.API_TOKEN ? '$API_TOKEN' : `${token} (from .dev.vars)`}`);
    console.log(`  curl -X POST --data-binary @examples/wuhan-jianghan-cyzx-2024.json -H 'content-type: application/json' ${base}/v1/validate`);
  })
  .catch((error) => {
    console.error(String(error));
  });
