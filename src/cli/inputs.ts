/**
 * Payload files from the command line: files as given, folders as every *.json directly inside
 * them in code-point order (not locale order, so every machine renders the same sequence).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { checkReport, type ReportResult } from '../audit/check-report';
import { contentId } from '../store/content-id';
import type { ErrorRecord } from './manifest';

export interface InputFile {
  /** Path relative to the working directory, with forward slashes (stable across platforms). */
  source: string;
  absolute: string;
}

export type ResolvedInputs = { files: InputFile[]; errors: ErrorRecord[] };

export async function resolveInputs(args: string[], cwd: string): Promise<ResolvedInputs> {
  const files: InputFile[] = [];
  const errors: ErrorRecord[] = [];
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, source: displayPath(absolute, cwd) });
  };
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(absolute);
    } catch {
      errors.push({ source: arg, kind: 'unreadable', message: `找不到文件或文件夹（not found）：${arg}` });
      continue;
    }
    if (!info.isDirectory() && !info.isFile()) {
      // A FIFO, socket or device: reading it could block forever or never end.
      errors.push({ source: arg, kind: 'unreadable', message: `不是普通文件（not a regular file）：${arg}` });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(absolute, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
        .map((entry) => entry.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (names.length === 0) {
        errors.push({ source: arg, kind: 'unreadable', message: `文件夹中没有 .json 文件（no *.json in folder）：${arg}` });
      }
      for (const name of names) add(resolve(absolute, name));
    } else {
      add(absolute);
    }
  }
  return { files, errors };
}

function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' || rel.startsWith('..') ? absolute : rel;
  return shown.split(sep).join('/');
}

/** A payload read, parsed, validated and audited. */
export type LoadedPayload =
  | { ok: true; input: InputFile; bytes: Uint8Array; result: Extract<ReportResult, { ok: true }>; id: string; alias: string }
  | { ok: false; input: InputFile; error: ErrorRecord };

/**
 * Reads one payload the way POST /v1/reports reads a body: UTF-8 (a BOM is dropped), JSON, then
 * schema and audit. Audit errors still give ok: true — the caller decides what they mean.
 */
export async function loadPayload(input: InputFile): Promise<LoadedPayload> {
  const fail = (error: Omit<ErrorRecord, 'source'>): LoadedPayload => ({ ok: false, input, error: { source: input.source, ...error } });
  let bytes: Uint8Array;
  try {
    // Only regular files of at most the Worker's body limit are read: a FIFO would block, a device
    // never end, and a huge file is no payload.
    const info = await stat(input.absolute);
    if (!info.isFile()) return fail({ kind: 'unreadable', message: '不是普通文件（not a regular file）。' });
    if (info.size > MAX_PAYLOAD_BYTES) {
      return fail({ kind: 'unreadable', message: `文件超过 ${MAX_PAYLOAD_BYTES / 1024 / 1024} MiB 上限（too large: ${info.size} bytes）。` });
    }
    bytes = new Uint8Array(await readFile(input.absolute));
  } catch (error) {
    return fail({ kind: 'unreadable', message: `无法读取文件（cannot read）：${(error as Error).message}` });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail({ kind: 'json', message: '文件不是 UTF-8 编码的文本（not UTF-8 text）。' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail({ kind: 'json', message: `JSON 格式错误（malformed JSON）${jsonErrorPlace(text, error as Error)}。` });
  }
  let result: ReportResult;
  try {
    result = checkReport(json);
  } catch (error) {
    // A bug of ours, not the file's: report this file and go on with the others.
    return fail({ kind: 'schema', message: `无法校验此文件（internal error while checking）：${String((error as Error).message ?? error).slice(0, 200)}` });
  }
  if (!result.ok) {
    return fail({
      kind: 'schema',
      message: `数据不符合格式要求（schema errors）：共 ${result.schemaErrorCount} 处错误${result.schemaErrorCount > result.schemaErrors.length ? `，列出前 ${result.schemaErrors.length} 处` : ''}。`,
      problems: result.schemaErrors,
    });
  }
  const { meta } = result.model.payload;
  return { ok: true, input, bytes, result, id: await contentId(result.model.payload), alias: `${meta.slug}-${meta.fiscalYear}` };
}

/** The Worker's body limit (src/http/read-payload.ts MAX_BODY_BYTES), for files. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * Where JSON.parse failed, as line and column — never the file's text: V8's message quotes the
 * first bytes, and a mistyped path (or a link to /etc/passwd) must not print a file's contents.
 */
function jsonErrorPlace(text: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    return `：第 ${line} 行第 ${before.length - before.lastIndexOf('\n')} 列（line ${line}）`;
  }
  return /Unexpected end/.test(error.message) ? '：内容不完整（unexpected end）' : '';
}

/**
 * Marks the second and later payloads with an alias already taken in this run: two payloads
 * cannot share one folder (nor one alias on the Worker).
 */
export function duplicateAliases(loaded: LoadedPayload[]): Map<LoadedPayload, ErrorRecord> {
  const firstByAlias = new Map<string, string>();
  const duplicates = new Map<LoadedPayload, ErrorRecord>();
  for (const item of loaded) {
    if (!item.ok) continue;
    const first = firstByAlias.get(item.alias);
    if (first === undefined) {
      firstByAlias.set(item.alias, item.input.source);
    } else {
      duplicates.set(item, {
        source: item.input.source,
        kind: 'duplicate-alias',
        alias: item.alias,
        message: `别名 ${item.alias} 已被 ${first} 使用：同一别名（slug + 会计年度）只能有一份数据（duplicate alias）。`,
      });
    }
  }
  return duplicates;
}
