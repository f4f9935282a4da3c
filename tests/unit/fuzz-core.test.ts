/**
 * Property tests of the pure core in Node: random consistent payloads (tests/fuzz/arbitraries.ts)
 * must audit without errors, render every table and the document, print exactly the figures they
 * were built from, and never let payload text out unescaped. Bounded: fixed seed, fixed run counts.
 * Reproduce a failure with the seed printed by fast-check: FUZZ_SEED=<seed> npx vitest run tests/unit/fuzz-core.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import incomeLayout from '../../templates/sets/national-2024/layouts/income.json';
import expenseLayout from '../../templates/sets/national-2024/layouts/expense.json';
import gpbLayout from '../../templates/sets/national-2024/layouts/gpbExpense.json';
import { checkReport } from '../../src/audit/check-report';
import type { Model } from '../../src/model/derive';
import { DEFAULT_PARAMS, renderOutput, type Links, type RenderedOutput } from '../../src/render/output';
import { figureIds } from '../../src/render/figures';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { fuzzSettings, INJECTIONS, NOT_XML_CHAR, ITEM_CODE_POOL, MAX_CENTS, printed, validPayload, type Generated, type ItemFigures } from '../fuzz/arbitraries';

const SEED = Number(process.env.FUZZ_SEED ?? 20_241_031);
const runtime = createNodeRuntime();
const TABLES = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

const links: Links = {
  document: () => 'document.html',
  narrative: () => 'narrative.html',
  glossary: () => 'glossary.html',
  workbook: () => 'workbook.xlsx',
  table: (id, format) => `tables/${id}.${format}`,
  figure: (id, format) => `figures/${id}.${format}`,
};

const text = (out: RenderedOutput) => (typeof out.body === 'string' ? out.body : new TextDecoder().decode(out.body));

function modelOf(g: Generated): Model {
  // Through JSON text, as every client sends it.
  const result = checkReport(JSON.parse(JSON.stringify(g.payload)));
  if (!result.ok) throw new Error(`schema errors: ${JSON.stringify(result.schemaErrors.slice(0, 5))}`);
  if (result.errors.length > 0) throw new Error(`audit errors: ${JSON.stringify(result.errors.map((f) => [f.rule, f.paths[0], f.message.slice(0, 160)]))}`);
  return result.model;
}

// ── reading rendered tables ──────────────────────────────────────────────────────────────────────

const ENTITY: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITY[e]);

interface Cell {
  cls: string;
  text: string;
}

/** The <tbody> rows of a rendered table page, each as its class and its cells' text. */
function bodyRows(html: string): { cls: string; cells: Cell[] }[] {
  const start = html.indexOf('<tbody>');
  const end = html.indexOf('</tbody>', start);
  if (start < 0 || end < 0) return [];
  return [...html.slice(start, end).matchAll(/<tr([^>]*)>(.*?)<\/tr>/gs)].map((tr) => ({
    cls: /class="([^"]*)"/.exec(tr[1])?.[1] ?? '',
    cells: [...tr[2].matchAll(/<t[hd]\b([^>]*)>(.*?)<\/t[hd]>/gs)].map((td) => ({
      cls: /class="([^"]*)"/.exec(td[1])?.[1] ?? '',
      text: unescapeHtml(td[2]),
    })),
  }));
}

/** Sum that stays blank when every value is blank (src/model/derive.ts sumOrNull), exact in BigInt. */
function sumOrNull(values: (number | null)[]): bigint | null {
  return values.some((v) => v !== null) ? values.reduce<bigint>((a, v) => a + BigInt(v ?? 0), 0n) : null;
}

/** A cell as the tables print it: blank for nothing and for zero (the official formats leave zero cells empty). */
const show = (v: bigint | number | null) => (v === null || BigInt(v) === 0n ? '' : printed(Number(v)));

type Columns = Record<string, (it: ItemFigures) => number | null>;

const fiscalOf = (it: ItemFigures) => (it.basic === null && it.project === null ? null : (it.basic ?? 0) + (it.project ?? 0));
const total = (...parts: ((it: ItemFigures) => number | null)[]) => (it: ItemFigures) => {
  const s = sumOrNull(parts.map((p) => p(it)));
  return s === null ? null : Number(s);
};
const none = () => null;

/** What each generated 项 puts in each printed column of 02, 03 and 05. */
const COLUMNS: Record<string, { layout: { valueColumns: { key: string }[] }; columns: Columns }> = {
  '02': {
    layout: incomeLayout,
    columns: {
      total: total(fiscalOf, (it) => it.operating),
      fiscal: fiscalOf,
      superiorSubsidy: none,
      business: none,
      operating: (it) => it.operating,
      affiliatedRemit: none,
      other: none,
    },
  },
  '03': {
    layout: expenseLayout,
    columns: {
      total: total((it) => it.basic, (it) => it.project, (it) => it.operating),
      basic: (it) => it.basic,
      project: (it) => it.project,
      remitToSuperior: none,
      operating: (it) => it.operating,
      subsidyToAffiliated: none,
    },
  },
  '05': {
    layout: gpbLayout,
    columns: {
      total: total((it) => it.basic, (it) => it.project),
      basic: (it) => it.basic,
      project: (it) => it.project,
    },
  },
};

/** Every 项, 款, 类 and 合计 row of 02/03/05 prints exactly the sums of the generated 项 figures. */
function checkFunctionalTable(no: string, html: string, items: ItemFigures[]): void {
  const { layout, columns } = COLUMNS[no];
  const keys = layout.valueColumns.map((c) => c.key);
  const expected = (under: ItemFigures[]) => keys.map((k) => show(sumOrNull(under.map((it) => columns[k](it)))));
  const rows = bodyRows(html);
  const byCode = new Map<string, string[]>();
  for (const row of rows) {
    const code = row.cells.find((c) => c.cls.split(' ').includes('code'))?.text;
    const nums = row.cells.filter((c) => c.cls.split(' ').includes('num')).map((c) => c.text);
    if (code) byCode.set(code, nums);
    else if (row.cls.split(' ').includes('total')) byCode.set('合计', nums);
  }
  const prefixes = new Set(items.flatMap((it) => [it.code, it.code.slice(0, 5), it.code.slice(0, 3)]));
  for (const prefix of prefixes) {
    const under = items.filter((it) => it.code.startsWith(prefix));
    expect(byCode.get(prefix), `table ${no} row ${prefix}`).toEqual(expected(under));
  }
  if (items.length > 0) expect(byCode.get('合计'), `table ${no} 合计`).toEqual(expected(items));
}

/** 06 prints each generated item and its 类 sums; 09 prints the generated parts and their sums. */
function checkDetailAndThreePublic(html06: string, html09: string, g: Generated): void {
  const printedByCode = new Map<string, string>();
  for (const row of bodyRows(html06)) {
    row.cells.forEach((cell, i) => {
      if (!cell.cls.split(' ').includes('code')) return;
      const amount = row.cells.slice(i + 1).find((c) => c.cls.split(' ').includes('num'));
      if (amount) printedByCode.set(cell.text, amount.text);
    });
  }
  for (const [code, c] of Object.entries(g.truth.detail)) {
    expect(printedByCode.get(code), `06 ${code}`).toBe(show(c));
  }
  for (const group of ['301', '302', '303', '310']) {
    const parts = Object.entries(g.truth.detail).filter(([code]) => code.startsWith(group)).map(([, c]) => c);
    expect(printedByCode.get(group) ?? '', `06 ${group}`).toBe(show(sumOrNull(parts.length ? parts : [null])));
  }
  const side = (s: Record<string, number | null>) => {
    const vehicle = sumOrNull([s.vehiclePurchase, s.vehicleOperation]);
    const all = sumOrNull([s.abroad, vehicle === null ? null : Number(vehicle), s.reception]);
    return [all, s.abroad, vehicle, s.vehiclePurchase, s.vehicleOperation, s.reception].map(show);
  };
  const nums = bodyRows(html09).flatMap((r) => r.cells.filter((c) => c.cls.split(' ').includes('num')).map((c) => c.text));
  expect(nums, '09').toEqual([...side(g.truth.threePublic.budget), ...side(g.truth.threePublic.actual)]);
}

// ── escaping ─────────────────────────────────────────────────────────────────────────────────────

/** Injection strings as they would look if printed raw: none may appear in any output. */
const RAW_ATTACKS = INJECTIONS.filter((s) => /[<>"]/.test(s));

function checkEscapedHtml(html: string, where: string, ownScripts: number): void {
  for (const attack of RAW_ATTACKS) expect(html.includes(attack), `${where} prints ${attack} raw`).toBe(false);
  // Escaped text cannot hold '<', so any event-handler attribute would be inside a real tag.
  expect(/<[^>]*\son[a-z]+\s*=/i.test(html), `${where} has an event-handler attribute`).toBe(false);
  expect(html.match(/<script/gi)?.length ?? 0, `${where} <script> tags`).toBe(ownScripts);
  expect(/<[^>]*\s(href|src|action)\s*=\s*["']?\s*javascript:/i.test(html), `${where} javascript: URL`).toBe(false);
}

function checkEscapedSvg(svg: string, where: string): void {
  expect(svg.startsWith('<svg') || svg.startsWith('<?xml'), `${where} is an SVG`).toBe(true);
  for (const attack of RAW_ATTACKS) expect(svg.includes(attack), `${where} prints ${attack} raw`).toBe(false);
  // Escaped text cannot hold '<': a match is a real element or attribute.
  expect(/<script|<foreignObject|<[^>]*\son[a-z]+\s*=/i.test(svg), `${where} has script, foreignObject or handlers`).toBe(false);
  // A well-formed document: every < opens a tag, comment or CDATA; no stray control characters.
  expect(/<(?![a-zA-Z/!?])/.test(svg), `${where} has a stray <`).toBe(false);
  expect(NOT_XML_CHAR.test(svg), `${where} has characters XML does not allow`).toBe(false);
}

/** <script> tags our own page shell writes for these parameters (none unless embed=1). */
const ownScriptCount = async (spec: Parameters<typeof renderOutput>[1]) => {
  const base = checkReport(JSON.parse(JSON.stringify((await import('../../examples/wuhan-jianghan-cyzx-2024-minimal.json')).default)));
  if (!base.ok) throw new Error('minimal example does not parse');
  const out = await renderOutput(base.model, spec, { params: DEFAULT_PARAMS, links }, runtime);
  return text(out).match(/<script/gi)?.length ?? 0;
};

// ── properties ───────────────────────────────────────────────────────────────────────────────────

describe('fuzz: valid payloads through the pure core', () => {
  it('audit without errors, render every table (HTML/CSV/JSON) and the document, print exact figures, escape all text', async () => {
    const scripts = { table: await ownScriptCount({ kind: 'table', id: '01', format: 'html' }), document: await ownScriptCount({ kind: 'document', format: 'html' }) };
    await fc.assert(
      fc.asyncProperty(validPayload(), async (g) => {
        const model = modelOf(g);
        const ctx = { params: DEFAULT_PARAMS, links };
        const html: Record<string, string> = {};
        for (const no of TABLES) {
          html[no] = text(await renderOutput(model, { kind: 'table', id: no, format: 'html' }, ctx, runtime));
          checkEscapedHtml(html[no], `table ${no}`, scripts.table);
          const csv = text(await renderOutput(model, { kind: 'table', id: no, format: 'csv' }, ctx, runtime));
          expect(csv.startsWith('\uFEFF'), `table ${no} CSV BOM`).toBe(true);
          const json = JSON.parse(text(await renderOutput(model, { kind: 'table', id: no, format: 'json' }, ctx, runtime)));
          expect(json.table).toBe(no);
        }
        for (const no of ['02', '03', '05']) checkFunctionalTable(no, html[no], g.truth.items);
        checkDetailAndThreePublic(html['06'], html['09'], g);
        for (const kind of ['document', 'narrative', 'glossary'] as const) {
          const page = text(await renderOutput(model, { kind, format: 'html' }, ctx, runtime));
          checkEscapedHtml(page, kind, kind === 'document' ? scripts.document : scripts.table);
        }
      }),
      fuzzSettings(30, SEED),
    );
  });

  it('a few payloads also as figures (SVG, one PNG) and as the stateless document with inline SVG', async () => {
    await fc.assert(
      fc.asyncProperty(validPayload({ maxRows: 60 }), async (g) => {
        const model = modelOf(g);
        const ids = figureIds(model);
        for (const id of ids) {
          const svg = text(await renderOutput(model, { kind: 'figure', id, format: 'svg' }, { params: DEFAULT_PARAMS }, runtime));
          checkEscapedSvg(svg, `figure ${id} SVG`);
        }
        if (ids.length) {
          const png = await renderOutput(model, { kind: 'figure', id: ids[0], format: 'png' }, { params: DEFAULT_PARAMS }, runtime);
          expect([...(png.body as Uint8Array).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        }
        const doc = text(await renderOutput(model, { kind: 'document', format: 'html' }, { params: DEFAULT_PARAMS }, runtime));
        for (const attack of RAW_ATTACKS) expect(doc.includes(attack), `stateless document prints ${attack} raw`).toBe(false);
        expect(/<[^>]*\son[a-z]+\s*=/i.test(doc), 'stateless document has an event-handler attribute').toBe(false);
      }),
      fuzzSettings(5, SEED),
    );
  });

  /**
   * Found by this fuzzer: sums of many maximal amounts went past 2^53 cents and printed wrong digits.
   * Now every figure, typed or derived, is bounded by MAX_CENTS and a larger derived total is refused.
   */
  it('a 合计 beyond the allowed range is refused, never printed with wrong digits', async () => {
    const max = printed(MAX_CENTS);
    const rows = ITEM_CODE_POOL.slice(0, 200).map((code) => ({ code, name: '项目', project: max }));
    const payload = {
      schemaVersion: 1,
      meta: { department: '测试单位', slug: 'overflow', fiscalYear: 2024, publishedOn: '2025-10-31' },
      tables: {
        income: { rows: rows.map((r) => ({ code: r.code, name: r.name, fiscal: max })) },
        expense: { rows },
        gpbExpense: { rows },
      },
    };
    const result = checkReport(payload);
    if (!result.ok) throw new Error('each amount is within range: the schema must accept them');
    const range = result.errors.filter((f) => f.rule === 'amount.range');
    expect(range.map((f) => f.paths[0])).toContain('/tables/gpbExpense/total/project');
  });

  /**
   * Found by this fuzzer: text fields accepted control characters, U+FFFE/U+FFFF and lone
   * surrogates, and the figures copied meta.department into the SVG <desc>, which then was not
   * well-formed XML. The schema now refuses such text with the field's path.
   */
  it('control characters in text are refused with their path (they would break the SVG)', () => {
    for (const department of ['A\u0000B', '单位\u0007名称', 'x\uFFFEy', 'a\uD800b']) {
      const payload = {
        schemaVersion: 1,
        meta: { department, slug: 'control', fiscalYear: 2024, publishedOn: '2025-10-31' },
        tables: { income: { rows: [] }, expense: { rows: [] }, gpbExpense: { rows: [] } },
      };
      const result = checkReport(payload);
      expect(result.ok, JSON.stringify(department)).toBe(false);
      if (!result.ok) expect(result.schemaErrors.map((e) => e.path)).toEqual(['/meta/department']);
    }
  });
});
