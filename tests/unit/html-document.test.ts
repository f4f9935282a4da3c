import { describe, expect, it } from 'vitest';
import * as narrative from '../../src/render/narrative';
import { renderDocumentHtml } from '../../src/render/html/document';
import { executionRate } from '../../src/render/html/performance';
import { DEFAULT_PARAMS, type RenderContext } from '../../src/render/output';
import { readFileSync } from 'node:fs';
import type { PayloadInput } from '../../src/schema/payload';
import { EXAMPLE_PATH, exampleModel, modelOf, smallPayload } from '../golden/html/fixtures';
import { parseTables, textOf } from '../golden/html/parse-tables';

const ctx: RenderContext = { params: DEFAULT_PARAMS };
const hasNarrative = typeof (narrative as unknown as Record<string, unknown>).renderNarrativeSection === 'function';
const hasGlossary = typeof (narrative as unknown as Record<string, unknown>).renderGlossarySection === 'function';

function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

describe('document', () => {
  const model = modelOf(smallPayload());
  const html = renderDocumentHtml(model, ctx);

  it('opens with the title and the publication date', () => {
    expect(html).toContain('<h1>2024 年度测试局 部门决算公开</h1>');
    expect(html).toContain('2025 年 10 月 31 日');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN"/);
  });

  it('has the six parts in the reference order, and every 目录 link lands on an id', () => {
    const order = ['part1', 'part2', 'part3', 'part4', 'part5', 'part6'].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(15);
    const known = ids(html);
    for (const anchor of anchors) expect(known.has(anchor), anchor).toBe(true);
    for (const no of ['01', '02', '03', '04', '05', '06', '07', '08', '09']) expect(anchors).toContain(`table-${no}`);
  });

  it('numbers duties without doubling a typed number, and states the unit composition', () => {
    expect(html).toContain('<span class="num">1、</span>负责测试。');
    expect(html).toContain('<span class="num">2、</span>负责验收。');
    expect(html).toContain('从单位构成看，测试局部门决算由实行独立核算的测试局决算和 0 个下属单位决算组成。');
  });

  it('lists subordinate units with their count', () => {
    const input = smallPayload();
    input.meta.subordinateUnits = ['甲中心', '乙所'];
    const doc = renderDocumentHtml(modelOf(input), ctx);
    expect(doc).toContain('决算和 2 个下属单位决算组成。');
    expect(doc).toContain('1. 甲中心');
    expect(doc).toContain('2. 乙所');
  });

  it('uses the narrative renderers when they exist, else says honestly that the text is pending', () => {
    if (hasNarrative) expect(html).not.toContain('情况说明正在生成');
    else expect(html).toContain('情况说明正在生成');
    if (hasGlossary) expect(html).not.toContain('名词解释正在生成');
    else expect(html).toContain('名词解释正在生成');
    expect(html).toContain('027-12345678');
  });

  it('says so when there is no key work or self-evaluation, rather than inventing any', () => {
    expect(html).toContain('本部门未填报重点工作完成情况。');
    expect(html).toContain('本部门未填报绩效自评表。');
  });

  it('renders 重点工作 sections and the four-column table', () => {
    const input = smallPayload();
    input.keyWork = {
      sections: [{ title: '一、城运中心建设', text: '第一段。\n第二段。' }],
      table: [{ item: '城运中心建设', content: '建设。', result: '完成。' }],
    };
    const doc = renderDocumentHtml(modelOf(input), ctx);
    expect(doc).toContain('<h3>一、城运中心建设</h3>');
    expect(doc).toContain('<p data-path="/keyWork/sections/0/text">第一段。</p>\n<p data-path="/keyWork/sections/0/text">第二段。</p>');
    const table = parseTables(doc).find((t) => t.classes.includes('keywork'))!;
    expect(table.header).toEqual([['序号', '重要事项', '工作内容及目标', '完成情况']]);
    expect(table.body).toEqual([['1', '城运中心建设', '建设。', '完成。']]);
  });
});

describe('执行率', () => {
  it('is B/A rounded half-up to the configured decimals, blank without a budget', () => {
    expect(executionRate(462, 500, 0)).toBe('92%');
    expect(executionRate(462, 500, 2)).toBe('92.40%');
    expect(executionRate(11707, 21769, 0)).toBe('54%');
    expect(executionRate(1, 8, 1)).toBe('12.5%');
    expect(executionRate(1, 8, 0)).toBe('13%');
    expect(executionRate(462, 0, 0)).toBe('');
    expect(executionRate(null, 500, 0)).toBe('');
  });
});

const example = exampleModel();

describe('typed prose of the reference', () => {
  const html = renderDocumentHtml(example, ctx);
  it('follows the same spacing rule for numbers as the generated text (第一部分, 第四部分 and its table)', () => {
    expect(html).toContain('区消防大队等 5 家部门指挥调度平台');
    expect(html).toContain('进行 7*24 小时值守保障');
    expect(html).toContain('按时结案率 100%');
    expect(html).not.toMatch(/等5家|7\*24小时/);
  });
});

describe('第六部分 of the reference', () => {
  const html = renderDocumentHtml(example, ctx);
  const forms = parseTables(html).filter((t) => t.classes.includes('form') && !t.classes.includes('keywork'));

  it('has the 整体 table and one table per project, in order', () => {
    expect(forms).toHaveLength(1 + example.payload.performance!.projects.length);
    expect(forms[0].caption).toContain('2024 年度部门整体支出绩效自评表');
    expect(forms[0].caption).toContain('单位名称（盖章）：江汉区城市运行管理中心');
    expect(forms[0].caption).toContain('填报日期：2025年4月10日');
    expect(forms.slice(1).map((t) => t.body[0][2])).toEqual(['党建工作经费', '走访慰问专项经费', '“智慧江汉”综合指挥中心', '中心运行维护费', '监督员政府购岗费']);
  });

  it('prints the overall budget execution with the computed rate', () => {
    const rows = forms[0].body;
    // 1,287.87 is the projects' budget (05 项目支出 is 1,163.69): the label says what the number is.
    expect(rows[1]).toEqual(['基本支出总额', '基本支出总额', '355.89', '项目支出总额（预算数）', '1,287.87', '1,287.87']);
    expect(rows[3].slice(2)).toEqual(['部门整体支出总额', '1,643.76', '1,519.58', '92%']);
  });

  it('prints each project execution rate as published (100%, 92%, 100%, 54%, 98%): rateDecimals 0, stated in the 备注', () => {
    const rates = forms.slice(1).map((t) => t.body.find((r) => r.includes('年度财政资金总额'))!.at(-1));
    expect(rates).toEqual(['100%', '92%', '100%', '54%', '98%']);
  });

  it('ticks the project type and funding source', () => {
    const visit = forms[2];
    const type = textOf(visit.bodyCells[2][1].text);
    expect(type).toContain('1、经常性项目 ☐（否）');
    expect(type).toContain('3、一次性项目 ☑（是）');
    const source = visit.bodyCells[3][1].text;
    expect(source).toContain('1、部门预算项目 ☑（是）资金量：5.00');
    expect(source).toContain('2、专项资金 ☐（否）资金量：');
  });

  it('groups indicator levels with rowspan', () => {
    const party = forms[1];
    const level1 = party.bodyCells.flat().filter((c) => c.text === '产出指标');
    expect(level1).toHaveLength(1);
    expect(level1[0].rowspan).toBe(4);
    const quantity = party.bodyCells.flat().find((c) => c.text === '数量指标')!;
    expect(quantity.rowspan).toBe(2);
    // the expanded grid still reads like the published form, row by row
    const row = party.body.find((r) => r.includes('文明创建活动开展次数'))!;
    expect(row.slice(1)).toEqual(['产出指标', '数量指标', '文明创建活动开展次数', '≥2次', '4次']);
  });

  it('closes each form with its 备注: what each total is, and why the rates have another precision than the text', () => {
    expect(html).not.toContain('2. 基本支出总额和项目支出总额为财政资金实际支出数。');
    expect(html).toContain('2. 基本支出总额为财政资金实际支出数，项目支出总额为预算数。');
    expect(html.match(/2\. 基于经济性和必要性等因素考虑，满意度指标暂可不作为必评指标。/g)).toHaveLength(5);
    // rateDecimals 0 (the forms as filed) against the text's 2: every form says so, once.
    expect(html.match(/执行率（B\/A）按自评表口径取整数，情况说明中的百分比保留 2 位小数。/g)).toHaveLength(6);
    expect(html).toContain('4. 执行率（B/A）按自评表口径取整数');
    expect(html).toContain('3. 执行率（B/A）按自评表口径取整数');
  });

  it('keeps the default note and adds no precision note when the totals are actual figures and the forms follow the text', () => {
    const payload = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')) as PayloadInput;
    delete payload.performance!.rateDecimals;
    delete payload.performance!.overall!.projectExpenseBasis;
    const plain = renderDocumentHtml(modelOf(payload), ctx);
    expect(plain).toContain('2. 基本支出总额和项目支出总额为财政资金实际支出数。');
    expect(plain).not.toContain('按自评表口径保留');
    expect(plain).toContain('97.80%');
  });
});
