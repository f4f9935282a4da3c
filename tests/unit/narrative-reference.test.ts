/**
 * The reference publication (武汉市江汉区城市运行管理中心 2024) regenerated from the example payload:
 * the figures it states must come out, computed, and its known mistakes must not.
 * Where our text differs from the published one on purpose, the test says so.
 */
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/model/derive';
import { Payload } from '../../src/schema/payload';
import { buildNarrative, renderNarrativeSection, narrativeText } from '../../src/render/narrative';
import { DEFAULT_PARAMS } from '../../src/render/output';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const model = deriveModel(Payload.parse(example));
const text = narrativeText(model);
const html = renderNarrativeSection(model, { params: DEFAULT_PARAMS });
const paragraphs = buildNarrative(model).sections.flatMap((s) =>
  s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [`${b.marker ? b.marker.text + b.marker.gap : ''}${b.text}`] : [])),
);

describe('第三部分 of the reference example', () => {
  it.each([
    '1519.58',
    '减少 1568.21',
    '下降 50.79%',
    '基本支出 355.89 万元，占本年支出 23.42%', // published: 23.4%
    '项目支出 1163.69 万元，占本年支出 76.58%', // published: 76.6%
    '完成年初预算的 57.28%', // 1519.58 / 2652.67; published: 57.3%
    '684.34%', // 11.36 / 1.66 = 684.337…% half-up; published (truncated): 684.33%
    '93.12%',
    '1.47%',
    '1.84%',
    '3.57%',
    '51.18%',
    '86.28%',
    '74.57%',
    '91.65%',
    '99.83%',
    '89.90%', // published: 89.9%
    '89.94%',
    '100.00%', // published: 100%
    '47.90%', // published: 47.9%
    '99.67%',
    '35.90%', // published: 35.9%
  ])('contains %s', (fact) => {
    expect(text).toContain(fact);
  });

  it.each(['462%', '大小于', '突发公共卫生事件应急处理', 'undefined', 'NaN', 'null', '{', '}'])('contains no %s', (bad) => {
    expect(text).not.toContain(bad);
    expect(html).not.toContain(bad);
  });

  it('gives the 三公 completion of 29.00% when 公开09表 carries the published text’s 3 万元 budget', () => {
    // The publication contradicts itself: 公开09表 prints a 预算数 of 0.87 while the text says
    // "全年预算为3万元 … 完成全年预算的29%". The example transcribes the table, so we print 100.00%;
    // with the text's budget in the table we print the text's figure, rounded to our precision.
    expect(text).toContain('“三公”经费财政拨款支出全年预算为 0.87 万元，支出决算为 0.87 万元，完成全年预算的 100.00%');
    const payload = structuredClone(example);
    payload.tables.threePublic.budget = { total: '3', vehicleSubtotal: '3', vehicleOperation: '3' };
    const withTextBudget = narrativeText(deriveModel(Payload.parse(payload)));
    expect(withTextBudget).toContain('全年预算为 3.00 万元，支出决算为 0.87 万元，完成全年预算的 29.00%。较上年减少 0.80 万元，下降 47.90%');
  });

  it('writes the zero-budget 项 without a percentage, and what it was used for as a use, not as a reason', () => {
    // The publication: "主要原因是：走访慰问专项经费" — a project name is not a reason.
    expect(paragraphs).toContain(
      '（4）一般公共服务支出（类）发展与改革事务（款）一般行政管理事务（项）。年初未安排预算，支出决算为 4.62 万元。主要用于走访慰问专项经费。',
    );
  });

  it('reads a reason that only names a use as a use, whichever field the payload puts it in', () => {
    const payload = structuredClone(example);
    const items = payload.explanation.annualBudget.items as Record<string, { budget: string; reason?: string; uses?: string }>;
    // The example types them as the publication does, in `reason`; a clerk may use `uses`: same words.
    expect(items['2010402'].reason).toBe('走访慰问专项经费');
    items['2010402'] = { budget: '0', uses: '走访慰问专项经费' };
    items['2010399'] = { budget: '1.66', uses: '“智慧江汉”综合指挥中心建设项目检测费' };
    const asTyped = narrativeText(deriveModel(Payload.parse(payload)));
    expect(asTyped).toContain('年初未安排预算，支出决算为 4.62 万元。主要用于走访慰问专项经费。');
    expect(asTyped).toContain('完成年初预算的 684.34%。主要用于“智慧江汉”综合指挥中心建设项目检测费。');
    expect(asTyped).not.toContain('主要原因是：走访慰问专项经费');
    expect(asTyped).toBe(text);
    // A cause and a use both given: the cause in its clause, then the use.
    items['2010399'] = { budget: '1.66', reason: '年中追加检测经费', uses: '“智慧江汉”综合指挥中心建设项目检测费' };
    expect(narrativeText(deriveModel(Payload.parse(payload)))).toContain(
      '完成年初预算的 684.34%，支出决算数大于年初预算数的主要原因：年中追加检测经费。主要用于“智慧江汉”综合指挥中心建设项目检测费。',
    );
  });

  it('writes an on-budget 项 with no reason clause, and an under-budget one with 小于', () => {
    expect(paragraphs).toContain(
      '（3）住房保障支出（类）住房改革支出（款）购房补贴（项）。年初预算为 16.51 万元，支出决算为 16.51 万元，完成年初预算的 100.00%。',
    );
    expect(paragraphs).toContain(
      '（2）卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）。年初预算为 17.81 万元，支出决算为 17.78 万元，完成年初预算的 99.83%。',
    );
    expect(paragraphs).toContain(
      '（3）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）。年初预算为 1.66 万元，支出决算为 11.36 万元，完成年初预算的 684.34%。主要用于“智慧江汉”综合指挥中心建设项目检测费。',
    );
  });

  it('numbers 五（三） as the reference does', () => {
    expect(paragraphs).toContain('1. 一般公共预算财政拨款支出决算具体情况，按支出功能分类项级科目逐类分析如下：');
    expect(paragraphs).toContain('2. 社会保障和就业支出具体包括：');
    expect(paragraphs).toContain('4. 住房保障支出具体包括：');
  });

  it('states the first sections exactly', () => {
    expect(paragraphs.slice(0, 3)).toEqual([
      '2024 年度收、支总计均为 1519.58 万元。与 2023 年度相比，收、支总计减少 1568.21 万元，下降 50.79%，主要原因是机构改革，人员和项目减少。',
      '2024 年度收入合计 1519.58 万元，与 2023 年度相比，收入合计减少 1568.21 万元，下降 50.79%，主要原因是机构改革，人员和项目减少。其中：财政拨款收入 1519.58 万元，占本年收入 100.00%。',
      '2024 年度支出合计 1519.58 万元，与 2023 年度相比，支出合计减少 1568.21 万元，下降 50.79%，主要原因是机构改革，人员和项目减少。其中：基本支出 355.89 万元，占本年支出 23.42%；项目支出 1163.69 万元，占本年支出 76.58%。',
    ]);
  });

  it('lists 基本支出 items that are non-zero in 公开06表 only', () => {
    const personnel = paragraphs.find((p) => p.startsWith('人员经费'))!;
    expect(personnel).toBe(
      '人员经费 342.90 万元，主要包括：基本工资、津贴补贴、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职工基本医疗保险缴费、公务员医疗补助缴费、其他社会保障缴费、住房公积金。',
    );
    // The publication also lists 奖金 and 职业年金缴费, which 06表 leaves blank.
    expect(personnel).not.toContain('奖金');
    expect(personnel).not.toContain('职业年金缴费');
  });

  it('writes 七, 八, 十, 十一 and 十二 as the reference does, with our precision', () => {
    // The 公开 rules' wording for an empty table, as the reference's own table notes say it.
    expect(paragraphs).toContain('本部门 2024 年度无政府性基金预算财政拨款收入、支出。');
    expect(paragraphs).toContain('本部门 2024 年度无国有资本经营预算财政拨款支出。');
    expect(paragraphs).toContain('2024 年度武汉市江汉区城市运行管理中心机关运行经费支出 0 万元。');
    expect(paragraphs).toContain(
      '2024 年度武汉市江汉区城市运行管理中心政府采购支出总额 69.29 万元，其中：政府采购货物支出 0 万元、政府采购工程支出 0 万元、政府采购服务支出 69.29 万元。授予中小企业合同金额 69.06 万元，占政府采购支出总额的 99.67%，其中：授予小微企业合同金额 24.79 万元，占授予中小企业合同金额的 35.90%。服务采购授予中小企业合同金额占服务支出金额的 99.67%。本年度未发生货物采购、工程采购。',
    );
    expect(paragraphs).toContain(
      '截至 2024 年 12 月 31 日，武汉市江汉区城市运行管理中心共有车辆 2 辆，其中，其他用车 1 辆，其他用车主要是公车改革后，仅保留一辆公务用车用于日常公务出行。单位价值 100 万元以上设备 0 台（套）。',
    );
  });

  it('writes the 三公 vehicle lines with the breakdown and the vehicles held', () => {
    expect(paragraphs).toContain('（1）公务用车购置费 0 万元。本年度购置（更新）公务用车 0 辆。');
    expect(paragraphs).toContain(
      '（2）公务用车运行维护费 0.87 万元，主要用于维修费 0.54 万元、保险费 0.23 万元、其他 0.10 万元。截至 2024 年 12 月 31 日，开支财政拨款的公务用车保有量为 1 辆。',
    );
    expect(paragraphs).toContain('1. 因公出国（境）费 0 万元，2024 年度未发生因公出国（境）费支出。');
    expect(paragraphs).toContain('3. 公务接待费 0 万元，2024 年度未发生公务接待费支出。');
  });

  it('writes 十三 with the project count, budget, coverage and the self-evaluation rates, at the document’s precision', () => {
    expect(text).toContain('共涉及项目 5 个，全年预算 1287.88 万元，执行 1163.69 万元，占一般公共预算项目支出总额的 100.00%。');
    expect(text).toContain('我部门组织对部门整体支出开展绩效自评，涉及资金 1643.76 万元，执行 1519.58 万元，执行率 92.45%。');
    // One precision rule in the text (the forms keep their integer convention and say so in their 备注).
    expect(paragraphs).toContain(
      '1. 监督员政府购岗费项目绩效自评综述：项目全年预算数为 1053.83 万元，执行数为 1030.64 万元，完成预算的 97.80%。主要产出和效益是：一是网格化案件上报率 98%；二是及时反映城市市容管理问题。',
    );
    expect(text).toContain('完成预算的 53.78%');
    expect(text).toContain('完成预算的 92.40%。');
    expect(paragraphs).toContain(
      '5. 走访慰问专项经费项目绩效自评综述：项目全年预算数为 5.00 万元，执行数为 4.62 万元，完成预算的 92.40%。主要产出和效益是：一是慰问对象完成率 100%；二是慰问人员满意度 90%。发现的问题及原因：一是人员流动，慰问人数减少；二是落实过紧日子要求压减支出。下一步改进措施：一是合理编制预算；二是提高预算执行率。',
    );
  });

  it('lists projects as uses of 项目支出 with what they spent, the budget beside it, adding up to 项目支出', () => {
    const detail = paragraphs.find((p) => p.startsWith('2024 年度一般公共预算财政拨款支出年初预算为'))!;
    expect(detail).toContain(
      '项目支出主要用于监督员政府购岗费支出 1030.64 万元（全年预算 1053.83 万元），主要成效是随时掌握城市管理现状、出现的问题和处置情况；中心运行维护费支出 117.07 万元（全年预算 217.69 万元）',
    );
    expect(detail).toContain('走访慰问专项经费支出 4.62 万元（全年预算 5.00 万元）');
    const spent = [...detail.matchAll(/支出 ([\d.]+) 万元（全年预算/g)].reduce((n, m) => n + Math.round(Number(m[1]) * 100), 0);
    expect(spent).toBe(116369);
  });

  it('writes 五（二） with 类 named as the tables name them, and the largest 项 of each 类 among its uses', () => {
    expect(paragraphs).toContain('1. 一般公共服务支出（类）1415.08 万元，占 93.12%。主要是用于一般行政管理事务、事业运行、其他政府办公厅（室）及相关机构事务支出。');
    expect(paragraphs).toContain('4. 住房保障支出（类）54.20 万元，占 3.57%。主要是用于住房公积金、提租补贴、购房补贴。');
  });

  it('spaces numbers in typed text as in generated text', () => {
    expect(text).toContain('主要产出和效益：督查通报 19 期；党建活动开展 17 次；');
    expect(text).toContain('2024 年各项目绩效目标基本完成');
    for (const p of paragraphs) expect(p).not.toMatch(/[\u4e00-\u9fff][0-9]|[0-9][\u4e00-\u9fff]/u);
  });

  it('places 图1–图4 after sections 一–四', () => {
    const part = buildNarrative(model, { figures: ['1', '2', '3', '4'] });
    part.sections.slice(0, 4).forEach((s, i) => {
      const last = s.blocks[s.blocks.length - 1];
      expect(last).toMatchObject({ kind: 'figure', id: String(i + 1) });
    });
    expect(part.sections[0].blocks.at(-1)).toMatchObject({
      caption: '图1：收、支决算总计变动情况',
      alt: '2023 年度收、支总计 3087.79 万元，2024 年度 1519.58 万元',
    });
  });
});
