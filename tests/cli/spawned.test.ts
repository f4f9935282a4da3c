/**
 * The CLI as a user starts it: `node bin/juesuan.mjs …` (tsx compiling the TypeScript core, the
 * renderer version refreshed, exit codes through the process). The other CLI tests call main()
 * in-process for speed; these keep the real entry point covered.
 */
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { auditError, EXAMPLE, MINIMAL, readJson, spawnCli, tempDir, writeVariant } from './helpers';

describe('node bin/juesuan.mjs', () => {
  it('checks: exit 0 for the example, 1 for an audit error, 2 for a missing file', async () => {
    const dir = await tempDir();
    const bad = await writeVariant(dir, 'bad.json', 'bad-one', auditError);
    const [ok, findings, missing] = await Promise.all([
      spawnCli(['check', EXAMPLE, '--json']),
      spawnCli(['check', bad]),
      spawnCli(['check', join(dir, 'missing.json')]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ exitCode: 0 });
    expect(findings.code).toBe(1);
    expect(missing.code).toBe(2);
  });

  it('renders on worker threads (the path the in-process tests do not take)', async () => {
    const out = await tempDir();
    const run = await spawnCli(['render', MINIMAL, '--out', out, '--formats', 'html,csv', '--jobs', '2', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const site = (await readdir(out)).sort();
    expect(site).toContain('index.html');
    const manifest = JSON.stringify(await readJson(join(out, 'manifest.json')));
    expect(manifest).toContain('tables/01.csv');
    expect(manifest).toContain('document.html');
    expect(manifest).not.toContain('.png');
  });
});
