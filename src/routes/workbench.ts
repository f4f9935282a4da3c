/**
 * The workbench (/workbench) and the embed-and-download view (/workbench/embed): static pages
 * built from web/workbench/ by scripts/build-web.mjs into public/workbench/, served through the
 * ASSETS binding (run_worker_first sends every request here first). They call the public API
 * from the browser; nothing here renders.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { noQueryParameters, problemResponse, PROBLEM_BASE } from '../http/problem';

export const workbenchRoutes = new Hono<AppEnv>();

/** Where the asset server finds a request's file (it ignores the host). */
const ASSET_ORIGIN = 'https://assets.invalid';

async function serveAsset(c: Context<AppEnv>, assetPath: string): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(new Request(ASSET_ORIGIN + assetPath, { method: c.req.method, headers: c.req.raw.headers }));
  if (asset.status === 404) {
    return problemResponse({
      type: PROBLEM_BASE + 'not-found',
      title: '未找到',
      status: 404,
      detail:
        assetPath === '/workbench/' || assetPath === '/workbench/embed'
          ? '工作台页面尚未生成：请先运行 node scripts/prepare-assets.mjs（npm ci、npm start 会自动运行）。'
          : `没有这个地址：${c.req.method} ${new URL(c.req.url).pathname}`,
    });
  }
  // A copy: the asset server's headers are immutable, and the app's middleware adds its own.
  const response = new Response(asset.body, asset);
  // The pages hold a publishing token field: no other site may frame them.
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    response.headers.set('content-security-policy', "frame-ancestors 'self'");
    response.headers.set('cache-control', 'no-cache');
  }
  return response;
}

// The pages read their own query (?report=…) in the browser; the files take none.
workbenchRoutes.get('/workbench', (c) => serveAsset(c, '/workbench/'));
workbenchRoutes.get('/workbench/embed', (c) => serveAsset(c, '/workbench/embed'));
workbenchRoutes.get('/workbench/:file{[A-Za-z0-9_-]+\\.(?:js|css)}', (c) => {
  noQueryParameters(c.req.url);
  return serveAsset(c, `/workbench/${c.req.param('file')}`);
});
