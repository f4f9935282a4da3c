/**
 * GET /v1/openapi.json is generated (src/http/openapi.ts): a standard OpenAPI 3.1 validator accepts
 * it, its payload schema accepts the examples and refuses what the service refuses, every output
 * of the format registry is in it with its registry parameters and ranges, and it is the same
 * bytes every time. That the routes and the document agree is tests/worker/openapi.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { binaryFormat, buildOpenApiDocument, openApiJson, outputAddresses, PROBLEM_EXAMPLES } from '../../src/http/openapi';
import { acceptedParams, FORMATS, OUTPUT_FORMATS, type Format } from '../../src/render/formats';
import { LIMITS } from '../../src/render/figures';

const text = openApiJson();
const doc = JSON.parse(text);
const load = (name: string) => JSON.parse(readFileSync(`examples/${name}`, 'utf8'));

/** An ajv validator for one component schema, with the document's components to resolve $refs in. */
function componentValidator(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile({ $ref: `#/components/schemas/${name}`, components: doc.components });
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('the file the Worker serves (public/v1/openapi.json, scripts/gen-openapi.mjs) is this build, byte for byte: never stale', () => {
    const served = readFileSync('public/v1/openapi.json', 'utf8');
    expect(served === text, 'public/v1/openapi.json is stale: run node scripts/prepare-assets.mjs').toBe(true);
  });

  it('is valid OpenAPI 3.1 by @seriousme/openapi-schema-validator, every $ref resolves', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const refs = [...new Set(refsIn(doc))];
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('is the same bytes every time it is built', () => {
    expect(JSON.stringify(buildOpenApiDocument(), null, 2)).toBe(text);
    expect(openApiJson()).toBe(text);
  });

  it('its payload schema accepts every example and refuses what the service refuses', () => {
    const validate = componentValidator('Payload');
    const examples = readdirSync('examples').filter((f) => f.endsWith('.json'));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const name of examples) expect(validate(load(name)), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    const cases: [string, (p: any) => void, string][] = [
      ['unknown key', (p) => (p.meta.extra = 1), '/meta'],
      ['three decimals', (p) => (p.tables.gpbExpense.rows[0].total = '1,519.581'), '/tables/gpbExpense/rows/0/total'],
      ['missing department', (p) => delete p.meta.department, '/meta'],
      ['wrong schema version', (p) => (p.schemaVersion = 2), '/schemaVersion'],
    ];
    for (const [what, edit, path] of cases) {
      const payload = load('wuhan-jianghan-cyzx-2024.json');
      edit(payload);
      expect(validate(payload), what).toBe(false);
      expect(validate.errors!.map((e) => e.instancePath), what).toContain(path);
    }
  });

  it('the request example is the minimal example; problem examples have the Problem shape', () => {
    const body = doc.components.requestBodies.Payload.content['application/json'];
    expect(body.schema).toEqual({ $ref: '#/components/schemas/Payload' });
    expect(body.examples.minimal.value).toEqual(load('wuhan-jianghan-cyzx-2024-minimal.json'));
    const problem = componentValidator('Problem');
    expect(Object.keys(doc.components.examples).sort()).toEqual(Object.keys(PROBLEM_EXAMPLES).sort());
    for (const [name, example] of Object.entries<any>(doc.components.examples)) {
      expect(problem(example.value), `${name}: ${JSON.stringify(problem.errors)}`).toBe(true);
      expect(example.value.type).toBe(`https://juesuan.dev/problems/${name}`);
    }
    expect(problem({ type: 'https://juesuan.dev/problems/x', title: 't', status: 200 })).toBe(false);
    expect(problem({ type: 'https://juesuan.dev/problems/x', title: 't', status: 400, surprise: 1 })).toBe(false);
  });

  it('has every output of the format registry, stateless and published, with its content type and parameters', () => {
    const addresses = outputAddresses();
    const expected = Object.values(OUTPUT_FORMATS).reduce((n, formats) => n + formats.length, 0);
    expect(addresses).toHaveLength(expected);
    for (const { path, kind, format } of addresses) {
      const render = doc.paths[`/v1/render/${path}`]?.post;
      const stored = doc.paths[`/v1/reports/{ref}/${path}`]?.get;
      for (const [where, op] of [
        ['render', render],
        ['report', stored],
      ] as const) {
        expect(op, `${where} ${path}`).toBeDefined();
        const contentType = FORMATS[format as Format].contentType.split(';')[0];
        expect(Object.keys(op.responses['200'].content), path).toEqual([contentType]);
        expect(op.responses['200'].content[contentType], path).toEqual(
          binaryFormat(format as Format)
            ? {}
            : {
                schema:
                  format !== 'json' ? { type: 'string' } : kind === 'table' ? { $ref: '#/components/schemas/TableJson' } : { type: 'object' },
              },
        );
        const query = op.parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name);
        expect(query, `${where} ${path}`).toEqual([...acceptedParams(kind, format as Format)]);
        const pathParams = op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name);
        expect(pathParams.sort()).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).concat(where === 'report' ? ['ref'] : []).sort());
        expect(op.responses['404'] ?? op.responses['400']).toBeDefined();
      }
      expect(render.requestBody).toEqual({ $ref: '#/components/requestBodies/Payload' });
      expect(stored.requestBody).toBeUndefined();
      expect(Object.keys(render.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '413', '415', '422']));
    }
  });

  it('tells bytes from text by media type', () => {
    const kinds = Object.fromEntries((Object.keys(FORMATS) as Format[]).map((f) => [f, binaryFormat(f)]));
    expect(kinds).toMatchObject({ html: false, csv: false, json: false, svg: false, png: true });
    if ('xlsx' in kinds) expect(kinds.xlsx).toBe(true);
  });

  it('gives the parameters their real ranges and defaults', () => {
    const params = doc.paths['/v1/render/figures/{figure}.png'].post.parameters;
    const schema = (name: string) => params.find((p: any) => p.name === name).schema;
    expect(schema('width')).toEqual({ type: 'integer', minimum: LIMITS.minSize, maximum: LIMITS.maxSize, description: expect.any(String) });
    // No default for the sizes: a client that sends one would fix a table's or a narrow figure's size.
    expect(schema('height')).toEqual({ type: 'integer', minimum: LIMITS.minSize, maximum: LIMITS.maxSize, description: expect.any(String) });
    expect(params.find((p: any) => p.name === 'width').description).toMatch(/200–4000/);
    expect(schema('scale')).toMatchObject({ type: 'number', minimum: LIMITS.minScale, maximum: LIMITS.maxScale, default: 1 });
    expect(schema('theme')).toMatchObject({ enum: ['auto', 'light', 'dark'], default: 'auto' });
    expect(schema('background').enum).toEqual(['white', 'transparent']);
    expect(schema('layout').enum).toEqual(['wide', 'narrow']);
    const htmlParams = doc.paths['/v1/reports/{ref}/tables/{table}.html'].get.parameters.map((p: any) => p.name);
    expect(htmlParams).toEqual(['ref', 'table', 'theme', 'embed']);
  });

  it('asks for a Bearer token where publishing needs one, and nowhere else', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const secured: string[] = [];
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) if (op.security) secured.push(`${method.toUpperCase()} ${path}`);
    }
    expect(secured).toEqual(['POST /v1/reports']);
    expect(doc.paths['/v1/reports'].post.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(doc.components.responses.Unauthorized.headers['www-authenticate']).toBeDefined();
    expect(doc.security).toBeUndefined();
  });

  it('answers every error as application/problem+json with the Problem schema', () => {
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const [status, response] of Object.entries<any>(op.responses)) {
          if (Number(status) < 400) continue;
          const resolved = response.$ref ? doc.components.responses[response.$ref.split('/').pop()] : response;
          expect(Object.keys(resolved.content), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
          expect(resolved.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
        }
      }
    }
  });
});
