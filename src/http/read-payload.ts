/**
 * Reads a payload from a request body: media type, size, JSON syntax, schema, audit — each
 * failure its own problem type, so a client can tell "fix your JSON" from "fix your figures".
 */
import type { Context } from 'hono';
import { checkReport } from '../audit/check-report';
import type { Model } from '../model/derive';
import type { AcknowledgedFinding, Finding } from '../audit';
import { ProblemError } from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * How much of a refused body is read and dropped before answering 413. Cancelling a body that is
 * still arriving breaks the connection it came on: in `wrangler dev` the next request on it was
 * answered 503 "Your worker restarted mid-request" (found by `npm run load`'s hostile phase). Reading
 * costs no memory (chunks are dropped) and little CPU; past this bound the sender is cut off.
 */
export const DRAIN_BYTES = 16 * 1024 * 1024;

export interface CheckedPayload {
  model: Model;
  findings: Finding[];
  /** Findings the payload acknowledged with a reason: they do not block. */
  acknowledged: AcknowledgedFinding[];
}

export async function readJsonBody(c: Context): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!(type === 'application/json' || type.endsWith('+json'))) {
    throw new ProblemError(
      415,
      'unsupported-media-type',
      '请求格式不支持',
      `请以 JSON 提交数据（Content-Type: application/json），收到的是“${type || '未指定'}”。`,
    );
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) {
    await drain(c.req.raw.body, DRAIN_BYTES);
    throw tooLarge();
  }
  const text = await readCapped(c.req.raw, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError(400, 'malformed-json', 'JSON 格式错误', `提交的内容不是合法的 JSON：${(error as Error).message}`);
  }
}

/**
 * Reads and drops up to `bound` more bytes of a refused body, then cancels it. workerd fails an
 * upload it was answered without reading (cloudflare/workerd#1741: "Network connection lost" at
 * the sender, even after cancel()); draining a bounded amount lets an honest sender finish.
 */
async function drain(body: ReadableStream<Uint8Array> | ReadableStreamDefaultReader<Uint8Array> | null, bound: number): Promise<void> {
  if (!body) return;
  const reader = 'getReader' in body ? body.getReader() : body;
  try {
    for (let seen = 0; seen <= bound; ) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the sender went away: nothing left to release
  }
}

function tooLarge(): ProblemError {
  return new ProblemError(413, 'payload-too-large', '数据过大', `提交的数据超过 ${MAX_BODY_BYTES / 1024 / 1024} MiB 上限。`, {
    limit: MAX_BODY_BYTES,
  });
}

/** Reads at most `limit` bytes, so a lying or absent Content-Length cannot exhaust memory. */
async function readCapped(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, DRAIN_BYTES);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ProblemError(400, 'malformed-json', 'JSON 格式错误', '提交的内容不是 UTF-8 编码的文本。');
  }
}

/** At most this many findings go into one answer; `findingCount` then says how many there were. */
export const MAX_LISTED_FINDINGS = 100;

/**
 * The findings an answer lists: all of them up to MAX_LISTED_FINDINGS, else errors first and the
 * first 100, with the total — one payload cannot make a reply of megabytes.
 */
export function listedFindings<T extends { severity: string }>(findings: T[]): { findings: T[]; findingCount?: number } {
  if (findings.length <= MAX_LISTED_FINDINGS) return { findings };
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity !== 'error')];
  return { findings: ordered.slice(0, MAX_LISTED_FINDINGS), findingCount: findings.length };
}

/** Turns schema and audit results into problems; returns the model when rendering may proceed. */
export function checkedOrThrow(json: unknown): CheckedPayload {
  const result = checkReport(json);
  if (!result.ok) {
    const total = result.schemaErrorCount;
    const listed = total > result.schemaErrors.length ? `（errors 列出前 ${result.schemaErrors.length} 处）` : '';
    throw new ProblemError(422, 'invalid-payload', '数据不符合格式要求', `共 ${total} 处错误${listed}，请按 errors 中的路径逐项修改。`, {
      errors: result.schemaErrors,
      errorCount: total,
    });
  }
  if (result.errors.length > 0) {
    throw new ProblemError(
      422,
      'audit-failed',
      '勾稽关系校验未通过',
      `发现 ${result.errors.length} 处错误，请按 findings 中的路径逐项核对；确需按原样公开的，可在 audit.acknowledged 中逐条说明原因。`,
      { ...listedFindings(result.findings), acknowledged: result.acknowledged.slice(0, MAX_LISTED_FINDINGS) },
    );
  }
  return { model: result.model, findings: result.findings, acknowledged: result.acknowledged };
}

/** Body → checked payload, for every POST route that takes a payload. */
export async function readPayload(c: Context): Promise<CheckedPayload> {
  return checkedOrThrow(await readJsonBody(c));
}
