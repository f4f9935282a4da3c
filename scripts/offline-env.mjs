// Environment for running wrangler with no outbound look-ups (see shared stack facts):
// no Request.cf fetch, no telemetry, no update check, and its config kept inside the project.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function offlineEnv(base = process.env) {
  const configHome = join(root, '.wrangler-config');
  mkdirSync(configHome, { recursive: true });
  return {
    ...base,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    XDG_CONFIG_HOME: configHome,
  };
}
