/**
 * Stateless rendering: the payload in the body, the output in the path, parameters in the query.
 * Never written to KV (no token here): cached for an hour in the edge cache, under keys no report URL reads.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { readPayload } from '../http/read-payload';
import { parseEncodedOutputPath, UNKNOWN_OUTPUT } from '../render/output-path';
import { parseRenderParams } from '../render/render-params';
import { notFound } from '../http/problem';
import { serveOutput } from '../http/serve-output';
import { contentId } from '../store/content-id';

export const renderRoutes = new Hono<AppEnv>();

renderRoutes.post('/v1/render/*', async (c) => {
  const url = new URL(c.req.url);
  const spec = parseEncodedOutputPath(url.pathname.slice('/v1/render/'.length));
  if (!spec) throw notFound(UNKNOWN_OUTPUT);
  // Parameters are checked before the body so a bad query never costs a parse.
  const params = parseRenderParams(url.searchParams, spec);
  const { model } = await readPayload(c);
  const id = await contentId(model.payload);
  return serveOutput(c, { id, model: async () => model, spec, params, cacheControl: 'no-store', store: 'stateless' });
});
