/**
 * juesuan publish: POST each payload to a deployed Worker's /v1/reports with a bearer token and
 * print where the report now lives. The Worker validates and audits; its problem+json answer is
 * printed as it came, with the JSON paths to fix.
 */
import { readFile } from 'node:fs/promises';
import type { Finding } from '../audit';
import { parseCommandArgs } from './args';
import { PUBLISH_HELP } from './help';
import { colours, EXIT, UsageError, worstExit, type CliIo, type Colours, type ExitCode } from './io';
import { resolveInputs } from './inputs';
import { countFindings, findingLine, sortFindings } from './report-text';

interface PublishValues {
  url?: string;
  token?: string;
  json?: boolean;
  help?: boolean;
}

interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  findings?: Finding[];
}

export interface PublishOutcome {
  source: string;
  ok: boolean;
  status?: number;
  id?: string;
  alias?: string;
  created?: boolean;
  /** The version the alias serves (differs from id when an older version was re-published). */
  latest?: string;
  document?: string;
  warnings?: number;
  problem?: Problem;
  /** Set when no HTTP answer came back, with why. */
  error?: string;
  failure?: 'unreadable' | 'not-sent' | 'unreachable' | 'not-json';
}

const TIMEOUT_MS = 60_000;

export async function publishCommand(argv: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs<PublishValues>('publish', argv, {
    url: { type: 'string' },
    token: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(PUBLISH_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('请指定要发布的数据文件或文件夹（missing payload file or folder）。用法：juesuan publish <payload.json | folder> --url <worker>');
  const base = serviceUrl(values.url ?? io.env.JUESUAN_URL);
  const token = values.token ?? io.env.JUESUAN_TOKEN;
  if (!token) throw new UsageError('缺少发布令牌：请设置环境变量 JUESUAN_TOKEN 或使用 --token（missing token: set JUESUAN_TOKEN or pass --token）。');

  const c = colours(io.stdout, io.env);
  const { files, errors } = await resolveInputs(positionals, io.cwd);
  const outcomes: PublishOutcome[] = errors.map((e) => ({ source: e.source, ok: false, error: e.message, failure: 'unreadable' }));
  let exitCode: ExitCode = errors.length ? EXIT.invalid : EXIT.ok;
  let unauthorized = false;

  for (const file of files) {
    let outcome: PublishOutcome;
    if (unauthorized) {
      outcome = { source: file.source, ok: false, failure: 'not-sent', error: '未发布：令牌无效（not sent: the token was rejected）。' };
    } else {
      outcome = await publishOne(base, token, file.source, file.absolute);
    }
    outcomes.push(outcome);
    exitCode = worstExit(exitCode, outcomeExit(outcome));
    if (outcome.status === 401 || outcome.status === 403) unauthorized = true;
    if (!values.json) io.stdout.write(outcomeText(outcome, c));
  }

  if (values.json) {
    io.stdout.write(`${JSON.stringify({ exitCode, url: base, results: outcomes }, null, 2)}\n`);
  } else {
    for (const error of errors) io.stdout.write(`${c.red('✖')} ${error.source}  ${error.message}\n`);
    const ok = outcomes.filter((o) => o.ok).length;
    io.stdout.write(`\n发布 publish：${outcomes.length} 个文件 files · 成功 published ${ok} · 失败 failed ${outcomes.length - ok} → ${base}\n`);
  }
  return exitCode;
}

function serviceUrl(given: string | undefined): string {
  if (!given) throw new UsageError('请用 --url 指定服务地址，如 https://juesuan.example.workers.dev（missing --url）。');
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(`--url 不是合法的网址（invalid URL）：${given}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--url 只支持 http 或 https（only http/https）：${given}`);
  return url.href.replace(/\/+$/, '');
}

async function publishOne(base: string, token: string, source: string, absolute: string): Promise<PublishOutcome> {
  let body: Uint8Array;
  try {
    body = new Uint8Array(await readFile(absolute));
  } catch (error) {
    return { source, ok: false, failure: 'unreadable', error: `无法读取文件（cannot read）：${(error as Error).message}` };
  }
  let response: Response;
  try {
    response = await fetch(`${base}/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { source, ok: false, failure: 'unreachable', error: `无法连接服务（request failed）：${cause?.code ?? cause?.message ?? (error as Error).message}` };
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { source, ok: false, status: response.status, failure: 'not-json', error: `服务返回的不是 JSON（HTTP ${response.status}）：${text.slice(0, 200)}` };
  }
  if (!response.ok) return { source, ok: false, status: response.status, problem: json as Problem };
  const answer = json as {
    id: string;
    alias: string;
    created: boolean;
    latest?: string;
    findings?: Finding[];
    urls?: { byAlias?: { document?: string }; byId?: { document?: string } };
  };
  // Re-publishing an older version does not move the alias: then the alias serves another version,
  // and the URL that shows this payload is the content-id one.
  const aliasElsewhere = answer.latest !== undefined && answer.latest !== answer.id;
  return {
    source,
    ok: true,
    status: response.status,
    id: answer.id,
    alias: answer.alias,
    created: answer.created,
    latest: answer.latest,
    document: aliasElsewhere ? answer.urls?.byId?.document : answer.urls?.byAlias?.document,
    warnings: countFindings(answer.findings ?? []).warnings,
  };
}

/**
 * 422 audit-failed is "fix your figures" (1); other 4xx, unreadable files and payloads not sent
 * after a rejected token are invalid input (2); an unreachable or failing service is 3.
 */
export function outcomeExit(outcome: PublishOutcome): ExitCode {
  if (outcome.ok) return EXIT.ok;
  if (outcome.failure === 'unreadable' || outcome.failure === 'not-sent') return EXIT.invalid;
  if (outcome.status === 422 && outcome.problem?.type?.endsWith('/audit-failed')) return EXIT.findings;
  if (outcome.status !== undefined && outcome.status >= 400 && outcome.status < 500) return EXIT.invalid;
  return EXIT.internal;
}

function outcomeText(outcome: PublishOutcome, c: Colours): string {
  if (outcome.ok) {
    const elsewhere = outcome.latest !== undefined && outcome.latest !== outcome.id;
    const state = outcome.created
      ? '新发布 created'
      : elsewhere
        ? `已存在，但别名 ${outcome.alias} 指向另一版本 ${outcome.latest}（already published; the alias serves a newer version）`
        : '已存在 unchanged';
    const warned = outcome.warnings ? `，${c.yellow(`${outcome.warnings} 个警告`)}` : '';
    return `${c.green('✔')} ${outcome.source} → ${outcome.alias}（${outcome.id}）${state}${warned}\n  ${outcome.document ?? ''}\n`;
  }
  if (!outcome.problem) return `${c.red('✖')} ${outcome.source}  ${outcome.error}\n`;
  const p = outcome.problem;
  const lines = [`${c.red('✖')} ${outcome.source}  HTTP ${outcome.status} ${p.title ?? ''}${p.detail ? `：${p.detail}` : ''}${p.type ? `  ${c.dim(p.type)}` : ''}`];
  for (const error of p.errors ?? []) lines.push(`  ${c.red('✖ 格式')} ${error.message}  ${c.dim(error.path || '/')}`);
  for (const finding of sortFindings((p.findings ?? []).filter((f) => f.severity === 'error'))) lines.push(findingLine(finding, c));
  return `${lines.join('\n')}\n`;
}
