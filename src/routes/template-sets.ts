import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { allTemplateSets, tableLabel } from '../model/template-set';
import { noQueryParameters } from '../http/problem';
import type { TemplateSets } from '../http/api-schemas';
import type { z } from 'zod';

export const templateSetRoutes = new Hono<AppEnv>();

/** The template sets this deployment ships (templates/sets/<id>/): what a payload's `templateSet` may name. */
templateSetRoutes.get('/v1/template-sets', (c) => {
  noQueryParameters(c.req.url);
  return c.json(
    {
      templateSets: allTemplateSets().map((set) => ({
        id: set.id,
        name: set.name,
        ...(set.extends ? { extends: set.extends } : {}),
        fiscalYears: set.fiscalYears,
        ...(set.source ? { source: set.source } : {}),
        tables: set.tables.map((t) => ({ no: t.no, key: t.key, title: t.title, label: tableLabel(set, t.no) })),
        parts: set.document.parts.map((p) => ({ kind: p.kind, title: p.title })),
      })),
    } satisfies z.input<typeof TemplateSets>,
    200,
    { 'cache-control': 'public, max-age=3600' },
  );
});
