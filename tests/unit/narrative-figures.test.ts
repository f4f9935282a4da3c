import { describe, expect, it } from 'vitest';
import { change, completion, deriveNarrativeFigures, normalizeName } from '../../src/model/narrative-figures';
import { deriveModel } from '../../src/model/derive';
import { audit } from '../../src/audit';
import { Payload } from '../../src/schema/payload';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

describe('change', () => {
  it('is null without a previous year', () => {
    expect(change(100, undefined, 2)).toBeNull();
    expect(change(100, null, 2)).toBeNull();
  });
  it('computes a fall exactly (1519.58 vs 3087.79)', () => {
    expect(change(151958, 308779, 2)).toEqual({ current: 151958, previous: 308779, delta: -156821, abs: 156821, direction: 'down', rate: '50.79' });
  });
  it('computes a rise', () => {
    expect(change(40000, 35000, 2)).toMatchObject({ direction: 'up', abs: 5000, rate: '14.29' });
  });
  it('has no rate when nothing changed or the previous year was zero', () => {
    expect(change(100, 100, 2)).toMatchObject({ direction: 'flat', abs: 0, rate: null });
    expect(change(100, 0, 2)).toMatchObject({ direction: 'up', abs: 100, rate: null });
  });
  it('rounds half-up at the requested precision', () => {
    expect(change(87, 167, 2)!.rate).toBe('47.90');
    expect(change(87, 167, 1)!.rate).toBe('47.9');
    expect(change(87, 167, 0)!.rate).toBe('48');
  });
});

describe('completion', () => {
  it('rounds half-up where the reference truncated (11.36 / 1.66 = 684.337…%)', () => {
    expect(completion(1136, 166, 2)).toEqual({ actual: 1136, budget: 166, relation: 'over', rate: '684.34' });
  });
  it('never gives a percentage of a zero budget', () => {
    expect(completion(462, 0, 2)).toEqual({ actual: 462, budget: 0, relation: 'zeroBudget', rate: null });
  });
  it('distinguishes a missing budget from a zero one', () => {
    expect(completion(462, undefined, 2).relation).toBe('noBudget');
  });
  it('says equal only when the amounts are equal', () => {
    expect(completion(1651, 1651, 2)).toMatchObject({ relation: 'equal', rate: '100.00' });
    expect(completion(99999, 100000, 2)).toMatchObject({ relation: 'under', rate: '100.00' });
  });
});

describe('deriveNarrativeFigures (reference example)', () => {
  const f = deriveNarrativeFigures(deriveModel(Payload.parse(example)));

  it('has the totals and shares of 一 to 四', () => {
    expect(f.grand).toMatchObject({ income: 151958, expense: 151958, equal: true });
    expect(f.grand.incomeChange).toMatchObject({ abs: 156821, direction: 'down', rate: '50.79' });
    expect(f.income.sources).toEqual([{ key: 'fiscal', amount: 151958, share: '100.00' }]);
    expect(f.expense.parts).toEqual([
      { key: 'basic', amount: 35589, share: '23.42' },
      { key: 'project', amount: 116369, share: '76.58' },
    ]);
    expect(f.fiscal).toMatchObject({ income: 151958, expense: 151958, equal: true, gpbIncome: 151958 });
  });

  it('has the 类 shares and uses of 五（二）, dropping no valid name', () => {
    expect(f.gpb.classes.map((c) => [c.name, c.share])).toEqual([
      ['一般公共服务支出', '93.12'],
      ['社会保障和就业支出', '1.47'],
      ['卫生健康支出', '1.84'],
      ['住房保障支出', '3.57'],
    ]);
    expect(f.gpb.classes.every((c) => c.rejectedUses.length === 0)).toBe(true);
  });

  it('has the budget completion of 五（三）', () => {
    expect(f.gpb.budget).toMatchObject({ budget: 265267, actual: 151958, rate: '57.28' });
    const rates = f.gpb.details.flatMap((c) => c.items.map((i) => i.completion.rate));
    expect(rates).toEqual(['51.18', '86.28', '684.34', null, '74.57', '91.65', '99.83', '89.90', '89.94', '100.00']);
  });

  it('has the 基本支出 items of 六 (non-zero 06 items in table order)', () => {
    expect(f.basic.personnel.total).toBe(34290);
    expect(f.basic.personnel.items).toEqual([
      '基本工资', '津贴补贴', '伙食补助费', '绩效工资', '机关事业单位基本养老保险缴费',
      '职工基本医疗保险缴费', '公务员医疗补助缴费', '其他社会保障缴费', '住房公积金',
    ]);
    expect(f.basic.public.items).toContain('维修（护）费');
  });

  it('has 三公, procurement and performance figures', () => {
    expect(f.threePublic.total.change).toMatchObject({ abs: 80, direction: 'down', rate: '47.90' });
    expect(f.procurement).toMatchObject({ total: 6929, smeShare: '99.67', smallMicroShare: '35.90' });
    expect(f.performance).toMatchObject({ projectCount: 5, projectBudget: 128788, projectExecuted: 116369, coverage: '100.00' });
    // The text's one precision rule (options.percentDecimals), not the forms' integer convention.
    expect(f.performance!.summaries.map((s) => s.rate)).toEqual(['97.80', '53.78', '100.00', '100.00', '92.40']);
  });
});

describe('classUses', () => {
  it('keeps only names of non-zero 项 of that 类 in table 05, else falls back to the table', () => {
    const payload = structuredClone(example);
    (payload.explanation as { classUses: Record<string, string[]> }).classUses = {
      '201': ['一般行政管理事务', '不存在的科目'],
      '210': ['突发公共卫生事件应急处理'],
      '221': ['住房公积金', '住房公积金', '提租补贴'],
    };
    const f = deriveNarrativeFigures(deriveModel(Payload.parse(payload)));
    const byCode = Object.fromEntries(f.gpb.classes.map((c) => [c.code, c]));
    expect(byCode['201'].uses).toEqual(['一般行政管理事务']);
    expect(byCode['201'].rejectedUses).toEqual(['不存在的科目']);
    expect(byCode['210'].uses).toEqual(['事业单位医疗', '公务员医疗补助']);
    expect(byCode['210'].rejectedUses).toEqual(['突发公共卫生事件应急处理']);
    expect(byCode['221'].uses).toEqual(['住房公积金', '提租补贴']);
    // No classUses for 208: the table's non-zero 项 names in order.
    expect(byCode['208'].uses).toEqual(['机关事业单位基本养老保险缴费支出']);
  });

  it('matches names typed with half-width parentheses', () => {
    expect(normalizeName('政府办公厅(室)及相关机构事务')).toBe('政府办公厅（室）及相关机构事务');
  });

  it('a name the audit accepts is the name the text uses (the copies disagreed on inner spaces)', () => {
    // The audit compared names without any space, the model only trimmed them: "公务员医疗 补助"
    // passed the audit and was then silently dropped from the text. One normalizeName now.
    const payload = structuredClone(example);
    (payload.explanation as { classUses: Record<string, string[]> }).classUses = { '210': ['公务员医疗 补助', ' 事业单位 医疗 '] };
    const model = deriveModel(Payload.parse(payload));
    const f = deriveNarrativeFigures(model);
    const c210 = f.gpb.classes.find((c) => c.code === '210')!;
    expect(c210.uses).toEqual(['公务员医疗补助', '事业单位医疗']);
    expect(c210.rejectedUses).toEqual([]);
    expect(audit(model).filter((x) => x.rule === 'narrative.class-uses')).toEqual([]);
  });
});
