/**
 * Never a crash: whatever a workbook holds, the import either returns a result (with every cell it
 * could not place reported in Chinese) or refuses the file with a WorkbookError — no other exception.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importWorkbook, WorkbookError } from '../../src/ingest';
import { exampleWorkbook } from './ingest-workbook';

const EXAMPLE = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/wuhan-jianghan-cyzx-2024.json'), 'utf8'));
const BASE = exampleWorkbook(EXAMPLE, { codes: 'split-sparse', amounts: 'text' });

const cellValue = fc.oneof(
  fc.constant(null),
  fc.constantFrom('合计', '栏次', '类', '项目', '注：', '单位：元', '编制单位：', '-', '—', '(1,234.50)', '1,2,3', '1.234.5', '２０１', '[201]', '2010302', '201 03', '#DIV/0!', '一、', '“三公”'),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false, min: -1e13, max: 1e13 }),
  fc.integer({ min: -5, max: 99_999_999 }),
);

function mutate(edits: { sheet: number; r: number; c: number; v: unknown }[], merges: { sheet: number; r: number; c: number; h: number; w: number }[]): Uint8Array {
  const wb = XLSX.read(BASE, { type: 'array' });
  for (const e of edits) {
    const ws = wb.Sheets[wb.SheetNames[e.sheet % wb.SheetNames.length]];
    const address = XLSX.utils.encode_cell({ r: e.r, c: e.c });
    if (e.v === null) delete ws[address];
    else ws[address] = typeof e.v === 'number' ? { t: 'n', v: e.v } : { t: 's', v: String(e.v) };
  }
  for (const m of merges) {
    const ws = wb.Sheets[wb.SheetNames[m.sheet % wb.SheetNames.length]];
    ws['!merges'] = [...(ws['!merges'] ?? []), { s: { r: m.r, c: m.c }, e: { r: m.r + m.h, c: m.c + m.w } }];
  }
  for (const name of wb.SheetNames) wb.Sheets[name]['!ref'] = 'A1:Z60';
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('importWorkbook never crashes', () => {
  it('on random cell edits and merges of an exported workbook', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sheet: fc.nat(8), r: fc.nat(40), c: fc.nat(14), v: cellValue }), { maxLength: 25 }),
        fc.array(fc.record({ sheet: fc.nat(8), r: fc.nat(12), c: fc.nat(12), h: fc.nat(3), w: fc.nat(3) }), { maxLength: 3 }),
        (edits, merges) => {
          const result = importWorkbook(mutate(edits, merges));
          expect(typeof result.payload).toBe('object');
          for (const u of result.unplaced) expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
          for (const [pointer] of Object.entries(result.sources)) expect(pointer).toMatch(/^(\/[^/]+)+$/);
        },
      ),
      { numRuns: 10, seed: 18 },
    );
  });

  it('on damaged bytes: a result or a WorkbookError, nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(BASE.length - 1), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 }), fc.nat(BASE.length), (flips, cut) => {
        const bytes = BASE.slice(0, Math.max(cut, 8));
        for (const f of flips) if (f.at < bytes.length) bytes[f.at] = f.byte;
        try {
          importWorkbook(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(WorkbookError);
        }
      }),
      { numRuns: 40, seed: 18 },
    );
  });

  it('a sheet whose declared range is the whole grid (formatted to row 1,048,576) is read by what it holds', () => {
    // Edit the sheet's <dimension> in the file itself (writing such a sheet would walk every cell).
    const cfb = XLSX.CFB.read(BASE, { type: 'array' });
    const entry = XLSX.CFB.find(cfb, '/xl/worksheets/sheet3.xml')!;
    const xml = new TextDecoder().decode(entry.content as Uint8Array);
    expect(xml).toMatch(/<dimension ref="[A-Z]+\d+:[A-Z]+\d+"\/>/);
    entry.content = new TextEncoder().encode(xml.replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:XFD1048576"/>')) as unknown as typeof entry.content;
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType: 'zip' }) as ArrayBuffer);
    const result = importWorkbook(bytes);
    expect(result.unplaced).toEqual([]);
    expect((result.payload as any).tables.expense.rows).toHaveLength(19);
  });
});
