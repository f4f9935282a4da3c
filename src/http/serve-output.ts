/**
 * One way to answer with a rendered output, for stateless and stored reports alike:
 * cache lookup in KV, render on a miss, ETag / If-None-Match, X-Cache, security headers.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { Model } from '../model/derive';
import { renderOutput, type Links, type OutputSpec, type RenderParams } from '../render/output';
import { RENDERER_VERSION } from '../render/version.generated';
import { renderKey } from '../store/keys';
import { readCached, readStateless, writeCached, writeStateless } from '../store/render-cache';
import { sha256Hex } from '../store/content-id';
import { createWorkerdRuntime } from '../runtime/figure-runtime.workerd';
import { normalizedParams } from '../render/render-params';
import { outputPath } from '../render/output-path';
import { contentDisposition } from '../render/download-name';

export interface ServeRequest {
  id: string;
  /** Built only on a cache miss: parsing and deriving cost more than a KV read. */
  model: () => Promise<Model>;
  spec: OutputSpec;
  params: RenderParams;
  /** Present for published reports (pages link to their siblings); absent for stateless renders (figures inlined). */
  links?: Links;
  cacheControl: string;
  /**
   * Where the bytes are cached: `report` in KV (only for published reports, behind a token-checked
   * publish), `stateless` in the edge cache with an expiry — never in KV, never under a report key.
   */
  store: 'report' | 'stateless';
}

/** CSP for HTML pages: nothing external, inline styles/scripts of our own, framing as configured. */
export function contentSecurityPolicy(frameAncestors: string, kind: 'html' | 'svg' | 'other'): string {
  const ancestors = `frame-ancestors ${frameAncestors.trim() || "'none'"}`;
  if (kind === 'html') {
    return `default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; ${ancestors}`;
  }
  if (kind === 'svg') return `default-src 'none'; style-src 'unsafe-inline'; ${ancestors}`;
  return `default-src 'none'; ${ancestors}`;
}

export async function serveOutput(c: Context<AppEnv>, req: ServeRequest): Promise<Response> {
  const params = normalizedParams(req.params, req.spec);
  const key = renderKey(RENDERER_VERSION, req.id, outputPath(req.spec), params, req.links ? 'linked' : 'inline');
  const etag = `"${(await sha256Hex(key)).slice(0, 32)}"`;
  const headers = new Headers({
    etag,
    'cache-control': req.cacheControl,
    vary: 'accept-encoding',
  });
  const kind = req.spec.format === 'html' ? 'html' : req.spec.format === 'svg' ? 'svg' : 'other';
  headers.set('content-security-policy', contentSecurityPolicy(c.env.FRAME_ANCESTORS ?? '*', kind));

  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers });
  }

  const cached = req.store === 'report' ? await readCached(c.env.REPORTS, key) : await readStateless(key);
  if (cached) {
    headers.set('content-type', cached.contentType);
    if (cached.contentDisposition) headers.set('content-disposition', cached.contentDisposition);
    headers.set('x-cache', 'HIT');
    return new Response(cached.body, { status: 200, headers });
  }

  const rendered = await renderOutput(
    await req.model(),
    req.spec,
    { params: req.params, links: req.links, frameAncestors: c.env.FRAME_ANCESTORS },
    createWorkerdRuntime(c.env),
  );
  const body = typeof rendered.body === 'string' ? new TextEncoder().encode(rendered.body) : rendered.body;
  const output = { body, contentType: rendered.contentType, ...(rendered.filename ? { contentDisposition: contentDisposition(rendered.filename) } : {}) };
  const write = req.store === 'report' ? writeCached(c.env.REPORTS, key, output) : writeStateless(key, output);
  try {
    c.executionCtx.waitUntil(write);
  } catch {
    await write; // no execution context (plain app.request in tests): finish the write inline
  }
  headers.set('content-type', output.contentType);
  if (output.contentDisposition) headers.set('content-disposition', output.contentDisposition);
  headers.set('x-cache', 'MISS');
  return new Response(body, { status: 200, headers });
}
