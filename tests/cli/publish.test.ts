/**
 * publish against a stub of the Worker's POST /v1/reports on 127.0.0.1: the CLI's side of the
 * contract (bearer token, body as given, problem+json on failure) without Worker bindings.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditError, runCli, tempDir, writeVariant } from './helpers';

const TOKEN = 'test-token-1-aaaaaaaaaaaa';

interface Received {
  authorization?: string;
  contentType?: string;
  body: string;
}

describe('juesuan publish', () => {
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let good: string;
  let bad: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
        const problem = (status: number, slug: string, title: string, extra: object = {}) => {
          res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8' });
          res.end(JSON.stringify({ type: `https://juesuan.dev/problems/${slug}`, title, status, ...extra }));
        };
        if (req.method !== 'POST' || req.url !== '/v1/reports') return problem(404, 'not-found', '未找到');
        if (req.headers.authorization !== `Bearer ${TOKEN}`) return problem(401, 'unauthorized', '未授权', { detail: '令牌无效。' });
        const payload = JSON.parse(body);
        if (payload.meta.slug === 'broken') {
          return problem(422, 'audit-failed', '勾稽关系校验未通过', {
            detail: '发现 1 处错误，请按 findings 中的路径逐项核对。',
            findings: [
              { rule: 'rollup.row', severity: 'error', message: '公开05表 小计不等于基本支出与项目支出之和', paths: ['/tables/gpbExpense/rows/0/total'] },
              { rule: 'x.warn', severity: 'warning', message: '只是警告', paths: ['/x'] },
            ],
          });
        }
        const alias = `${payload.meta.slug}-${payload.meta.fiscalYear}`;
        const origin = `http://${req.headers.host}`;
        if (payload.meta.slug === 'old-version') {
          // An older version published again: nothing new, and the alias serves a newer one.
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(
            JSON.stringify({
              id: '0123456789abcdef01234567',
              alias,
              created: false,
              latest: 'fedcba9876543210fedcba98',
              findings: [],
              urls: {
                byAlias: { document: `${origin}/v1/reports/${alias}/document.html` },
                byId: { document: `${origin}/v1/reports/0123456789abcdef01234567/document.html` },
              },
            }),
          );
        }
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: '0123456789abcdef01234567',
            alias,
            created: true,
            findings: [{ rule: 'w', severity: 'warning', message: 'w', paths: [] }],
            urls: { byAlias: { document: `${origin}/v1/reports/${alias}/document.html` } },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = await tempDir();
    good = await writeVariant(dir, 'good.json', 'published');
    bad = await writeVariant(dir, 'broken.json', 'broken', auditError);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('says so when the alias serves another version, and prints the URL that shows this one (issue 14)', async () => {
    const dir = await tempDir();
    const old = await writeVariant(dir, 'old.json', 'old-version');
    const run = await runCli(['publish', old, '--url', url], { env: { JUESUAN_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('指向另一版本 fedcba9876543210fedcba98');
    expect(run.stdout).not.toContain('已存在 unchanged');
    expect(run.stdout).toContain(`${url}/v1/reports/0123456789abcdef01234567/document.html`);
    expect(run.stdout).not.toContain('/v1/reports/old-version-2024/document.html');
  });

  it('posts the file as given with the bearer token from JUESUAN_TOKEN and prints alias, id and document URL', async () => {
    received.length = 0;
    const run = await runCli(['publish', good, '--url', `${url}/`], { env: { JUESUAN_TOKEN: TOKEN } });
    expect(run.code).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0].authorization).toBe(`Bearer ${TOKEN}`);
    expect(received[0].contentType).toBe('application/json');
    expect(received[0].body).toBe(await readFile(good, 'utf8'));
    expect(run.stdout).toContain('→ published-2024（0123456789abcdef01234567）新发布 created，1 个警告');
    expect(run.stdout).toContain(`${url}/v1/reports/published-2024/document.html`);
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('exits 1 on an audit rejection and prints the problem detail with the paths of the errors', async () => {
    const run = await runCli(['publish', good, bad, '--url', url, '--token', TOKEN]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('HTTP 422 勾稽关系校验未通过：发现 1 处错误');
    expect(run.stdout).toMatch(/✖ 错误 rollup\.row .*\/tables\/gpbExpense\/rows\/0\/total/);
    expect(run.stdout).not.toContain('只是警告');
    expect(run.stdout).toContain('成功 published 1 · 失败 failed 1');
  });

  it('exits 2 on a rejected token and stops sending', async () => {
    received.length = 0;
    const run = await runCli(['publish', good, bad, '--url', url, '--token', 'wrong-token-wrong-token', '--json']);
    expect(run.code).toBe(2);
    expect(received).toHaveLength(1);
    const result = JSON.parse(run.stdout);
    expect(result.exitCode).toBe(2);
    expect(result.results[0]).toMatchObject({ ok: false, status: 401, problem: { title: '未授权', detail: '令牌无效。' } });
    expect(result.results[1]).toMatchObject({ ok: false, error: expect.stringContaining('not sent') });
  });

  it('exits 2 without a token or URL, and 3 when the service cannot be reached', async () => {
    const noToken = await runCli(['publish', good, '--url', url]);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('JUESUAN_TOKEN');
    const noUrl = await runCli(['publish', good], { env: { JUESUAN_TOKEN: TOKEN } });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('missing --url');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const down = await runCli(['publish', good, '--url', `http://127.0.0.1:${port}`, '--token', TOKEN]);
    expect(down.code).toBe(3);
    expect(down.stdout).toContain('无法连接服务（request failed）：ECONNREFUSED');
  });
});
