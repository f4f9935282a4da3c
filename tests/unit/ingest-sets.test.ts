/**
 * The import follows the template set, not the national tables: Yunnan's 11 tables (no 公开NN表
 * labels, custom tables such as 一般公共预算财政拨款收入支出决算表 and the 三公/机关运行经费 lines) and
 * Hubei Zengdu's 表1–表9 come back as the same printed tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/ingest';
import { deriveModel } from '../../src/model/derive';
import { buildTable } from '../../src/render/table/grid';
import { Payload } from '../../src/schema/payload';
import { exampleWorkbook, type Variant } from './ingest-workbook';

const ROOT = join(import.meta.dirname, '../..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'examples', name), 'utf8'));

/** Every table of the set as printed (grid text of every cell, and the JSON records). */
function printedTables(payload: unknown) {
  const p = payload as { meta: Record<string, unknown> };
  const model = deriveModel(Payload.parse({ ...p, meta: { slug: 'x', publishedOn: '2025-10-31', fiscalYear: 2024, ...p.meta } }));
  return model.set.tables.map((ref) => {
    const table = buildTable(model, ref.no);
    return { no: ref.no, title: table.title, rows: table.rows.map((r) => r.cells.map((c) => c.text)), records: table.records };
  });
}

const cases: [string, unknown, Variant][] = [
  ['yunnan-2024 (11 tables, no labels, custom tables)', read('wuhan-jianghan-cyzx-2024-yunnan-format.json'), { codes: 'split-sparse', amounts: 'text' }],
  ['hubei-zengdu-2024 (表1–表9, 三公 as 表7)', { ...read('wuhan-jianghan-cyzx-2024.json'), templateSet: 'hubei-zengdu-2024' }, { codes: 'joined', bookType: 'biff8', order: 'reversed' }],
];

describe('importWorkbook in other template sets', () => {
  for (const [name, payload, variant] of cases) {
    it(`${name}: recognised without being told, every printed table back exactly`, () => {
      const result = importWorkbook(exampleWorkbook(payload, variant));
      const set = (payload as { templateSet: string }).templateSet;
      expect(result.templateSet).toBe(set);
      expect((result.payload as { templateSet: string }).templateSet).toBe(set);
      expect(result.unplaced).toEqual([]);
      expect(result.sheets.every((s) => s.table !== null)).toBe(true);
      expect(printedTables(result.payload)).toEqual(printedTables(payload));
      // Yunnan's titles carry no year: then the year is asked for, not guessed.
      const titled = (payload as { templateSet: string }).templateSet !== 'yunnan-2024';
      expect(result.missing.some((m) => m.path === '/meta/fiscalYear')).toBe(!titled);
    });
  }

  it('a workbook of one set read with another set named: what does not fit is reported, not guessed', () => {
    const hubei = { ...read('wuhan-jianghan-cyzx-2024.json'), templateSet: 'hubei-zengdu-2024' };
    const result = importWorkbook(exampleWorkbook(hubei, {}), { templateSet: 'yunnan-2024' });
    expect(result.templateSet).toBe('yunnan-2024');
    expect(result.unplaced.length).toBeGreaterThan(0);
    for (const u of result.unplaced) expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
