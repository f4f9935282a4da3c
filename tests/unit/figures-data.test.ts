import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/render/errors';
import { problemOf } from '../../src/http/problem';
import { changeWords, figureData, figureIds } from '../../src/render/figures';
import { change } from '../../src/model/narrative-figures';
import type { BarFigure, DonutFigure, HBarFigure } from '../../src/render/figures/data';
import { example, modelOf, testPayload, zeroPayload } from '../golden/figures/payloads';

const model = modelOf(example);

describe('figureIds', () => {
  it('lists all seven figures for the reference example, in the order the document places them', () => {
    expect(figureIds(model)).toEqual(['1', '2', '3', '4', '5', '7', '6']);
  });

  it('numbers captions by position in the document: the 项级 comparison in 五 is 图6, the 三公 one in 九 图7', () => {
    expect(figureIds(model).map((id) => figureData(model, id).caption.split('：')[0])).toEqual(
      ['图1', '图2', '图3', '图4', '图5', '图6', '图7'],
    );
    expect(figureData(model, '7').caption).toBe('图6：一般公共预算财政拨款支出年初预算与决算对比（项级科目）');
    expect(figureData(model, '6').caption).toBe('图7：财政拨款“三公”经费支出预算与决算对比');
  });

  it('leaves out 图1/图4 without previous-year totals and 图7 without 年初预算, keeping the others’ ids', () => {
    const bare = modelOf({
      ...example,
      explanation: { ...example.explanation, previousYear: {}, annualBudget: { items: {} } },
    });
    expect(figureIds(bare)).toEqual(['2', '3', '5', '6']);
    // The first figure of that document is 图1, whatever its id.
    expect(figureIds(bare).map((id) => figureData(bare, id).caption.split('：')[0])).toEqual(['图1', '图2', '图3', '图4']);
  });
});

describe('figureData', () => {
  it('图1 compares the previous year with this year’s 收、支总计', () => {
    const d = figureData(model, '1') as BarFigure;
    expect(d.caption).toBe('图1：收、支决算总计变动情况');
    expect(d.series).toEqual(['2023 年度', '2024 年度']);
    expect(d.groups.map((g) => [g.label, ...g.values])).toEqual([
      ['收入总计', 308779, 151958],
      ['支出总计', 308779, 151958],
    ]);
    expect(d.groups[0].note).toBe('减少 1,568.21 万元，下降 50.79%');
    expect(d.source).toBe('数据来源：武汉市江汉区城市运行管理中心 2024 年度部门决算');
    expect(d.description).toContain('收入总计2024 年度 1519.58 万元，2023 年度 3087.79 万元，减少 1568.21 万元，下降 50.79%');
  });

  it('图2 shows only non-zero income sources', () => {
    const d = figureData(model, '2') as DonutFigure;
    expect(d.slices).toEqual([{ label: '一般公共预算财政拨款收入', value: 151958, percent: '100.00' }]);
    expect(d.total).toBe(151958);
  });

  it('图3 splits 基本支出 and 项目支出, 图5 by 类 with shares adding up to 100', () => {
    const d3 = figureData(model, '3') as DonutFigure;
    expect(d3.slices.map((s) => [s.label, s.value, s.percent])).toEqual([
      ['基本支出', 35589, '23.42'],
      ['项目支出', 116369, '76.58'],
    ]);
    const d5 = figureData(model, '5') as DonutFigure;
    expect(d5.slices.map((s) => [s.label, s.percent])).toEqual([
      ['一般公共服务支出', '93.12'],
      ['社会保障和就业支出', '1.47'],
      ['卫生健康支出', '1.84'],
      ['住房保障支出', '3.57'],
    ]);
    const synthetic = figureData(modelOf(testPayload), '5') as DonutFigure;
    const total = synthetic.slices.reduce((sum, s) => sum + Math.round(Number(s.percent) * 100), 0);
    expect(total).toBe(10000);
    expect(synthetic.slices).toHaveLength(9);
  });

  it('图4 uses the 04 grand totals and the previous fiscal grand total', () => {
    const d = figureData(model, '4') as BarFigure;
    expect(d.groups.map((g) => g.values)).toEqual([
      [308779, 151958],
      [308779, 151958],
    ]);
  });

  it('图6 compares 三公 budget and actual, with completion rates only where there is a budget', () => {
    const d = figureData(modelOf(testPayload), '6') as BarFigure;
    expect(d.groups.map((g) => [g.label, ...g.values, g.note])).toEqual([
      ['合计', 4670, 3379, '完成预算 72.36%'],
      ['因公出国（境）费', 1000, 0, '完成预算 0.00%'],
      ['公务用车购置费', 2500, 2480, '完成预算 99.20%'],
      ['公务用车运行维护费', 850, 793, '完成预算 93.29%'],
      ['公务接待费', 320, 106, '完成预算 33.13%'],
    ]);
  });

  it('图7 pairs 年初预算 with 05 项 rows, rounding rates half-up (684.34%, not the reference’s truncated 684.33%)', () => {
    const d = figureData(model, '7') as HBarFigure;
    expect(d.rows).toHaveLength(10);
    const row = (code: string) => d.rows.find((r) => r.code === code)!;
    expect(row('2010302')).toEqual({ code: '2010302', name: '一般行政管理事务', values: [224256, 114771], rate: '51.18' });
    expect(row('2010399').rate).toBe('684.34');
    expect(row('2010402')).toMatchObject({ values: [0, 462], rate: null }); // no 462% for a zero budget
    const synthetic = figureData(modelOf(testPayload), '7') as HBarFigure;
    const unbudgeted = synthetic.rows.find((r) => r.code === '2070101')!;
    expect(unbudgeted.values[0]).toBeNull();
    const unspent = synthetic.rows.find((r) => r.code === '2240106')!;
    expect(unspent).toMatchObject({ name: '', values: [2000, 0], rate: '0.00' });
  });

  it('marks all-zero figures empty instead of drawing zero-width slices', () => {
    const zero = modelOf(zeroPayload);
    for (const id of ['1', '2', '3', '4', '5', '6']) {
      expect(figureData(zero, id).empty, `图${id}`).toBe('本年度无数据');
    }
  });

  it('answers unknown and inapplicable ids with 404 problems', () => {
    const attempt = (m: typeof model, id: string) => {
      try {
        figureData(m, id);
      } catch (error) {
        return error;
      }
      return null;
    };
    const unknown = attempt(model, '8');
    expect(unknown).toBeInstanceOf(RenderError);
    expect(problemOf(unknown)?.status).toBe(404);
    const bare = modelOf({ ...example, explanation: { ...example.explanation, previousYear: {} } });
    const inapplicable = attempt(bare, '1') as RenderError;
    expect(problemOf(inapplicable)?.status).toBe(404);
    expect(inapplicable.message).toContain('previousYear.grandTotal');
  });
});

describe('changeWords', () => {
  it('words increases, decreases, no change and a zero base', () => {
    expect(changeWords(model, 100, 150, 2)).toBe('增加 0.50 万元，增长 50.00%');
    expect(changeWords(model, 308779, 151958, 2, false)).toBe('减少 1568.21 万元，下降 50.79%');
    expect(changeWords(model, 100, 100, 2)).toBe('与上年持平');
    expect(changeWords(model, 0, 462, 2)).toBe('增加 4.62 万元');
  });

  it('says what the text says: the same change() and the set’s verbs (the copies disagreed on a negative base)', () => {
    // A negative previous amount (a 结余 or a correction): the figure's own copy divided by it and
    // printed "增长 -150.00%"; the text's change() divides by its magnitude.
    expect(changeWords(model, -100, 50, 2)).toBe('增加 1.50 万元，增长 150.00%');
    const c = change(50, -100, 2)!;
    expect(changeWords(model, -100, 50, 2)).toContain(`${model.set.narrative.common.verbs.rateUp} ${c.rate}%`);
  });
});
