import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/ingest';
import { Payload } from '../../src/schema/payload';
import { exampleWorkbook, type Variant } from './ingest-workbook';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples/wuhan-jianghan-cyzx-2024.json'), 'utf8'));

/** Blank is blank: the schema reads an omitted amount and null alike. */
function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = withoutBlanks(v);
    return out;
  }
  return value;
}

/** The payload completed with what a workbook cannot hold (slug, date), parsed by the schema. */
function parsedTables(payload: unknown) {
  const p = payload as { meta: Record<string, unknown> };
  const complete = { ...p, meta: { slug: 'x', publishedOn: '2025-10-31', ...p.meta } };
  const parsed = Payload.safeParse(complete);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 5)));
  return withoutBlanks(parsed.data.tables);
}

const EXPECTED = withoutBlanks(Payload.parse(EXAMPLE).tables);

function roundTrip(variant: Variant) {
  const result = importWorkbook(exampleWorkbook(EXAMPLE, variant));
  return result;
}

describe('importWorkbook: the reference example as exported workbooks', () => {
  it('reads all nine tables back exactly (xlsx, codes split over 类/款/项, numbers)', () => {
    const result = roundTrip({});
    expect(result.unplaced).toEqual([]);
    expect(result.templateSet).toBe('national-2024');
    expect(result.sheets.map((s) => s.table)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(parsedTables(result.payload)).toEqual(EXPECTED);
    const meta = (result.payload as { meta: Record<string, unknown> }).meta;
    expect(meta).toEqual({ department: '武汉市江汉区城市运行管理中心', fiscalYear: 2024, unit: '万元' });
  });
});
