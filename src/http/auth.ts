/**
 * Bearer-token check for write routes. Tokens come from the API_TOKENS secret (comma-separated,
 * so tokens can be rotated without downtime). Comparison hashes both sides first and compares
 * the digests in constant time, so neither content nor length leaks through timing.
 */
import { ProblemError } from './problem';

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function configuredTokens(secret: string | undefined): string[] {
  return (secret ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length >= 16);
}

/** Throws 401 problem+json unless the Authorization header carries one of the tokens. */
export async function requireToken(authorization: string | undefined, secret: string | undefined): Promise<void> {
  // RFC 6750: a 401 names the scheme it wants.
  const unauthorized = (detail: string, error?: string) =>
    new ProblemError(401, 'unauthorized', '未授权', detail).withHeaders({
      'www-authenticate': `Bearer realm="juesuan"${error ? `, error="${error}"` : ''}`,
    });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw unauthorized('发布报告需要令牌：请在请求头中加入 Authorization: Bearer <令牌>。');
  const given = await digest(match[1]);
  let ok = false;
  // Check every configured token (no early exit) so timing does not reveal which one matched.
  for (const token of configuredTokens(secret)) {
    if (constantTimeEqual(given, await digest(token))) ok = true;
  }
  if (!ok) throw unauthorized('令牌无效。', 'invalid_token');
}
