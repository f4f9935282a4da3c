/**
 * Excel through the real routes inside workerd: stateless POST /v1/render/…xlsx and a published
 * report's GET …/tables/05.xlsx and …/workbook.xlsx, with the content type, a file name, the KV
 * cache keeping both, and a workbook a spreadsheet reader opens.
 */
import { SELF } from 'cloudflare:test';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { byteString } from '../bytes';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const ORIGIN = 'https://juesuan.test';
const TOKEN = 'test-token-2-bbbbbbbbbbbb';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const post = (path: string, body: unknown = example) =>
  SELF.fetch(`${ORIGIN}/v1/render/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function variant(slug: string) {
  const p = structuredClone(example) as typeof example;
  p.meta.slug = slug;
  return p;
}

async function publish(slug: string): Promise<{ id: string; alias: string; urls: { byAlias: Record<string, any>; byId: Record<string, any> } }> {
  const res = await SELF.fetch(`${ORIGIN}/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(variant(slug)),
  });
  expect(res.status).toBe(201);
  return res.json();
}

const filenameStar = (header: string | null) => decodeURIComponent((header ?? '').split("filename*=UTF-8''")[1] ?? '');

describe('Excel from the Worker', () => {
  it('POST /v1/render/tables/05.xlsx answers a one-sheet workbook to save, with numbers as numbers', async () => {
    const res = await post('tables/05.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const disposition = res.headers.get('content-disposition');
    expect(disposition).toContain('attachment; filename="wuhan-jianghan-cyzx-2024-table-05.xlsx"');
    expect(filenameStar(disposition)).toBe('武汉市江汉区城市运行管理中心 2024 年度一般公共预算财政拨款支出决算表（公开05表）.xlsx');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const book = XLSX.read(bytes, { type: 'array', cellNF: true });
    expect(book.SheetNames).toEqual(['公开05表 一般公共预算财政拨款支出决算表']);
    expect(book.Sheets[book.SheetNames[0]].E8).toMatchObject({ t: 'n', v: 1519.58, z: '#,##0.00' });
    // Same payload, same bytes.
    expect(byteString(new Uint8Array(await (await post('tables/05.xlsx')).arrayBuffer()))).toBe(byteString(bytes));
  });

  it('POST /v1/render/workbook.xlsx holds every table; parameters are refused', async () => {
    const res = await post('workbook.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(filenameStar(res.headers.get('content-disposition'))).toBe('2024 年度武汉市江汉区城市运行管理中心 部门决算公开.xlsx');
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toHaveLength(9);
    expect(book.SheetNames[8]).toBe('公开09表 财政拨款“三公”经费支出决算表');
    const bad = await post('workbook.xlsx?theme=dark');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await post('tables/99.xlsx')).status).toBe(404);
  });

  it('a published report serves tables/05.xlsx and workbook.xlsx by alias, from KV the second time with the same name', async () => {
    const published = await publish('xlsx-read');
    expect(published.urls.byAlias.workbook).toBe(`${ORIGIN}/v1/reports/xlsx-read-2024/workbook.xlsx`);
    expect(published.urls.byAlias.tables['05'].xlsx).toBe(`${ORIGIN}/v1/reports/xlsx-read-2024/tables/05.xlsx`);
    for (const url of [published.urls.byAlias.tables['05'].xlsx, published.urls.byAlias.workbook, published.urls.byId.tables['01'].xlsx]) {
      const first = await SELF.fetch(url);
      expect(first.status, url).toBe(200);
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(first.headers.get('content-type')).toBe(XLSX_TYPE);
      const disposition = first.headers.get('content-disposition');
      expect(disposition, url).toMatch(/^attachment; filename="xlsx-read-2024-(table-0[15]|workbook)\.xlsx"; filename\*=UTF-8''/);
      const bytes = new Uint8Array(await first.arrayBuffer());
      const second = await SELF.fetch(url);
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.headers.get('content-disposition')).toBe(disposition);
      expect(byteString(new Uint8Array(await second.arrayBuffer()))).toBe(byteString(bytes));
    }
    const index = await (await SELF.fetch(`${ORIGIN}/`)).text();
    expect(index).toContain('href="/v1/reports/xlsx-read-2024/workbook.xlsx"');
    expect(index).toContain('href="/v1/reports/xlsx-read-2024/tables/05.xlsx">Excel<');
    const page = await (await SELF.fetch(published.urls.byAlias.tables['05'].html)).text();
    expect(page).toContain('href="../tables/05.xlsx" download>Excel<');
  });
});
