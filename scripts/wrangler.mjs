// `wrangler` with the offline environment: node scripts/wrangler.mjs deploy --dry-run …
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { offlineEnv, root } from './offline-env.mjs';

const r = spawnSync(join(root, 'node_modules/.bin/wrangler'), process.argv.slice(2), { cwd: root, env: offlineEnv(), stdio: 'inherit' });
process.exit(r.status ?? 1);
