/**
 * The Hono app: middleware, routes, error handling — nothing else. Each area's routes live in
 * src/routes/ and call the pure core (schema, audit, model, render).
 */
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { problemOf, problemResponse, PROBLEM_BASE } from './http/problem';
import { validateRoutes } from './routes/validate';
import { renderRoutes } from './routes/render';
import { reportRoutes } from './routes/reports';
import { templateSetRoutes } from './routes/template-sets';
import { siteRoutes } from './routes/site';
import { apiDocRoutes } from './routes/api-docs';
import { workbenchRoutes } from './routes/workbench';

const app = new Hono<AppEnv>();

app.use(async (c, next) => {
  await next();
  c.res.headers.set('x-content-type-options', 'nosniff');
});

app.route('/', validateRoutes);
app.route('/', renderRoutes);
app.route('/', reportRoutes);
app.route('/', templateSetRoutes);
app.route('/', siteRoutes);
app.route('/', apiDocRoutes);
app.route('/', workbenchRoutes);

/** The methods each address answers; another method gets 405 with Allow, not 404. */
function allowedMethods(pathname: string): string[] | null {
  if (pathname === '/v1/validate' || pathname.startsWith('/v1/render/')) return ['POST'];
  if (pathname === '/v1/reports') return ['GET', 'HEAD', 'POST'];
  if (
    pathname === '/' ||
    pathname === '/v1/schema.json' ||
    pathname === '/v1/template-sets' ||
    pathname === '/v1/openapi.json' ||
    pathname === '/docs/api' ||
    pathname === '/workbench' ||
    pathname.startsWith('/workbench/') ||
    pathname.startsWith('/v1/reports/')
  ) {
    return ['GET', 'HEAD'];
  }
  return null;
}

app.notFound((c) => {
  const pathname = new URL(c.req.url).pathname;
  const allowed = allowedMethods(pathname);
  if (allowed && !allowed.includes(c.req.method)) {
    return problemResponse(
      {
        type: PROBLEM_BASE + 'method-not-allowed',
        title: '请求方法不支持',
        status: 405,
        detail: `${pathname} 不支持 ${c.req.method}，可用：${allowed.join('、')}。`,
      },
      { allow: allowed.join(', ') },
    );
  }
  return problemResponse({
    type: PROBLEM_BASE + 'not-found',
    title: '未找到',
    status: 404,
    detail: `没有这个地址：${c.req.method} ${pathname}`,
  });
});

app.onError((error, c) => {
  const problem = problemOf(error);
  if (problem) return problem.getResponse();
  // Unknown errors are ours, not the client's: log them and say so without details.
  console.error('unhandled error', c.req.method, c.req.url, error);
  return problemResponse({
    type: PROBLEM_BASE + 'internal',
    title: '服务内部错误',
    status: 500,
    detail: '渲染服务出现内部错误，已记录。请稍后重试。',
  });
});

export default app;

// Durable Object classes must be exported by the main module.
export { AliasLedger } from './store/alias-ledger';
