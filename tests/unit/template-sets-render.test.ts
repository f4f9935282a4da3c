/**
 * Every table of every template set in every format, plus the fixture set of
 * tests/fixtures/template-sets/fixture-2024 that exercises each way a format can differ
 * (docs/template-sets.md), and the golden CSVs of the yunnan-2024 example.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/audit/check-report';
import type { Model } from '../../src/model/derive';
import { SET_FILES } from '../../src/model/sets.generated';
import { templateSets, useTemplateSets } from '../../src/model/template-registry';
import { OUTPUT_FORMATS } from '../../src/render/formats';
import { DEFAULT_PARAMS, renderOutput, type RenderedOutput } from '../../src/render/output';
import { createNodeRuntime } from '../../src/runtime/figure-runtime.node';
import { FIXTURE_SET_DIR, readSetFolder } from '../set-folder';

const runtime = createNodeRuntime();
const text = (out: RenderedOutput) => (typeof out.body === 'string' ? out.body : new TextDecoder().decode(out.body));
const FIXTURE_DIR = FIXTURE_SET_DIR;
const GOLDEN_DIR = 'tests/golden/sets';


const example = (name: string) => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8'));

/** The reference figures in the fixture format: a typed 0, and data for its own table. */
function fixturePayload() {
  const p = example('wuhan-jianghan-cyzx-2024');
  p.templateSet = 'fixture-2024';
  p.meta.slug = 'fixture';
  p.tables.threePublic.budget.abroad = 0; // typed 0 → "0.00"; actual.abroad is left out → blank
  p.meta.subordinateUnits = ['甲中心', { name: '乙站', note: '预算不单列，并入本级' }];
  p.tables.custom = {
    meetingsTraining: {
      rows: [
        { code: '2010302', values: { meetings: '1.20', training: '0.80' } },
        { code: '2010350', values: { total: '0.50', meetings: '0.50' } },
      ],
    },
  };
  return p;
}

function modelOf(payload: unknown): Model {
  const r = checkReport(JSON.parse(JSON.stringify(payload)));
  if (!r.ok) throw new Error(JSON.stringify(r.schemaErrors.slice(0, 5)));
  expect(r.errors, 'audit errors').toEqual([]);
  return r.model;
}

let payloads: Record<string, unknown>;
beforeAll(() => {
  useTemplateSets({ ...SET_FILES, 'fixture-2024': readSetFolder(FIXTURE_DIR) });
  payloads = {
    'national-2024': example('wuhan-jianghan-cyzx-2024'),
    'yunnan-2024': example('wuhan-jianghan-cyzx-2024-yunnan-format'),
    'fixture-2024': fixturePayload(),
    'hubei-zengdu-2024': { ...example('wuhan-jianghan-cyzx-2024'), templateSet: 'hubei-zengdu-2024' },
  };
});
afterAll(() => useTemplateSets(SET_FILES));

const render = async (model: Model, spec: Parameters<typeof renderOutput>[1]) => renderOutput(model, spec, { params: DEFAULT_PARAMS }, runtime);

describe('every table of every set in every format', () => {
  it('has a payload for every set', () => {
    expect(Object.keys(payloads).sort()).toEqual([...templateSets().keys()].sort());
  });

  it.each(['national-2024', 'yunnan-2024', 'hubei-zengdu-2024', 'fixture-2024'])('%s', { timeout: 120_000 }, async (id) => {
    const model = modelOf(payloads[id]);
    expect(model.set.id).toBe(id);
    for (const ref of model.set.tables) {
      for (const format of OUTPUT_FORMATS.table) {
        const out = await render(model, { kind: 'table', id: ref.no, format });
        const body = out.body;
        expect(typeof body === 'string' ? body.length : body.byteLength, `${id} ${ref.no}.${format}`).toBeGreaterThan(20);
        if (format === 'html') expect(text(out)).toContain(ref.title);
      }
    }
    for (const kind of ['document', 'narrative', 'glossary'] as const) {
      expect(text(await render(model, { kind, format: 'html' })).length).toBeGreaterThan(1000);
    }
  });
});

describe('the fixture set: each dimension', () => {
  let model: Model;
  const table = async (no: string, format: 'csv' | 'html' | 'json') => text(await render(model, { kind: 'table', id: no, format }));
  beforeAll(() => {
    model = modelOf(payloads['fixture-2024']);
  });

  it('order changed, one table removed, two added, labels 表N or none', async () => {
    expect(model.set.tables.map((t) => t.key)).toEqual([
      'summary', 'threePublic', 'income', 'expense', 'fiscalSummary', 'gpbExpense', 'basicExpenseDetail', 'fund', 'projectBySubject', 'meetingsTraining',
    ]);
    expect(await table('1', 'html')).toContain('表1');
    expect(await table('6', 'html')).not.toMatch(/公开0?6表|表6</);
    await expect(render(model, { kind: 'table', id: '09', format: 'html' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('no 行次 column in the summary table', async () => {
    const csv = await table('1', 'csv');
    expect(csv.split('\n')[0]).not.toContain('行次');
    expect(csv.split('\n')[0].split(',')).toHaveLength(4);
  });

  it('its own fixed 类 lines (25, without 234 抗疫特别国债安排的支出)', async () => {
    const csv = await table('1', 'csv');
    expect(csv).toContain('二十五、债务付息支出');
    expect(csv).not.toContain('抗疫特别国债');
    expect(text(await render(modelOf(payloads['national-2024']), { kind: 'table', id: '01', format: 'csv' }))).toContain('二十六、抗疫特别国债安排的支出');
  });

  it('合计 last', async () => {
    const rows = (await table('6', 'csv')).trim().split(/\r?\n/);
    expect(rows[1]).toMatch(/^201,/);
    expect(rows[rows.length - 1]).toMatch(/^合计,,1519\.58,355\.89,1163\.69/);
  });

  it('a typed 0 prints 0.00, a figure left out prints blank', async () => {
    const csv = (await table('2', 'csv')).trim().split(/\r?\n/);
    // interleaved: 合计 预算/决算, 因公出国 预算/决算, …
    expect(csv[1].split(',').slice(0, 4)).toEqual(['0.87', '0.87', '0.00', '']);
    const html = await table('2', 'html');
    expect(html).toContain('>0.00<');
  });

  it('三公 interleaved 预算数/决算数 per item', async () => {
    const header = (await table('2', 'csv')).split('\n')[0];
    expect(header).toContain('合计/预算数,合计/决算数,因公出国（境）费/预算数,因公出国（境）费/决算数');
  });

  it('another 06 row list in two halves (310 codes among 公用经费)', async () => {
    const csv = await table('7', 'csv');
    expect(csv.split('\n')[0].split(',')).toHaveLength(6);
    expect(csv).toContain('31019,其他交通工具购置');
  });

  it('a table by code from existing data, and one with its own data and identity', async () => {
    const project = (await table('9', 'csv')).trim().split(/\r?\n/);
    expect(project.some((r) => r.startsWith('2010350'))).toBe(false); // no project money: row left out
    expect(project[project.length - 1]).toBe('合计,,1163.69');
    const own = (await table('10', 'csv')).trim().split(/\r?\n/);
    expect(own).toContain('2010302,一般行政管理事务,2.00,1.20,0.80');
    expect(own[own.length - 1]).toBe('合计,,2.50,1.70,0.80');
    const broken = fixturePayload();
    broken.tables.custom.meetingsTraining.rows[0].values.total = '9.00';
    const r = checkReport(JSON.parse(JSON.stringify(broken)));
    expect(r.ok && r.errors.some((f) => f.rule === 'rollup.row' && f.message.includes('表10'))).toBe(true);
  });

  it('parts in its own order, tables last as 附表, its own headings, sections and glossary', async () => {
    const html = text(await render(model, { kind: 'document', format: 'html' }));
    const at = (s: string) => html.indexOf(s);
    expect(at('id="p-overview"')).toBeGreaterThan(0);
    expect(at('id="p-overview"')).toBeLessThan(at('id="p-narrative"'));
    expect(at('id="p-narrative"')).toBeLessThan(at('id="p-glossary"'));
    expect(at('id="p-glossary"')).toBeLessThan(at('id="p-tables"'));
    expect(html).toContain('附表1：收入支出决算总表');
    expect(html).toContain('（一）支出情况');
    expect(html).toContain('（四）一般公共预算财政拨款支出情况');
    expect(html).not.toContain('政府采购');
    expect(html).not.toContain('第三部分');
    const glossary = text(await render(model, { kind: 'glossary', format: 'html' }));
    expect(glossary).toContain('财政拨款收入');
    expect(glossary).not.toContain('上级补助收入');
  });

  it('units in scope as a table with a 备注 column', async () => {
    const html = text(await render(model, { kind: 'document', format: 'html' }));
    expect(html).toContain('<th scope="col">备注</th>');
    expect(html).toMatch(/<th scope="row">乙站<\/th><td>预算不单列，并入本级<\/td>/);
  });

  it('only its own figures', async () => {
    const html = text(await render(model, { kind: 'narrative', format: 'html' }));
    expect(html).toContain('figure-2');
    expect(html).not.toContain('figure-1"');
    await expect(render(model, { kind: 'figure', id: '1', format: 'svg' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('yunnan-2024 golden tables', () => {
  it('prints the example as the committed CSVs and JSON (UPDATE_GOLDEN=1 rewrites them)', { timeout: 60_000 }, async () => {
    const model = modelOf(payloads['yunnan-2024']);
    const dir = join(GOLDEN_DIR, 'yunnan-2024');
    if (process.env.UPDATE_GOLDEN && !existsSync(dir)) mkdirSync(dir, { recursive: true });
    for (const ref of model.set.tables) {
      for (const format of ['csv', 'json'] as const) {
        const file = join(dir, `${ref.no}.${format}`);
        const body = text(await render(model, { kind: 'table', id: ref.no, format }));
        if (process.env.UPDATE_GOLDEN) writeFileSync(file, body);
        expect(body, file).toBe(readFileSync(file, 'utf8'));
      }
    }
    const doc = text(await render(model, { kind: 'document', format: 'html' }));
    const toc = [...doc.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]).filter((t) => t !== '目 录');
    expect(toc).toEqual([
      '第一部分 部门概况',
      '第二部分 2024年度部门决算表',
      '第三部分 2024年度部门决算情况说明',
      '第四部分 其他重要事项及相关口径情况说明',
      '第五部分 名词解释',
    ]);
  });
});

describe('hubei-zengdu-2024', () => {
  it('表1–表9 with 三公 as 表7, the tables last, 5 + 4 sections titled with the year', async () => {
    const model = modelOf(payloads['hubei-zengdu-2024']);
    expect(text(await render(model, { kind: 'table', id: '7', format: 'html' }))).toContain('表7');
    expect(text(await render(model, { kind: 'table', id: '7', format: 'csv' })).split(/\r?\n/)[0]).toContain('预算数');
    const doc = text(await render(model, { kind: 'document', format: 'html' }));
    const parts = [...doc.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]).filter((t) => t !== '目 录');
    expect(parts).toEqual([
      '第一部分：基本情况',
      '第二部分：2024年度部门决算情况说明',
      '第三部分：其他重要事项情况说明',
      '第四部分：名词解释',
      '第五部分：2024年度部门决算公开报表',
    ]);
    expect(doc).toContain('一、2024年度收入支出决算总体及增减变动情况');
    expect(doc).toContain('四、关于2024年度预算绩效情况的说明');
    expect(doc).toContain('表7：一般公共预算财政拨款“三公”经费支出决算表');
  });
});
