/**
 * Published reports: POST /v1/reports (token), GET /v1/reports, GET /v1/reports/{id-or-alias}[/output].
 * Content-id URLs never change, so they are cached for a year; alias URLs move with new versions.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { requireToken } from '../http/auth';
import { readJsonBody, checkedOrThrow, listedFindings } from '../http/read-payload';
import { outputPath, parseEncodedOutputPath, UNKNOWN_OUTPUT } from '../render/output-path';
import { parseRenderParams } from '../render/render-params';
import { noQueryParameters, notFound, problemOf } from '../http/problem';
import { serveOutput } from '../http/serve-output';
import { deriveModel, type Model } from '../model/derive';
import { Payload } from '../schema/payload';
import { refusedOutputs, type Links } from '../render/output';
import { createWorkerdRuntime } from '../runtime/figure-runtime.workerd';
import { figureIds } from '../render/figures';
import { renderIndexPage } from '../render/index-page';
import { OUTPUT_FORMATS } from '../render/formats';
import { linksUnder, relativeLinks } from '../render/links';
import { contentId } from '../store/content-id';
import { parseReportRef } from '../store/keys';
import { getAlias, getStoredPayload, listReports } from '../store/reports';
import { aliasLedger } from '../store/alias-ledger';
import type { OutputUrls, PublishAnswer, ReportList } from '../http/api-schemas';
import type { z } from 'zod';

export const reportRoutes = new Hono<AppEnv>();

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=60, must-revalidate';

/** Absolute links to the outputs of one stored report, for API answers and the index page. */
export function reportLinks(base: string, exists?: (path: string) => boolean): Links {
  return linksUnder(`${base}/`, 'query', exists);
}

/**
 * The output URLs of one stored report under `ref` (its id or alias): only what the Worker serves; the
 * outputs it refuses (422, table images over the image work bounds) are left out of `tables` and
 * listed in `refused` with the Chinese reason.
 */
function reportUrls(origin: string, ref: string, model: Model, refused: { path: string; reason: string }[]): z.input<typeof OutputUrls> {
  const paths = new Set(refused.map((r) => r.path));
  const links = reportLinks(`${origin}/v1/reports/${ref}`);
  return {
    payload: `${origin}/v1/reports/${ref}`,
    document: links.document(),
    narrative: links.narrative(),
    glossary: links.glossary(),
    workbook: links.workbook(),
    tables: Object.fromEntries(
      model.set.tables.map((t) => [
        t.no,
        Object.fromEntries(
          OUTPUT_FORMATS.table.filter((f) => !paths.has(outputPath({ kind: 'table', id: t.no, format: f }))).map((f) => [f, links.table(t.no, f)]),
        ),
      ]),
    ),
    figures: Object.fromEntries(figureIds(model).map((id) => [id, Object.fromEntries(OUTPUT_FORMATS.figure.map((f) => [f, links.figure(id, f)]))])),
    refused,
  };
}

reportRoutes.post('/v1/reports', async (c) => {
  await requireToken(c.req.header('authorization'), c.env.API_TOKENS);
  noQueryParameters(c.req.url);
  const json = await readJsonBody(c);
  const { model, findings } = checkedOrThrow(json);
  const id = await contentId(model.payload);
  const { meta } = model.payload;
  const alias = `${meta.slug}-${meta.fiscalYear}`;
  // The alias's Durable Object applies publishes one at a time: no version is lost to a race.
  const { created, record } = await aliasLedger(c.env.ALIASES, alias).publish({
    id,
    alias,
    department: meta.department,
    fiscalYear: meta.fiscalYear,
    payload: json,
  });
  // This isolate has just derived the model: the report's first renders here need not derive it again.
  rememberModel(id, Promise.resolve(model));
  const origin = new URL(c.req.url).origin;
  const refused = await refusedOutputs(model, createWorkerdRuntime(c.env));
  return c.json(
    {
      id,
      alias,
      created,
      latest: record.latest,
      versions: record.versions,
      ...listedFindings(findings),
      urls: { byId: reportUrls(origin, id, model, refused), byAlias: reportUrls(origin, alias, model, refused) },
    } satisfies z.input<typeof PublishAnswer>,
    created ? 201 : 200,
    { location: `${origin}/v1/reports/${id}` },
  );
});

reportRoutes.get('/v1/reports', async (c) => {
  noQueryParameters(c.req.url);
  const reports = await listReports(c.env.REPORTS);
  const origin = new URL(c.req.url).origin;
  return c.json(
    { reports: reports.map((r) => ({ ...r, url: `${origin}/v1/reports/${r.alias}` })) } satisfies z.input<typeof ReportList>,
    200,
    { 'cache-control': 'no-store' },
  );
});

/** Per-isolate memo of derived models: deriving is cheap, but not free on every cache miss. */
const models = new Map<string, Promise<Model>>();
const MAX_MODELS = 32;

function rememberModel(id: string, pending: Promise<Model>): void {
  pending.catch(() => models.delete(id));
  models.delete(id); // most recently stored last
  if (models.size >= MAX_MODELS) models.delete(models.keys().next().value!);
  models.set(id, pending);
}

async function loadModel(kv: KVNamespace, id: string): Promise<Model> {
  let pending = models.get(id);
  if (!pending) {
    pending = (async () => {
      const stored = await getStoredPayload(kv, id);
      if (!stored) throw notFound(`没有内容标识为 ${id} 的报告。`);
      // A stored payload passed the schema and the audit when it was published: derive only. The
      // audit runs (once per model, audit/index.ts) only if an output lists its findings.
      const parsed = Payload.safeParse(stored.payload);
      if (!parsed.success) throw new Error(`stored payload ${id} no longer parses`);
      return deriveModel(parsed.data);
    })();
    rememberModel(id, pending);
  }
  return pending;
}

/** Resolves an id or alias segment to a content id; 404 for anything else, before touching KV keys. */
async function resolve(c: Context<AppEnv>, segment: string): Promise<{ id: string; byAlias: boolean }> {
  const ref = parseReportRef(segment);
  if (!ref) throw notFound('报告标识应为 24 位内容标识或“别名-年度”（如 wuhan-jianghan-cyzx-2024）。');
  if (ref.kind === 'id') return { id: ref.id, byAlias: false };
  const record = await getAlias(c.env.REPORTS, ref.alias);
  if (!record) throw notFound(`没有别名为 ${ref.alias} 的报告。`);
  return { id: record.latest, byAlias: true };
}

reportRoutes.get('/v1/reports/:ref', async (c) => {
  noQueryParameters(c.req.url);
  const { id, byAlias } = await resolve(c, c.req.param('ref'));
  const stored = await getStoredPayload(c.env.REPORTS, id);
  if (!stored) throw notFound(`没有内容标识为 ${id} 的报告。`);
  const etag = `"${id}"`;
  const headers = { etag, 'cache-control': byAlias ? REVALIDATE : IMMUTABLE, 'x-content-id': id };
  if (c.req.header('if-none-match')?.includes(etag)) return c.body(null, 304, headers);
  return c.json(stored.payload, 200, headers);
});

// What GET /v1/reports/{ref}/… serves and what it refuses (the publish answer's urls), for pages such as
// the embed-and-download view that offer a report's outputs after it was published.
reportRoutes.get('/v1/reports/:ref/outputs.json', async (c) => {
  noQueryParameters(c.req.url);
  const { id, byAlias } = await resolve(c, c.req.param('ref'));
  const model = await loadModel(c.env.REPORTS, id);
  const refused = await refusedOutputs(model, createWorkerdRuntime(c.env));
  const ref = byAlias ? c.req.param('ref') : id;
  const body = reportUrls(new URL(c.req.url).origin, ref, model, refused) satisfies z.input<typeof OutputUrls>;
  return c.json(body, 200, { 'cache-control': byAlias ? REVALIDATE : IMMUTABLE, 'x-content-id': id });
});

reportRoutes.get('/v1/reports/:ref/*', async (c) => {
  const { id, byAlias } = await resolve(c, c.req.param('ref'));
  const url = new URL(c.req.url);
  const prefix = `/v1/reports/${c.req.param('ref')}/`;
  const spec = parseEncodedOutputPath(url.pathname.slice(prefix.length));
  if (!spec) throw notFound(UNKNOWN_OUTPUT);
  const params = parseRenderParams(url.searchParams, spec);
  const response = await serveOutput(c, {
    id,
    model: () => loadModel(c.env.REPORTS, id),
    spec,
    params,
    links: relativeLinks(outputPath(spec)),
    cacheControl: byAlias ? REVALIDATE : IMMUTABLE,
    store: 'report',
  });
  response.headers.set('x-content-id', id);
  return response;
});

reportRoutes.get('/', async (c) => {
  noQueryParameters(c.req.url);
  let reports: Awaited<ReturnType<typeof listReports>> = [];
  try {
    reports = await listReports(c.env.REPORTS);
  } catch (error) {
    console.warn('listing reports failed', String(error));
  }
  const entries = [];
  for (const r of reports) {
    try {
      const model = await loadModel(c.env.REPORTS, r.latest);
      // Table images the Worker would refuse (422: over the image work bounds) are not linked, and the page says why.
      const skipped = await refusedOutputs(model, createWorkerdRuntime(c.env));
      const refused = new Set(skipped.map((s) => s.path));
      const links = reportLinks(`/v1/reports/${r.alias}`, skipped.length ? (path) => !refused.has(path) : undefined);
      entries.push({ model, links, skipped, versions: r.versions, alias: r.alias });
    } catch (error) {
      if (!problemOf(error)) console.warn('index entry failed', r.alias, String(error));
    }
  }
  return c.html(renderIndexPage(entries, { apiLinks: true }), 200, { 'cache-control': 'no-store' });
});
