import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { listedFindings, MAX_LISTED_FINDINGS, readPayload } from '../http/read-payload';
import { noQueryParameters } from '../http/problem';
import { Payload, SCHEMA_VERSION } from '../schema/payload';
import type { ValidateAnswer } from '../http/api-schemas';

export const validateRoutes = new Hono<AppEnv>();

validateRoutes.post('/v1/validate', async (c) => {
  noQueryParameters(c.req.url);
  const { findings, acknowledged, model } = await readPayload(c);
  return c.json({
    ok: true,
    department: model.payload.meta.department,
    fiscalYear: model.payload.meta.fiscalYear,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    ...listedFindings(findings),
    // Listed apart, each with the reviewer's reason: they no longer block publication.
    acknowledged: acknowledged.slice(0, MAX_LISTED_FINDINGS),
  } satisfies z.input<typeof ValidateAnswer>);
});

let schemaText: string | undefined;

/** The payload contract as JSON Schema (input form: what a client writes). Built once per isolate. */
export function payloadJsonSchema(): string {
  schemaText ??= JSON.stringify(
    {
      ...z.toJSONSchema(Payload, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
      $id: `https://juesuan.dev/schema/v${SCHEMA_VERSION}.json`,
    },
    null,
    2,
  );
  return schemaText;
}

validateRoutes.get('/v1/schema.json', (c) => {
  noQueryParameters(c.req.url);
  return c.body(payloadJsonSchema(), 200, {
    'content-type': 'application/schema+json; charset=utf-8',
    'cache-control': 'public, max-age=3600',
  });
});
