/**
 * The OpenAPI document against the Worker that serves it: every route of the app is in the
 * document and every address in the document is a route (walks `app.routes`), the examples are
 * what the service really answers, real answers have the documented shapes, and the reference
 * page and its files are served from static assets.
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../src/index';
import { openApiJson, type PROBLEM_EXAMPLES } from '../../src/http/openapi';
import { Problem, PublishAnswer, ReportList, TableJsonSchema, TemplateSets, ValidateAnswer } from '../../src/http/api-schemas';
import { MAX_BODY_BYTES } from '../../src/http/read-payload';
import minimal from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-1-aaaaaaaaaaaa';
const get = (path: string) => SELF.fetch(`${ORIGIN}${path}`);
const post = (path: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  SELF.fetch(`${ORIGIN}${path}`, { method: 'POST', body, headers });

const doc = JSON.parse(openApiJson());
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A concrete address for each documented path, to match against the app's route patterns. */
const SAMPLE: Record<string, string> = { ref: 'wuhan-jianghan-cyzx-2024', table: '05', figure: '3', file: 'swagger-ui.css' };
const documented = Object.entries<any>(doc.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((m) => ({
    method: m.toUpperCase(),
    path,
    sample: path.replace(/\{(\w+)\}/g, (_, name: string) => {
      expect(SAMPLE[name], `a sample value for {${name}}`).toBeDefined();
      return SAMPLE[name];
    }),
  })),
);

/** Hono's path pattern as a regular expression: `:name{re}`, `:name`, `*`. */
function patternOf(path: string): RegExp {
  let re = '';
  for (let i = 0; i < path.length; ) {
    const param = /^:\w+(\{([^}]+)\})?/.exec(path.slice(i));
    if (param) {
      re += param[2] ? `(?:${param[2]})` : '[^/]+';
      i += param[0].length;
    } else if (path[i] === '*') {
      re += '.*';
      i++;
    } else {
      re += path[i].replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(`^${re}$`);
}

// Middleware is registered as ALL /* (app.use); every other entry is a route.
const routes = app.routes.filter((r) => !(r.method === 'ALL' && r.path === '/*')).map((r) => ({ ...r, pattern: patternOf(r.path) }));

describe('the document and the app have the same routes', () => {
  it('every route the app serves is in the document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const covered = documented.filter((d) => (route.method === 'ALL' || d.method === route.method) && route.pattern.test(d.sample));
      expect(covered.length, `${route.method} ${route.path} is not in /v1/openapi.json (src/http/openapi.ts)`).toBeGreaterThan(0);
    }
  });

  it('every address in the document is a route of the app', () => {
    for (const d of documented) {
      const route = routes.find((r) => (r.method === 'ALL' || r.method === d.method) && r.pattern.test(d.sample));
      expect(route, `${d.method} ${d.path}`).toBeDefined();
    }
  });
});

describe('GET /v1/openapi.json', () => {
  it('serves the generated document as JSON, the same bytes every time', async () => {
    const first = await get('/v1/openapi.json');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await first.text();
    // Served from the asset scripts/gen-openapi.mjs wrote; built here, in workerd, from the source.
    expect(body === openApiJson(), 'the served document is not the one src/http/openapi.ts builds: run node scripts/prepare-assets.mjs').toBe(true);
    expect(await (await get('/v1/openapi.json')).text()).toBe(body);
    expect(JSON.parse(body).openapi).toBe('3.1.0');
    expect((await get('/v1/openapi.json?pretty=1')).status).toBe(400);
    expect((await post('/v1/openapi.json', '{}')).status).toBe(405);
  });
});

describe('the examples are real answers', () => {
  const reproduce: Record<keyof typeof PROBLEM_EXAMPLES, () => Promise<Response>> = {
    'invalid-parameter': () => post('/v1/render/figures/1.png?width=100', JSON.stringify(minimal)),
    'malformed-json': () => post('/v1/validate', '{'),
    unauthorized: () => post('/v1/reports', JSON.stringify(minimal)),
    'not-found': () => get('/v1/reports/nosuch-2024'),
    'payload-too-large': () => post('/v1/validate', ' '.repeat(MAX_BODY_BYTES + 1)),
    'unsupported-media-type': () => post('/v1/validate', 'x', { 'content-type': 'text/plain' }),
    'invalid-payload': () => post('/v1/validate', JSON.stringify({ schemaVersion: 1 })),
  };

  it('each problem example is what the request in its summary answers', async () => {
    expect(Object.keys(reproduce).sort()).toEqual(Object.keys(doc.components.examples).sort());
    for (const [name, request] of Object.entries(reproduce)) {
      const res = await request();
      expect(res.headers.get('content-type'), name).toBe('application/problem+json; charset=utf-8');
      const body = await res.json();
      expect(body, name).toEqual(doc.components.examples[name].value);
      expect(res.status, name).toBe(doc.components.examples[name].value.status);
    }
  });

  it('the request example validates', async () => {
    const res = await post('/v1/validate', JSON.stringify(doc.components.requestBodies.Payload.content['application/json'].examples.minimal.value));
    expect(res.status).toBe(200);
  });
});

describe('real answers have the documented shapes', () => {
  it('validate, template sets, publish and the report list', async () => {
    ValidateAnswer.parse(await (await post('/v1/validate', JSON.stringify(example))).json());
    ValidateAnswer.parse(await (await post('/v1/validate', JSON.stringify(minimal))).json());
    TemplateSets.parse(await (await get('/v1/template-sets')).json());
    const published = await post('/v1/reports', JSON.stringify(minimal), { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` });
    expect([200, 201]).toContain(published.status);
    PublishAnswer.parse(await published.json());
    const list = ReportList.parse(await (await get('/v1/reports')).json());
    expect(list.reports.length).toBeGreaterThan(0);
  });

  it('outputs carry the headers the document lists for them', async () => {
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };
    const { alias } = PublishAnswer.parse(await (await post('/v1/reports', JSON.stringify(minimal), auth)).json());
    const outputs = Object.keys(doc.paths).filter((p) => /^\/v1\/reports\/\{ref\}\/(tables\/\{table\}\.(csv|json)|[a-z]+\.(html|xlsx))$/.test(p));
    expect(outputs.length).toBeGreaterThanOrEqual(5);
    for (const path of outputs) {
      const url = path.replace('{ref}', alias).replace('{table}', '01');
      const res = await get(url);
      expect(res.status, url).toBe(200);
      const documentedHeaders = Object.keys(doc.paths[path].get.responses['200'].headers);
      for (const name of documentedHeaders) expect(res.headers.get(name), `${url}: ${name}`).not.toBeNull();
      await res.arrayBuffer();
    }
  });

  it('table JSON, every table of the reference example', async () => {
    for (const no of ['01', '02', '03', '04', '05', '06', '07', '08', '09']) {
      const res = await post(`/v1/render/tables/${no}.json`, JSON.stringify(example));
      expect(res.status, no).toBe(200);
      const table = TableJsonSchema.parse(await res.json());
      expect(table.table).toBe(no);
    }
  });

  it('problems of every kind', async () => {
    const broken = structuredClone(example) as any;
    broken.tables.threePublic.actual.total = '1.87';
    const answers = [
      await post('/v1/validate', JSON.stringify(broken)), // audit-failed, with findings
      await SELF.fetch(`${ORIGIN}/v1/validate`, { method: 'GET' }), // 405
      await get('/nowhere'), // 404
      await post('/v1/reports', '{}', { 'content-type': 'application/json', authorization: 'Bearer wrong-token-0000000000' }), // 401 invalid_token
    ];
    expect(answers.map((a) => a.status)).toEqual([422, 405, 404, 401]);
    for (const answer of answers) Problem.parse(await answer.json());
  });
});

describe('GET /docs/api: the reference page, offline', () => {
  it('serves the page with a policy that allows scripts from this origin only', async () => {
    const res = await get('/docs/api');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await res.text();
    expect(html).toContain('/docs/api/start.js');
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    expect(html).not.toMatch(/(src|href)="https?:/); // nothing from another origin
  });

  it('serves every file the page loads, and the start script points at /v1/openapi.json', async () => {
    const html = await (await get('/docs/api')).text();
    const files = [...html.matchAll(/(?:src|href)="(\/docs\/api\/[^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['/docs/api/swagger-ui-bundle.js', '/docs/api/swagger-ui.css', '/docs/api/start.js']));
    for (const file of files) {
      const res = await get(file);
      expect(res.status, `${file} (run scripts/prepare-assets.mjs)`).toBe(200);
      expect(res.headers.get('content-type'), file).toMatch(/^(text\/css|text\/javascript|application\/javascript)/);
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
    const start = await (await get('/docs/api/start.js')).text();
    expect(start).toContain("url: '/v1/openapi.json'");
    expect(start).toContain('validatorUrl: null');
  });

  it('is linked from the index page', async () => {
    const index = await (await get('/')).text();
    expect(index).toContain('<a href="/docs/api">');
    expect(index).toContain('<a href="/v1/openapi.json">');
  });

  it('refuses what is not one of its files', async () => {
    for (const path of ['/docs/api/nope.js', '/docs/api/index.html', '/docs/api/..%2Fpackage.json', '/docs/api?x=1']) {
      const res = await get(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
    }
  });
});
