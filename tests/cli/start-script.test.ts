/**
 * Issue 14: npm start must not put the publishing token on wrangler's command line, where `ps`
 * shows it to every user of the machine. A source check (starting wrangler dev here would take
 * half a minute): the token goes through a mode-600 env file, and the only name is API_TOKENS.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

describe('scripts/start.mjs', () => {
  it('passes the token to wrangler through --env-file, never --var, and calls it API_TOKENS', async () => {
    const source = await readFile(join(ROOT, 'scripts/start.mjs'), 'utf8');
    const args = /const args = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    expect(args).toContain("'--env-file'");
    expect(args).not.toMatch(/--var|token/i);
    expect(source).toMatch(/mode: 0o600/);
    expect(source).toContain("/^API_TOKENS=");
  });
});
