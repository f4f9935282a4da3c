/**
 * fast-check generators shared by the fuzz tests (Node and workerd).
 *
 * `validPayload` builds payloads the audit must accept: only 项-level rows (every 类/款 row and every
 * 合计 is derived), with tables built from one set of per-项 figures so every 勾稽 identity holds:
 *   05 total = basic + project;  03 basic/project = 05's (so 05 ≤ 03), plus an optional 经营支出;
 *   02 财政拨款收入 = 05 total and 02 经营收入 = 03 经营支出, so 02 合计 = 03 合计 and 01/04 balance;
 *   06 items (never the 三公 lines 30212/30217/30231/31013) sum to 05's 基本支出 合计; 09 is free.
 * Text fields mix ordinary Chinese with injection strings, bidi marks, emoji, rare CJK and very long
 * texts; amounts are integers of 0.01 万元 written as numbers, plain strings or "1,234.56" strings.
 *
 * `invalidBody` and friends mutate the reference example into payloads the service must refuse.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import catalog from '../../templates/catalog/functional-subjects.json';
import national2024 from '../../templates/sets/national-2024/set.json';

/** Largest figure the schema and the audit accept: 9,999,999,999.99 万元. */
export { MAX_CENTS } from '../../src/schema/money';
import { MAX_CENTS } from '../../src/schema/money';

/** Strings that must never reach a page, an SVG or a script unescaped. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  ']]><svg onload=alert(1)>',
  '{{constructor}}',
  '${alert(1)}',
  "'><iframe src=javascript:alert(1)>",
  '</title></style></textarea><script>alert(2)</script>',
  '<!--',
  '&lt;script&gt;',
  '=HYPERLINK("http://x","y")',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  '😀👩‍👩‍👧‍👦🇨🇳',
  '𬌗昇堃喆禤',
  '𠀀𪚥𰻞',
  'ﾃｽﾄ\u3000全角　空格',
] as const;

const WORDS = [
  '城市运行管理',
  '网格化案件办理',
  '机构改革，人员和项目减少',
  '一般行政管理事务',
  '监督员政府购岗费',
  '党建工作经费',
  '提升城市运行各类事件处置效率',
  '2024年各项目绩效目标基本完成',
  '（一）',
  '“智慧江汉”',
  '100%',
  '7*24小时',
  'A&B',
  'x < y > z',
  '"quoted" \'single\'',
];

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates). The schema refuses them (they would make a figure's SVG unreadable), so generated
 * valid text leaves them out; tests/unit/fuzz-core.test.ts checks the refusal.
 */
export const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** A piece of text: mostly ordinary words, often an attack string, sometimes arbitrary unicode. */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
).filter((s) => !NOT_XML_CHAR.test(s));

const nonBlank = (s: string) => s.trim().length > 0;

/** ShortText of the schema: 1–500 characters after trimming. */
export const shortText = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''))
  .filter((s) => nonBlank(s) && s.trim().length <= 500);

/** Text of the schema (≤ 20,000): usually short, sometimes a 10,000-character wall. */
export const longText = fc.oneof(
  { weight: 6, arbitrary: shortText },
  {
    weight: 1,
    arbitrary: piece.filter(nonBlank).map((p) => {
      const chars = Array.from(p + '。');
      // Cut on code points, not UTF-16 units, so no lone surrogate is made here.
      return Array.from({ length: 10_000 }, (_, i) => chars[i % chars.length]).join('');
    }),
  },
);

// ── amounts ──────────────────────────────────────────────────────────────────────────────────────

/** Formats integer cents as the schema accepts them, in one of its three spellings. */
export function writeAmount(cents: number, style: 'number' | 'plain' | 'grouped'): number | string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString();
  const frac = (abs % 100).toString().padStart(2, '0');
  const sign = negative ? '-' : '';
  if (style === 'number') return cents / 100; // String(n) of this double is the exact decimal
  if (style === 'plain') return `${sign}${whole}.${frac}`;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** "1,234.56" as the tables print it (src/schema/money.ts formatAmount). */
export function printed(cents: number): string {
  return writeAmount(cents, 'grouped') as string;
}

const amountStyle = fc.constantFrom('number', 'plain', 'grouped') as fc.Arbitrary<'number' | 'plain' | 'grouped'>;

/** Cents of one 项 amount: mostly ordinary, sometimes zero, negative (refunds) or enormous. */
export const cents = (maxHuge: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 500_000_00 }) },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -100_000_00, max: -1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: maxHuge }) },
    { weight: 1, arbitrary: fc.constant(maxHuge) },
  );

// ── codes ────────────────────────────────────────────────────────────────────────────────────────

const CATALOG_CODES = Object.keys(catalog);
const CATALOG_ITEMS = CATALOG_CODES.filter((c) => c.length === 7);
const CATALOG_SECTIONS = CATALOG_CODES.filter((c) => c.length === 5);
const CLASS_LINES = new Set(national2024.classLines.map((l) => l.code));

/**
 * 项 codes: the real ones from the catalog, and codes made under a real 款 (so the derived 类/款
 * rows have catalog names) — enough distinct codes for 200 rows.
 */
export const ITEM_CODE_POOL: string[] = [
  ...CATALOG_ITEMS,
  ...CATALOG_SECTIONS.flatMap((s) => Array.from({ length: 100 }, (_, i) => s + String(i).padStart(2, '0'))),
]
  .filter((c, i, all) => all.indexOf(c) === i)
  .filter((c) => CLASS_LINES.has(c.slice(0, 3)))
  .sort();

const catalogName = (code: string): string | undefined => (catalog as Record<string, { name: string }>)[code]?.name;

/** 06 codes the template prints, except the lines the 三公 rule ties to table 09. */
const THREE_PUBLIC_LINES = new Set(['30212', '30217', '30231', '31013']);
export const ECONOMIC_ITEM_CODES: string[] = national2024.economic.columns
  .flatMap((c) => c.rows.map((r) => r.code))
  .filter((c) => c.length === 5 && !THREE_PUBLIC_LINES.has(c));

// ── valid payloads ───────────────────────────────────────────────────────────────────────────────

export interface ItemFigures {
  code: string;
  name: string;
  basic: number | null;
  project: number | null;
  operating: number | null;
}

/** What the generator put in, for properties to compare rendered output with. */
export interface Truth {
  items: ItemFigures[];
  detail: Record<string, number>;
  threePublic: { budget: Record<string, number | null>; actual: Record<string, number | null> };
  texts: string[];
}

export interface Generated {
  payload: Record<string, unknown>;
  truth: Truth;
}

const nullable = (a: fc.Arbitrary<number>) => fc.option(a, { nil: null, freq: 6 });

/** Splits `total` cents into `parts` integers that sum to it exactly, none beyond MAX_CENTS. */
function split(total: number, weights: number[]): number[] {
  // Uneven weights unless the total is so large that only an even split keeps every part in range.
  const even = Math.abs(total) / weights.length > MAX_CENTS / 4;
  const w = weights.map((x) => (even ? 1 : x + 1));
  const sumW = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.trunc((total * x) / sumW));
  out[0] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export interface ValidOptions {
  maxRows?: number;
}

/**
 * A payload that parses and audits without errors, with its figures as generated.
 * Single amounts go up to the schema's maximum when the table is short; with many rows they are
 * bounded so that no derived sum goes past MAX_CENTS — beyond it, see the amount.range test.
 * @example fc.assert(fc.property(validPayload(), ({ payload }) => checkReport(payload).ok))
 */
export function validPayload(options: ValidOptions = {}): fc.Arbitrary<Generated> {
  const maxRows = options.maxRows ?? 200;
  // Every derived figure (a 合计 sums up to three columns of every row, 01 adds the tables' totals)
  // must stay within MAX_CENTS, or the audit rightly refuses the payload (rule amount.range).
  const hugeFor = (rows: number) => Math.floor(MAX_CENTS / (3 * rows + 1));
  const item = (maxHuge: number) =>
    fc.record({
      basic: nullable(cents(maxHuge)),
      project: nullable(cents(maxHuge)),
      operating: fc.option(cents(maxHuge), { nil: null, freq: 1 }),
      name: fc.option(shortText, { nil: undefined, freq: 2 }),
    });
  const codes = fc.oneof(
    { weight: 4, arbitrary: fc.uniqueArray(fc.constantFrom(...ITEM_CODE_POOL), { minLength: 0, maxLength: Math.min(12, maxRows) }) },
    // fast-check keeps arrays small by default: ask for long tables explicitly.
    { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...ITEM_CODE_POOL), { minLength: Math.floor(maxRows * 0.6), maxLength: maxRows, size: 'max' }) },
  );
  const rows = codes
    .chain((codes) =>
      fc.tuple(fc.constant(codes), fc.array(item(hugeFor(codes.length)), { minLength: codes.length, maxLength: codes.length })),
    )
    .map(([codes, figures]) =>
      codes.map((code, i): ItemFigures => {
        const { basic, project } = figures[i];
        // 02 types 财政拨款收入 = basic + project: keep it within the largest accepted amount.
        const fits = basic === null || project === null || basic + project <= MAX_CENTS;
        return {
          code,
          name: figures[i].name ?? catalogName(code) ?? `科目${code}`,
          basic,
          project: fits ? project : MAX_CENTS - (basic as number),
          operating: figures[i].operating,
        };
      }),
    );
  const maxHuge = hugeFor(maxRows);
  // 三公 figures are never negative (the audit's amount.negative refuses them).
  const threePublicSide = fc.record({
    abroad: nullable(cents(maxHuge).map(Math.abs)),
    vehiclePurchase: nullable(cents(maxHuge).map(Math.abs)),
    vehicleOperation: nullable(cents(maxHuge).map(Math.abs)),
    reception: nullable(cents(maxHuge).map(Math.abs)),
  });
  return fc
    .record({
      items: rows,
      detailCodes: fc.uniqueArray(fc.constantFrom(...ECONOMIC_ITEM_CODES), { minLength: 1, maxLength: 4 }),
      detailWeights: fc.array(fc.nat(100), { minLength: 4, maxLength: 4 }),
      threePublic: fc.record({ budget: threePublicSide, actual: threePublicSide }),
      style: amountStyle,
      mixedStyles: fc.array(amountStyle, { minLength: 16, maxLength: 16 }),
      department: shortText,
      contactPhone: fc.option(shortText, { nil: undefined }),
      subordinateUnits: fc.array(shortText, { maxLength: 3 }),
      duties: fc.array(longText, { maxLength: 3 }),
      organization: fc.option(longText, { nil: undefined }),
      reasons: fc.record({ grandTotal: shortText, income: shortText, expense: shortText, threePublic: shortText }),
      previousGrandTotal: fc.option(cents(maxHuge), { nil: undefined }),
      mainProjects: fc.array(fc.record({ name: shortText, amount: cents(maxHuge), outcome: fc.option(shortText, { nil: undefined }) }), { maxLength: 3 }),
      keyWork: fc.option(
        fc.record({
          sections: fc.array(fc.record({ title: shortText, text: longText }), { maxLength: 2 }),
          table: fc.array(fc.record({ item: shortText, content: longText, result: shortText }), { maxLength: 2 }),
        }),
        { nil: undefined },
      ),
      glossary: fc.array(fc.record({ term: shortText, definition: longText }), { maxLength: 2 }),
      percentDecimals: fc.integer({ min: 0, max: 4 }),
      slugTail: fc.stringMatching(/^[a-z0-9]{1,8}$/),
    })
    .map((g): Generated => {
      let k = 0;
      const amount = (c: number) => writeAmount(c, g.mixedStyles[k++ % g.mixedStyles.length] ?? g.style);
      const put = (target: Record<string, unknown>, key: string, c: number | null) => {
        if (c !== null) target[key] = amount(c);
      };
      const sumOf = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

      const income = g.items.map((it) => {
        const row: Record<string, unknown> = { code: it.code, name: it.name };
        const fiscal = it.basic === null && it.project === null ? null : sumOf([it.basic, it.project]);
        put(row, 'fiscal', fiscal);
        put(row, 'operating', it.operating);
        return row;
      });
      const expense = g.items.map((it) => {
        const row: Record<string, unknown> = { code: it.code, name: it.name };
        put(row, 'basic', it.basic);
        put(row, 'project', it.project);
        put(row, 'operating', it.operating);
        return row;
      });
      const gpb = g.items.map((it) => {
        const row: Record<string, unknown> = { code: it.code, name: it.name };
        put(row, 'basic', it.basic);
        put(row, 'project', it.project);
        return row;
      });

      const basicTotal = sumOf(g.items.map((it) => it.basic));
      const anyBasic = g.items.some((it) => it.basic !== null);
      const detail: Record<string, number> = {};
      if (anyBasic) {
        // Enough 06 lines that none exceeds the largest amount the schema accepts.
        const needed = Math.max(g.detailCodes.length, Math.ceil(Math.abs(basicTotal) / MAX_CENTS) + 1);
        const codes = [...g.detailCodes, ...ECONOMIC_ITEM_CODES.filter((c) => !g.detailCodes.includes(c))].slice(0, needed);
        const parts = split(basicTotal, codes.map((_, i) => g.detailWeights[i % g.detailWeights.length]));
        codes.forEach((code, i) => (detail[code] = parts[i]));
      }
      const items: Record<string, unknown> = {};
      for (const [code, c] of Object.entries(detail)) items[code] = amount(c);

      const side = (s: Record<string, number | null>) => {
        const out: Record<string, unknown> = {};
        for (const [key, c] of Object.entries(s)) put(out, key, c);
        return out;
      };

      const texts = [
        g.department,
        ...(g.contactPhone ? [g.contactPhone] : []),
        ...g.subordinateUnits,
        ...g.duties,
        ...(g.organization ? [g.organization] : []),
        ...Object.values(g.reasons),
        ...g.items.map((it) => it.name),
        ...g.mainProjects.flatMap((p) => [p.name, ...(p.outcome ? [p.outcome] : [])]),
        ...(g.keyWork ? [...g.keyWork.sections.flatMap((s) => [s.title, s.text]), ...g.keyWork.table.flatMap((t) => [t.item, t.content, t.result])] : []),
        ...g.glossary.flatMap((e) => [e.term, e.definition]),
      ];

      const payload: Record<string, unknown> = {
        schemaVersion: 1,
        meta: {
          department: g.department,
          slug: `fuzz-${g.slugTail}`,
          fiscalYear: 2024,
          publishedOn: '2025-10-31',
          subordinateUnits: g.subordinateUnits,
          ...(g.contactPhone ? { contactPhone: g.contactPhone } : {}),
        },
        overview: { duties: g.duties, ...(g.organization ? { organization: g.organization } : {}) },
        tables: {
          income: { rows: income },
          expense: { rows: expense },
          gpbExpense: { rows: gpb },
          basicExpenseDetail: { items },
          threePublic: { budget: side(g.threePublic.budget), actual: side(g.threePublic.actual) },
        },
        explanation: {
          previousYear: g.previousGrandTotal === undefined ? {} : { grandTotal: amount(g.previousGrandTotal) },
          reasons: g.reasons,
          // Uses of 项目支出 share its total (the audit's narrative.main-projects-total): never more, never negative.
          mainProjects: g.mainProjects.map((p) => ({
            name: p.name,
            amount: amount(Math.min(Math.abs(p.amount), Math.floor(Math.max(0, g.items.reduce((a, i) => a + (i.project ?? 0), 0)) / g.mainProjects.length))),
            ...(p.outcome ? { outcome: p.outcome } : {}),
          })),
        },
        ...(g.keyWork ? { keyWork: g.keyWork } : {}),
        glossary: { additions: g.glossary },
        options: { percentDecimals: g.percentDecimals },
      };
      return { payload, truth: { items: g.items, detail, threePublic: g.threePublic, texts } };
    });
}

// ── invalid payloads ─────────────────────────────────────────────────────────────────────────────

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path (array of keys) to a value inside a JSON document. */
export function jsonPaths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((v, i) => {
    out.push([...prefix, i]);
    jsonPaths(v, [...prefix, i], out);
  });
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      jsonPaths(v, [...prefix, k], out);
    }
  }
  return out;
}

function parentOf(doc: Json, path: (string | number)[]): { parent: Record<string, Json> | Json[]; key: string | number } {
  let node = doc as Record<string, Json>;
  for (const k of path.slice(0, -1)) node = (node as Record<string, Json>)[k as string] as Record<string, Json>;
  return { parent: node, key: path[path.length - 1] };
}

/**
 * True when `v` might be accepted as an amount (a number, or a digits-and-commas string): such
 * values are left out of "wrong amount" mutations, so every one of those is a definite error.
 */
function mightBeAmount(v: Json): boolean {
  if (v === null || typeof v === 'number') return true;
  return typeof v === 'string' && /^\s*-?[\d,，]+(\.\d*)?\s*$/.test(v);
}

/** Values no amount field accepts: other types, text, too many decimals, exponents. */
const wrongAmount: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(true, false, '', ' ', '1,519.581', '１２３', 'NaN', '1e3', '0x10', '12,34.5', '1.2.3', '--1', [], {}, [1], { value: 1 }),
  fc.constantFrom<Json>(1e308, 1e21, 0.001, 1.234, -0.005, 123456789012345.6),
  fc.string({ maxLength: 20 }).filter((s) => !mightBeAmount(s)),
);

/** Required keys of the example at paths where deleting them must be a schema error. */
const REQUIRED_PATHS: (string | number)[][] = [
  ['schemaVersion'],
  ['meta'],
  ['meta', 'department'],
  ['meta', 'slug'],
  ['meta', 'fiscalYear'],
  ['meta', 'publishedOn'],
  ['tables'],
  ['tables', 'income'],
  ['tables', 'expense'],
  ['tables', 'gpbExpense'],
  ['tables', 'income', 'rows', 0, 'code'],
  ['tables', 'income', 'rows', 0, 'name'],
];

export type Mutation =
  | { kind: 'delete-required'; path: (string | number)[] }
  | { kind: 'wrong-type'; path: (string | number)[]; value: Json }
  | { kind: 'three-decimals'; path: (string | number)[]; value: string }
  | { kind: 'bad-code'; path: (string | number)[]; value: string }
  | { kind: 'unknown-key'; path: (string | number)[]; key: string }
  | { kind: 'root-not-object'; value: Json };

/**
 * A mutation of `example` that must make it invalid (a 422, or a 400 where the JSON breaks). Wrong
 * types are only put where the schema has a fixed type (objects, arrays and amounts), so every
 * mutation is a definite error.
 */
export function mutation(example: Json): fc.Arbitrary<Mutation> {
  const paths = jsonPaths(example);
  const amountPaths = paths.filter((p) => {
    const last = String(p[p.length - 1]);
    return /^(total|fiscal|basic|project|gpb|grandTotal|totalCurrent|vehicleOperation|amount|budget)$/.test(last) || /^3\d{2,4}$/.test(last);
  });
  const codePaths = paths.filter((p) => p[p.length - 1] === 'code');
  const objectPaths = paths.filter((p) => {
    let node = example as Json;
    for (const k of p) node = (node as Record<string, Json>)[k as string];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const structuralPaths = paths.filter((p) => {
    let node = example as Json;
    for (const k of p) node = (node as Record<string, Json>)[k as string];
    return node !== null && typeof node === 'object';
  });
  return fc.oneof(
    fc.constantFrom(...REQUIRED_PATHS).map((path): Mutation => ({ kind: 'delete-required', path })),
    fc
      .tuple(fc.constantFrom(...structuralPaths), fc.constantFrom<Json>(1, 'x', true, null))
      .map(([path, value]): Mutation => ({ kind: 'wrong-type', path, value })),
    fc
      .tuple(fc.constantFrom(...amountPaths), wrongAmount)
      .map(([path, value]): Mutation => ({ kind: 'wrong-type', path, value })),
    fc
      .tuple(fc.constantFrom(...amountPaths), fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 1, max: 9 }))
      .map(([path, whole, digit]): Mutation => ({ kind: 'three-decimals', path, value: `${whole}.12${digit}` })),
    fc
      .tuple(fc.constantFrom(...codePaths), fc.constantFrom('', '2', '20', '2010', '201030', '20103021', 'abc', '２０１', '201 03', '-201', '2.01'))
      .map(([path, value]): Mutation => ({ kind: 'bad-code', path, value })),
    fc
      .tuple(fc.constantFrom(...objectPaths, [] as (string | number)[]), fc.constantFrom('unexpected', '__proto__x', 'constructor', 'toString', 'Total', ' total'))
      .map(([path, key]): Mutation => ({ kind: 'unknown-key', path, key })),
    fc.constantFrom<Json>(null, 1, 'text', [], true).map((value): Mutation => ({ kind: 'root-not-object', value })),
  );
}

/** Applies a mutation to a deep copy of `example`. */
export function applyMutation(example: Json, m: Mutation): Json {
  if (m.kind === 'root-not-object') return m.value;
  const doc = structuredClone(example);
  if (m.kind === 'unknown-key') {
    let node = doc as Record<string, Json>;
    for (const k of m.path) node = node[k as string] as Record<string, Json>;
    node[m.key] = 'x';
    return doc;
  }
  const { parent, key } = parentOf(doc, m.path);
  if (m.kind === 'delete-required') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
    return doc;
  }
  (parent as Record<string, Json>)[key as string] = m.value;
  return doc;
}

/** Bytes that are not a JSON document. */
export const notJsonBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(
    '{"schemaVersion": 1,',
    '{',
    '[',
    "{'a': 1}",
    '{"a": NaN}',
    '{"a": 1,}',
    'undefined',
    '\uFEFF\uFEFF{}',
    '{"a": "\u0000"',
    '<?xml version="1.0"?><a/>',
    '--boundary\r\nContent-Disposition: form-data',
  ).map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((b) => {
    try {
      JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b));
      return false;
    } catch {
      return true;
    }
  }),
  // Invalid UTF-8 around an otherwise valid document.
  fc.constant(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
);

/** Content types the service must refuse with 415 (anything that is not JSON). */
export const wrongContentType = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/json', // not a JSON media type by RFC 8259; the service requires application/json or +json
    'application/jsonx',
    'application/octet-stream',
    'json',
    '',
    '*/*',
    'application/json-patch', // no +json suffix
  ),
  fc.string({ maxLength: 30 }).filter((t) => {
    const type = t.split(';')[0].trim().toLowerCase();
    return !(type === 'application/json' || type.endsWith('+json')) && /^[\x20-\x7e]*$/.test(t);
  }),
);

// ── query strings ────────────────────────────────────────────────────────────────────────────────

const queryKey = fc.oneof(
  fc.constantFrom('theme', 'embed', 'width', 'height', 'scale', 'background', 'format', 'id', '', 'WIDTH', 'width[]', '__proto__', 'constructor'),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const queryValue = fc.oneof(
  fc.constantFrom(
    '', '0', '1', '-1', '200', '4000', '4001', '199', '1e3', '0x10', 'NaN', 'Infinity', '-0', '1.5', '4.01', '2.555',
    '01000', '00200', ' 800', '800 ', '１０００', 'auto', 'light', 'dark', 'white', 'transparent', 'true', 'false',
    '9'.repeat(400), '<script>', '%00', '\u0000', '💥',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double().map(String),
);

/** A query string: random keys and values, repeated keys, huge values, unicode. */
export const queryString: fc.Arbitrary<string> = fc
  .array(fc.tuple(queryKey, queryValue), { minLength: 0, maxLength: 5 })
  .chain((pairs) =>
    fc.oneof(
      fc.constant(pairs),
      // Repeat one of the keys.
      pairs.length ? fc.nat(pairs.length - 1).map((i) => [...pairs, pairs[i]]) : fc.constant(pairs),
      // A huge value.
      fc.constant([...pairs, ['width', '9'.repeat(8_000)] as [string, string]]),
    ),
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

/** A raw, not-encoded query: odd bytes the URL parser has to cope with. */
export const rawQuery = fc.constantFrom('width', 'width=', '=800', '&&&', 'width=%zz', 'width=%E4%B8', 'a=%ff%fe', '%', 'width=1&&height=', 'theme=%20dark', 'scale=+1');

// ── HTTP fuzzing (tests/worker/fuzz-*.test.ts) ───────────────────────────────────────────────────

export const FUZZ_SEED = 20_241_031;

/**
 * fast-check settings of every fuzz property: fixed seed, bounded runs and shrinking time, and a
 * failure report that names the seed and path but does not print a 10,000-character payload whole.
 */
export const fuzzSettings = <T>(numRuns: number, seed: number = FUZZ_SEED): fc.Parameters<T> => ({
  seed,
  numRuns,
  interruptAfterTimeLimit: 30_000,
  markInterruptAsFailure: false,
  reporter(details) {
    if (!details.failed) return;
    const shown = JSON.stringify(details.counterexample, (_, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v));
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `Property failed after ${details.numRuns} runs — reproduce with seed ${details.seed}, path "${details.counterexamplePath}"` +
        ` (FUZZ_SEED=${details.seed})\nCause: ${cause.slice(0, 2000)}\nCounterexample (long strings cut): ${shown?.slice(0, 6000)}`,
    );
  },
});

/** Every output address, as in src/render/output-path.ts. */
export const OUTPUTS = [
  'document.html',
  'narrative.html',
  'glossary.html',
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].flatMap((n) => ['html', 'csv', 'json', 'png', 'svg'].map((f) => `tables/${n}.${f}`)),
  ...['1', '2', '3', '4', '5', '6', '7'].flatMap((n) => [`figures/${n}.svg`, `figures/${n}.png`]),
];

export const POST_ROUTES = ['/v1/validate', '/v1/reports', ...OUTPUTS.map((o) => `/v1/render/${o}`)];

export function getRoutes(alias: string): string[] {
  return ['/', '/v1/schema.json', '/v1/reports', `/v1/reports/${alias}`, ...OUTPUTS.map((o) => `/v1/reports/${alias}/${o}`)];
}

/** A refusal: one of the allowed statuses, as problem+json whose body repeats the status. */
export async function expectProblem(res: Response, allowed: number[], what: string): Promise<void> {
  const text = await res.text();
  expect(allowed, `${what} → ${res.status} ${text.slice(0, 300)}`).toContain(res.status);
  expect(res.headers.get('content-type') ?? '', `${what} content type`).toContain('application/problem+json');
  const body = JSON.parse(text) as { status: number; type: string };
  expect(body.status, what).toBe(res.status);
  expect(typeof body.type, what).toBe('string');
}

/**
 * Hostile shapes (issue 14): a list placed anywhere in a payload, long (up to 300,000 entries, one
 * 1 MiB body) or of up to 2,000 entries that are all invalid, as found by hand against npm start.
 */
export const hostileList: fc.Arbitrary<{ length: number; item: Json }> = fc.record({
  length: fc.oneof(fc.integer({ min: 2_001, max: 300_000 }), fc.integer({ min: 101, max: 2_000 })),
  item: fc.constantFrom<Json>(0, null, '', 'x', [], {}, { bogus: 1 }, -1, true),
});

/** Puts `list` at one of the example's array or object paths (replacing what was there). */
export function withHostileList(example: Json, path: (string | number)[], list: Json[]): Json {
  const copy = structuredClone(example) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = list;
  return copy;
}

/** Paths of every array and object in a JSON value (not the root). */
export function containerPaths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    if (prefix.length > 0) out.push(prefix);
    for (const [k, v] of Object.entries(value)) containerPaths(v as Json, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}
