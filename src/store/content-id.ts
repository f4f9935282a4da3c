/**
 * Content ids: a hash of the canonical payload (parsed, amounts normalised to cents, keys sorted),
 * so "1,519.58" and 1519.58 publish as the same report and re-publishing never makes a new id.
 */
import type { Payload } from '../schema/payload';

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 24 hex characters (96 bits) of SHA-256 over the canonical payload.
 * @example await contentId(payload) // "3f9c0a…"
 */
export async function contentId(payload: Payload): Promise<string> {
  return (await sha256Hex(canonicalJson(payload))).slice(0, 24);
}
