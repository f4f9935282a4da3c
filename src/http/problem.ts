/**
 * One error type for every client mistake: RFC 9457 problem details with a stable `type`,
 * a Chinese `title`/`detail` a finance clerk can act on, and the JSON pointers that failed.
 */
import { RenderError } from '../render/errors';

export const PROBLEM_BASE = 'https://juesuan.dev/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  readonly body: ProblemBody;
  /** Headers the answer must carry (WWW-Authenticate on 401, Allow on 405). */
  headers: Record<string, string> = {};

  constructor(status: number, slug: string, title: string, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? title);
    this.body = { type: PROBLEM_BASE + slug, title, status, ...(detail ? { detail } : {}), ...extensions };
  }

  get status(): number {
    return this.body.status;
  }

  getResponse(headers: HeadersInit = {}): Response {
    const h = new Headers(this.headers);
    new Headers(headers).forEach((value, key) => h.set(key, value));
    return problemResponse(this.body, h);
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }
}

export function problemResponse(body: ProblemBody, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/problem+json; charset=utf-8');
  h.set('cache-control', 'no-store');
  return new Response(JSON.stringify(body, null, 2), { status: body.status, headers: h });
}

/**
 * The HTTP answer to an error of the core (src/render/errors.ts), or undefined for anything else
 * (a bug: the caller answers 500).
 */
export function problemOf(error: unknown): ProblemError | undefined {
  if (error instanceof ProblemError) return error;
  if (error instanceof RenderError) {
    switch (error.kind) {
      case 'not-found':
        return notFound(error.detail);
      case 'invalid-parameter':
        return badParameter(error.detail, error.errors);
      case 'too-large':
        return new ProblemError(422, 'output-too-large', '输出过大，无法生成', error.detail, error.errors.length ? { errors: error.errors } : {});
    }
  }
  return undefined;
}

export const notFound = (what: string) => new ProblemError(404, 'not-found', '未找到', what);
export const badParameter = (detail: string, errors: { path: string; message: string }[] = []) =>
  new ProblemError(400, 'invalid-parameter', '请求参数不正确', detail, errors.length ? { errors } : {});

/**
 * Refuses any query string: routes whose answer has no parameters say so (README: anything
 * else is a 400) instead of silently ignoring what a client meant to ask for.
 */
export function noQueryParameters(url: string): void {
  const keys = [...new Set([...new URL(url).searchParams.keys()])];
  if (keys.length > 0) {
    throw badParameter(
      `此地址不接受参数：${keys.join('、')}。`,
      keys.map((k) => ({ path: k, message: '不支持的参数' })),
    );
  }
}
