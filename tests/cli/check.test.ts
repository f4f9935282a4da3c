import { execFileSync } from 'node:child_process';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditError, complete, EXAMPLE, runCli, tempDir, writeVariant } from './helpers';

describe('juesuan check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await writeVariant(dir, 'a-good.json', 'good-unit', complete);
    await writeVariant(dir, 'b-audit.json', 'audit-unit', auditError);
  });

  it('passes the reference example with its warnings (exit 0), each with rule and JSON paths', async () => {
    const run = await runCli(['check', EXAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('⚠ examples/wuhan-jianghan-cyzx-2024.json');
    expect(run.stdout).toMatch(/^ {2}⚠ 警告 cross\.summary-class-vs-expense .*\/tables\/summary\/expenseByClass\/201/m);
    expect(run.stdout).toContain('→ 通过 passed');
  });

  it('lists acknowledged findings apart with their reasons; an acknowledged error does not fail (exit 0)', async () => {
    const acked = await tempDir();
    await writeVariant(acked, 'acked.json', 'acked-unit', (p) => {
      complete(p);
      p.tables.threePublic.actual.total = 1.87; // one error: 09 合计 ≠ its parts
      p.audit = { acknowledged: [{ rule: 'three-public.total', path: '/tables/threePublic/actual/total', reason: '决算已批复，原表如此' }] };
    });
    await writeVariant(acked, 'not-acked.json', 'not-acked-unit', auditError);
    const one = await runCli(['check', join(acked, 'acked.json')]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('已说明 1 项（acknowledged）');
    expect(one.stdout).toMatch(/^ {2}☑ 已说明（错误） three-public\.total .*\/tables\/threePublic\/actual\/total\n {6}原因 reason：决算已批复，原表如此$/m);
    expect(one.stdout).not.toMatch(/✖ 错误/);
    const json = JSON.parse((await runCli(['check', acked, '--json'])).stdout);
    expect(json.exitCode).toBe(1);
    expect(json.summary).toMatchObject({ acknowledged: 1, withErrors: 1 });
    expect(json.files[0]).toMatchObject({ source: expect.stringContaining('acked.json'), errors: 0, acknowledged: [{ rule: 'three-public.total', reason: '决算已批复，原表如此' }] });
    expect(json.files[1]).toMatchObject({ status: 'errors', acknowledged: [] });
  });

  it('asks a 行政单位 why its 机关运行经费 is 0 (warning), and is clean once it says why', async () => {
    const units = await tempDir();
    await writeVariant(units, 'admin.json', 'admin-unit', (p) => {
      complete(p);
      p.meta.unitType = '行政单位';
    });
    await writeVariant(units, 'admin-explained.json', 'admin-explained-unit', (p) => {
      complete(p);
      p.meta.unitType = '行政单位';
      p.explanation.operatingCostsNote = '本单位机关运行经费由主管部门统一保障';
    });
    const bare = await runCli(['check', join(units, 'admin.json')]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^ {2}⚠ 警告 completeness\.operating-costs-explained .*本单位为行政单位，机关运行经费为 0.*\/explanation\/operatingCosts/m);
    expect((await runCli(['check', join(units, 'admin.json'), '--strict'])).code).toBe(1);
    const explained = await runCli(['check', join(units, 'admin-explained.json'), '--strict']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('通过（clean）');
  });

  it('fails on warnings with --strict (exit 1)', async () => {
    const run = await runCli(['check', EXAMPLE, '--strict']);
    expect(run.code).toBe(1);
  });

  it('groups findings under each file of a folder and exits 1 on audit errors', async () => {
    const run = await runCli(['check', dir]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const good = lines.findIndex((l) => l.endsWith('a-good.json  通过（clean）'));
    const bad = lines.findIndex((l) => /^✖ .*b-audit\.json {2}\d+ 个错误/.test(l));
    expect(good).toBeGreaterThanOrEqual(0);
    expect(bad).toBeGreaterThan(good);
    expect(lines[bad + 1]).toMatch(/^ {2}✖ 错误 \S+ .*\/tables\//);
    expect(run.stdout).toContain('✖ 错误 rollup.row');
    expect(run.stdout).toContain('/tables/gpbExpense/rows/0/total');
  });

  it('exits 2 for malformed JSON, schema errors and missing files, and still checks the rest', async () => {
    const broken = await tempDir();
    await writeFile(join(broken, 'syntax.json'), '{"schemaVersion": 1,');
    await writeVariant(broken, 'schema.json', 'Not A Slug');
    await writeVariant(broken, 'zz-good.json', 'still-good', complete);
    const run = await runCli(['check', broken, join(broken, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('JSON 格式错误');
    expect(run.stdout).toMatch(/✖ 格式 schema {2}别名只能包含小写字母.* {2}\/meta\/slug/);
    expect(run.stdout).toContain('找不到文件或文件夹');
    expect(run.stdout).toMatch(/✔ .*zz-good\.json {2}通过/);
  });

  it('never prints the contents of a file that is not JSON, skips FIFOs instead of hanging, and goes on (issue 14)', async () => {
    const dir = await tempDir();
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    await symlink(secret, join(dir, 'link.json'));
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    await writeVariant(dir, 'zz-good.json', 'still-good', complete);
    const run = await runCli(['check', join(dir, 'link.json'), fifo, join(dir, 'zz-good.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain('root:x');
    expect(run.stdout).toContain('JSON 格式错误');
    expect(run.stdout).toContain('不是普通文件');
    expect(run.stdout).toMatch(/✔ .*zz-good\.json {2}通过/);
  });

  it('reports a file of 300,000 list items as one capped schema error and checks the rest (issue 14)', async () => {
    const dir = await tempDir();
    const huge = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    huge.meta.subordinateUnits = Array(300_000).fill(0);
    await writeFile(join(dir, 'huge.json'), JSON.stringify(huge));
    const many = JSON.parse(await readFile(EXAMPLE, 'utf8'));
    many.meta.subordinateUnits = Array(900).fill(0);
    await writeFile(join(dir, 'many.json'), JSON.stringify(many));
    await writeVariant(dir, 'zz-good.json', 'still-good', complete);
    const run = await runCli(['check', dir, '--json']);
    expect(run.code).toBe(2);
    const result = JSON.parse(run.stdout);
    const bySource = Object.fromEntries(result.files.map((f: any) => [f.source.split('/').pop(), f]));
    expect(bySource['huge.json'].status).toBe('invalid');
    expect(JSON.stringify(bySource['huge.json'])).toContain('最多 2000 项');
    expect(bySource['many.json'].status).toBe('invalid');
    expect(JSON.stringify(bySource['many.json']).length).toBeLessThan(100_000);
    expect(JSON.stringify(bySource['many.json'])).toContain('共 900 处错误，列出前 100 处');
    expect(bySource['zz-good.json'].status).toBe('clean');
  });

  it('prints one JSON object with --json', async () => {
    const run = await runCli(['check', dir, '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ exitCode: 1, strict: false, summary: { files: 2, clean: 1, invalid: 0, withErrors: 1 } });
    const [good, bad] = result.files;
    expect(good).toMatchObject({ status: 'clean', alias: 'good-unit-2024', errors: 0, findings: [] });
    expect(good.id).toMatch(/^[0-9a-f]{24}$/);
    expect(bad.status).toBe('errors');
    expect(bad.findings[0]).toEqual(
      expect.objectContaining({ rule: expect.any(String), severity: 'error', message: expect.any(String), paths: expect.any(Array) }),
    );
  });

  it('reports the second payload with an alias already used as a warning', async () => {
    const twins = await tempDir();
    await writeVariant(twins, 'one.json', 'twin');
    await writeVariant(twins, 'two.json', 'twin');
    const run = await runCli(['check', twins]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/⚠ 警告 cli\.duplicate-alias .*twin-2024 已被 .*one\.json 使用/);
  });
});
