/**
 * Render caches. A cache is an optimisation: when it fails to read or write, the request still
 * renders and answers, and the failure is logged.
 *
 * - Published reports (GET /v1/reports/…, written only after a token-checked publish) are cached
 *   in KV without expiry: their keys hold the renderer version, so they are only ever reused.
 * - Stateless renders (POST /v1/render/…, no token) are never written to KV — anybody could fill
 *   it. They go to the Workers Cache API of the data centre instead, under a separate host name
 *   that no report URL maps to, with a one-hour lifetime; the cache evicts on its own and is not
 *   billed storage. (On *.workers.dev the Cache API does nothing: those renders are not stored.)
 */

export interface CachedOutput {
  body: Uint8Array;
  contentType: string;
  /** For downloads (xlsx): the header with the file name, kept with the bytes. */
  contentDisposition?: string;
}

/** Lifetime of a stateless render in the edge cache, in seconds. */
export const STATELESS_CACHE_SECONDS = 3600;

export async function readCached(kv: KVNamespace, key: string): Promise<CachedOutput | null> {
  try {
    const hit = await kv.getWithMetadata<{ contentType: string; contentDisposition?: string }>(key, { type: 'arrayBuffer', cacheTtl: 3600 });
    if (hit.value && hit.metadata?.contentType) {
      const { contentType, contentDisposition } = hit.metadata;
      return { body: new Uint8Array(hit.value), contentType, ...(contentDisposition ? { contentDisposition } : {}) };
    }
  } catch (error) {
    console.warn('render cache read failed; rendering instead', key, String(error));
  }
  return null;
}

export async function writeCached(kv: KVNamespace, key: string, output: CachedOutput): Promise<void> {
  try {
    const disposition = output.contentDisposition ? { contentDisposition: output.contentDisposition } : {};
    await kv.put(key, output.body, { metadata: { contentType: output.contentType, ...disposition } });
  } catch (error) {
    console.warn('render cache write failed; answer was still served', key, String(error));
  }
}

/** The Cache API request for a stateless key: a host of its own, never a report URL. */
function statelessRequest(key: string): Request {
  return new Request(`https://stateless-render.juesuan.invalid/${encodeURIComponent(key)}`);
}

function edgeCache(): Cache | null {
  return typeof caches === 'undefined' ? null : (caches as unknown as { default: Cache }).default ?? null;
}

export async function readStateless(key: string): Promise<CachedOutput | null> {
  try {
    const cache = edgeCache();
    const hit = cache ? await cache.match(statelessRequest(key)) : undefined;
    if (hit) {
      const contentDisposition = hit.headers.get('content-disposition');
      return {
        body: new Uint8Array(await hit.arrayBuffer()),
        contentType: hit.headers.get('content-type') ?? 'application/octet-stream',
        ...(contentDisposition ? { contentDisposition } : {}),
      };
    }
  } catch (error) {
    console.warn('stateless cache read failed; rendering instead', key, String(error));
  }
  return null;
}

export async function writeStateless(key: string, output: CachedOutput): Promise<void> {
  try {
    const cache = edgeCache();
    if (!cache) return;
    await cache.put(
      statelessRequest(key),
      new Response(output.body, {
        headers: {
          'content-type': output.contentType,
          'cache-control': `public, max-age=${STATELESS_CACHE_SECONDS}`,
          ...(output.contentDisposition ? { 'content-disposition': output.contentDisposition } : {}),
        },
      }),
    );
  } catch (error) {
    console.warn('stateless cache write failed; answer was still served', key, String(error));
  }
}
