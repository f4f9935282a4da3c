/**
 * The rendered-output cache in KV. A cache is an optimisation: when KV fails to read or write,
 * the request still renders and answers, and the failure is logged.
 */

export interface CachedOutput {
  body: Uint8Array;
  contentType: string;
}

export async function readCached(kv: KVNamespace, key: string): Promise<CachedOutput | null> {
  try {
    const hit = await kv.getWithMetadata<{ contentType: string }>(key, { type: 'arrayBuffer', cacheTtl: 3600 });
    if (hit.value && hit.metadata?.contentType) return { body: new Uint8Array(hit.value), contentType: hit.metadata.contentType };
  } catch (error) {
    console.warn('render cache read failed; rendering instead', key, String(error));
  }
  return null;
}

export async function writeCached(kv: KVNamespace, key: string, output: CachedOutput): Promise<void> {
  try {
    await kv.put(key, output.body, { metadata: { contentType: output.contentType } });
  } catch (error) {
    console.warn('render cache write failed; answer was still served', key, String(error));
  }
}
