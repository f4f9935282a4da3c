/**
 * GET /v1/schema.json is the contract for producers in other languages: the examples must pass a
 * standard JSON Schema validator, and the mistakes the service refuses must fail it too.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { payloadJsonSchema } from '../../src/routes/validate';

const schema = JSON.parse(payloadJsonSchema());
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);
const load = (name: string) => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8'));

describe('the exported JSON Schema', () => {
  it('is draft 2020-12 with an id', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
  });

  it('accepts both examples', () => {
    for (const name of ['wuhan-jianghan-cyzx-2024', 'wuhan-jianghan-cyzx-2024-minimal']) {
      expect(validate(load(name)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('rejects what the service rejects: unknown keys, three decimals, bad codes, missing fields', () => {
    const cases: [string, (p: any) => void, string][] = [
      ['unknown key', (p) => (p.meta.extra = 1), '/meta'],
      ['three decimals', (p) => (p.tables.gpbExpense.rows[0].total = '1,519.581'), '/tables/gpbExpense/rows/0/total'],
      ['misplaced separator', (p) => (p.tables.gpbExpense.rows[0].total = '15,19.58'), '/tables/gpbExpense/rows/0/total'],
      ['6-digit code', (p) => (p.tables.income.rows[1].code = '201030'), '/tables/income/rows/1/code'],
      ['missing department', (p) => delete p.meta.department, '/meta'],
      ['wrong schema version', (p) => (p.schemaVersion = 2), '/schemaVersion'],
    ];
    for (const [what, edit, path] of cases) {
      const payload = load('wuhan-jianghan-cyzx-2024');
      edit(payload);
      expect(validate(payload), what).toBe(false);
      expect(validate.errors!.map((e) => e.instancePath), what).toContain(path);
    }
  });
});
