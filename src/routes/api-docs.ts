/**
 * The API for other programs: GET /v1/openapi.json (generated at build time from
 * src/http/openapi.ts into the static asset public/v1/openapi.json by scripts/gen-openapi.mjs, so
 * the Worker neither bundles nor runs zod-openapi) and its reference page, Swagger UI served from static assets (public/docs/api/: the committed page and
 * its start script, and swagger-ui-dist's files copied there by scripts/prepare-assets.mjs).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { noQueryParameters, notFound } from '../http/problem';
import { API_DOCS_PATH, OPENAPI_ASSET_PATH } from '../http/api-docs-path';

export const apiDocRoutes = new Hono<AppEnv>();

apiDocRoutes.get('/v1/openapi.json', async (c) => {
  noQueryParameters(c.req.url);
  const asset = await c.env.ASSETS.fetch(`${ASSET_ORIGIN}${OPENAPI_ASSET_PATH}`);
  if (asset.status !== 200) {
    console.error('openapi asset', OPENAPI_ASSET_PATH, asset.status);
    throw notFound('接口说明文档尚未生成（部署前须运行 scripts/prepare-assets.mjs）');
  }
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600' });
  const etag = asset.headers.get('etag');
  if (etag) headers.set('etag', etag);
  return new Response(asset.body, { status: 200, headers });
});

/**
 * Swagger UI sets style attributes and draws icons as data: images, so the page's policy allows
 * inline styles and data: images; scripts only from this origin (the start script is a file, not
 * inline), requests only to this origin. Report pages keep their own, stricter policy.
 */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "font-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The asset server ignores the host; any absolute URL will do. */
const ASSET_ORIGIN = 'https://assets.invalid';

async function fromAssets(assets: Fetcher, path: string): Promise<Response> {
  const asset = await assets.fetch(`${ASSET_ORIGIN}${path}`);
  if (asset.status !== 200) {
    if (asset.status !== 404) console.warn('api docs asset', path, asset.status);
    throw notFound(`没有这个文件：${path}（部署前须运行 scripts/prepare-assets.mjs）`);
  }
  const headers = new Headers({
    'content-type': asset.headers.get('content-type') ?? 'application/octet-stream',
    'cache-control': 'public, max-age=3600',
    'content-security-policy': DOCS_CSP,
  });
  const etag = asset.headers.get('etag');
  if (etag) headers.set('etag', etag);
  return new Response(asset.body, { status: 200, headers });
}

apiDocRoutes.get(API_DOCS_PATH, (c) => {
  noQueryParameters(c.req.url);
  // The asset server answers a directory with its index.html (and redirects /index.html to it).
  return fromAssets(c.env.ASSETS, `${API_DOCS_PATH}/`);
});

apiDocRoutes.get(`${API_DOCS_PATH}/:file{[A-Za-z0-9][A-Za-z0-9._-]*}`, (c) => {
  noQueryParameters(c.req.url);
  const file = c.req.param('file');
  if (file === 'index.html') throw notFound(`没有这个文件：${API_DOCS_PATH}/${file}`);
  return fromAssets(c.env.ASSETS, `${API_DOCS_PATH}/${file}`);
});
