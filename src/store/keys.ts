/**
 * KV key derivation, pure. Every piece of a key that comes from a client is validated first,
 * so nothing a client sends can address another key (no key injection).
 */

/** Content ids: 24 lowercase hex characters. */
export const ID_PATTERN = /^[0-9a-f]{24}$/;
/** Aliases: `{slug}-{fiscalYear}`, e.g. wuhan-jianghan-cyzx-2024. */
export const ALIAS_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}$/;

export type ReportRef = { kind: 'id'; id: string } | { kind: 'alias'; alias: string };

/** Classifies a path segment as a content id or an alias; null when it is neither. */
export function parseReportRef(segment: string): ReportRef | null {
  if (segment.length > 100) return null;
  if (ID_PATTERN.test(segment)) return { kind: 'id', id: segment };
  if (ALIAS_PATTERN.test(segment)) return { kind: 'alias', alias: segment };
  return null;
}

export const payloadKey = (id: string) => `payload:${id}`;
export const aliasKey = (alias: string) => `alias:${alias}`;
export const ALIAS_PREFIX = 'alias:';

/**
 * How an output's links are made — part of every render key, because it changes the bytes:
 * `linked` pages of published reports point to their sibling outputs; `inline` pages of stateless
 * renders carry their figures as inline SVG.
 */
export type LinkMode = 'linked' | 'inline';

/**
 * Key of a rendered output of a published report. The renderer version is part of it, so new
 * code never serves old bytes; the link mode is too (it changes the bytes of HTML pages).
 * Only GET /v1/reports/… reads and writes these keys: stateless renders never touch KV (see
 * render-cache.ts), so nothing without a token can put bytes under a report URL.
 * @example renderKey('0.1.0+abc', '3f…', 'figures/1.png', 'theme=auto&width=800…', 'linked')
 */
export function renderKey(version: string, id: string, output: string, params: string, mode: LinkMode): string {
  return `render:${version}:${mode}:${id}:${output}${params ? `?${params}` : ''}`;
}
