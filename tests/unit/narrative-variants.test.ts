/**
 * Sentence variants chosen by the numbers: a rise instead of a fall, no change, no previous year,
 * zero and missing budgets, empty and non-empty 政府性基金 tables, 三公 spending in every category,
 * missing reasons. Each case asserts whole sentences.
 */
import { describe, expect, it } from 'vitest';
import { render } from './narrative-fixture';

describe('a rise, a zero budget, 三公 in all three categories, an empty 政府性基金 table', () => {
  const { section } = render();

  it('一: 增加 / 增长 with the reason (its own trailing 。 not doubled)', () => {
    expect(section(1)).toEqual([
      '2024 年度收、支总计均为 400.00 万元。与 2023 年度相比，收、支总计增加 50.00 万元，增长 14.29%，主要原因是新增城市管理职能。',
    ]);
  });

  it('二: no reason given → the comparison ends cleanly; only non-zero sources, with shares', () => {
    expect(section(2)).toEqual([
      '2024 年度收入合计 400.00 万元，与 2023 年度相比，收入合计增加 50.00 万元，增长 14.29%。其中：财政拨款收入 370.00 万元，占本年收入 92.50%；事业收入 30.00 万元，占本年收入 7.50%。',
    ]);
  });

  it('三 and 四', () => {
    expect(section(3)).toEqual([
      '2024 年度支出合计 400.00 万元，与 2023 年度相比，支出合计增加 50.00 万元，增长 14.29%，主要原因是人员增加。其中：基本支出 380.00 万元，占本年支出 95.00%；项目支出 20.00 万元，占本年支出 5.00%。',
    ]);
    expect(section(4)).toEqual([
      '2024 年度财政拨款收、支总计均为 370.00 万元。与 2023 年度相比，财政拨款收、支总计各增加 50.00 万元，增长 15.63%。',
      '2024 年度财政拨款收入中，一般公共预算财政拨款收入 370.00 万元，比 2023 年度决算数增加 50.00 万元，增长 15.63%。',
    ]);
  });

  it('五: no change → 与上年持平 without a rate; zero budget → no percentage; equal → no reason clause', () => {
    const s = section(5);
    expect(s[0]).toBe('2024 年度一般公共预算财政拨款支出 370.00 万元，占本年支出合计的 92.50%。一般公共预算财政拨款支出与上年持平。');
    expect(s).toContain('1. 一般公共服务支出（类）350.00 万元，占 94.59%。主要是用于行政运行、事业运行。');
    expect(s).toContain(
      '2024 年度一般公共预算财政拨款支出年初预算为 75.00 万元，支出决算为 370.00 万元，完成年初预算的 493.33%。其中：基本支出 350.00 万元，项目支出 20.00 万元。',
    );
    expect(s).toContain(
      '（1）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初未安排预算，支出决算为 300.00 万元，主要原因是机构新设，年中追加经费。',
    );
    expect(s).toContain(
      '（2）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）。年初预算为 50.00 万元，支出决算为 50.00 万元，完成年初预算的 100.00%。',
    );
    expect(s).toContain(
      '（1）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为 25.00 万元，支出决算为 20.00 万元，完成年初预算的 80.00%。',
    );
  });

  it('六, 七, 八', () => {
    expect(section(6)).toEqual([
      '2024 年度一般公共预算财政拨款基本支出 350.00 万元，其中：',
      '人员经费 300.00 万元，主要包括：基本工资、津贴补贴。',
      '公用经费 50.00 万元，主要包括：办公费、公务用车运行维护费。',
    ]);
    expect(section(7)).toEqual(['本部门 2024 年度无政府性基金预算财政拨款收入、支出。']);
    expect(section(8)).toEqual(['本部门 2024 年度无国有资本经营预算财政拨款支出。']);
  });

  it('九: every category with budget, completion, change (no rate from a zero base), reasons and counts', () => {
    expect(section(9)).toEqual([
      '2024 年度“三公”经费财政拨款支出全年预算为 32.00 万元，支出决算为 27.70 万元，完成全年预算的 86.56%。较上年增加 20.50 万元，增长 284.72%，决算数较上年增加的主要原因：新购置执法车辆。',
      '1. 因公出国（境）费全年预算为 5.00 万元，支出决算为 4.00 万元，完成全年预算的 80.00%；较上年增加 4.00 万元。决算数较上年增加的主要原因：赴港开展学习交流。全年安排因公出国（境）团组 1 个，累计 3 人次。',
      '2. 公务用车购置及运行维护费全年预算为 25.00 万元，支出决算为 22.50 万元，完成全年预算的 90.00%；较上年增加 16.50 万元，增长 275.00%。决算数较上年增加的主要原因：新购置执法车辆。其中：',
      '（1）公务用车购置费 18.00 万元。本年度购置（更新）公务用车 1 辆。',
      '（2）公务用车运行维护费 4.50 万元，主要用于燃料费 2.50 万元、维修费 2.00 万元。截至 2024 年 12 月 31 日，开支财政拨款的公务用车保有量为 3 辆。',
      '3. 公务接待费全年预算为 2.00 万元，支出决算为 1.20 万元，完成全年预算的 60.00%；与上年持平。全年国内公务接待 2 批次、15 人次。',
    ]);
  });

  it('十, 十一, 十二', () => {
    expect(section(10)).toEqual(['2024 年度某市某区测试局机关运行经费支出 12.34 万元，比 2023 年度增加 2.34 万元，增长 23.40%。']);
    expect(section(11)).toEqual([
      '2024 年度某市某区测试局政府采购支出总额 15.00 万元，其中：政府采购货物支出 10.00 万元、政府采购工程支出 0 万元、政府采购服务支出 5.00 万元。授予中小企业合同金额 12.00 万元，占政府采购支出总额的 80.00%，其中：授予小微企业合同金额 0 万元。货物采购授予中小企业合同金额占货物支出金额的 80.00%，服务采购授予中小企业合同金额占服务支出金额的 80.00%。本年度未发生工程采购。',
    ]);
    expect(section(12)).toEqual([
      '截至 2024 年 12 月 31 日，某市某区测试局共有车辆 3 辆，其中，执法执勤用车 2 辆；其他用车 1 辆。单位价值 100 万元以上设备 1 台（套）。',
    ]);
  });

  it('十三 without performance data says so (never a bare heading) and makes nothing up', () => {
    expect(section(13)).toEqual(['某市某区测试局未提供 2024 年度预算绩效情况。']);
  });
});

describe('other variants', () => {
  it('no previous year: every comparison is left out', () => {
    const { section } = render((p) => {
      p.explanation.previousYear = {};
    });
    expect(section(1)).toEqual(['2024 年度收、支总计均为 400.00 万元。']);
    expect(section(2)[0]).toBe(
      '2024 年度收入合计 400.00 万元。其中：财政拨款收入 370.00 万元，占本年收入 92.50%；事业收入 30.00 万元，占本年收入 7.50%。',
    );
    expect(section(4)).toEqual(['2024 年度财政拨款收、支总计均为 370.00 万元。', '2024 年度财政拨款收入中，一般公共预算财政拨款收入 370.00 万元。']);
    expect(section(5)[0]).toBe('2024 年度一般公共预算财政拨款支出 370.00 万元，占本年支出合计的 92.50%。');
    expect(section(9)[0]).toBe('2024 年度“三公”经费财政拨款支出全年预算为 32.00 万元，支出决算为 27.70 万元，完成全年预算的 86.56%。');
    expect(section(10)).toEqual(['2024 年度某市某区测试局机关运行经费支出 12.34 万元。']);
  });

  it('no change in the totals: 与上年持平, no rate, no reason', () => {
    const { section } = render((p) => {
      p.explanation.previousYear.grandTotal = 400;
    });
    expect(section(1)).toEqual(['2024 年度收、支总计均为 400.00 万元。收、支总计与上年持平。']);
  });

  it('a fall from a typed comparison year', () => {
    const { section } = render((p) => {
      p.explanation.comparisonYear = 2022;
      p.explanation.previousYear.grandTotal = 500;
    });
    expect(section(1)).toEqual([
      '2024 年度收、支总计均为 400.00 万元。与 2022 年度相比，收、支总计减少 100.00 万元，下降 20.00%，主要原因是新增城市管理职能。',
    ]);
  });

  it('income and expense totals that differ are stated separately', () => {
    const { section } = render((p) => {
      p.tables.summary = { expense: { grandTotal: 390 } };
    });
    expect(section(1)).toEqual([
      '2024 年度收入总计 400.00 万元，支出总计 390.00 万元。与 2023 年度相比，收入总计增加 50.00 万元，增长 14.29%。与 2023 年度相比，支出总计增加 40.00 万元，增长 11.43%，主要原因是新增城市管理职能。',
    ]);
  });

  it('a zero 年初预算 in total: 年初未安排预算, never a percentage', () => {
    const { section } = render((p) => {
      p.explanation.annualBudget = { total: 0, items: { '2010301': { budget: 0 } } };
    });
    const s = section(5);
    expect(s).toContain('2024 年度一般公共预算财政拨款支出年初未安排预算，支出决算为 370.00 万元。其中：基本支出 350.00 万元，项目支出 20.00 万元。');
    expect(s).toContain('（1）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初未安排预算，支出决算为 300.00 万元。');
    expect(s).toContain('（2）一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）。支出决算为 50.00 万元。');
    expect(s.join('')).not.toMatch(/完成年初预算的/);
  });

  it('no 年初预算 at all: just the 支出决算', () => {
    const { section } = render((p) => {
      p.explanation.annualBudget = { items: {} };
    });
    const s = section(5);
    expect(s).toContain('2024 年度一般公共预算财政拨款支出决算为 370.00 万元。其中：基本支出 350.00 万元，项目支出 20.00 万元。');
    expect(s).toContain('（1）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。支出决算为 20.00 万元。');
  });

  it('an over-budget 项 without a reason ends after the percentage', () => {
    const { section } = render((p) => {
      p.explanation.annualBudget.items['2080505'] = { budget: 10 };
    });
    expect(section(5)).toContain(
      '（1）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为 10.00 万元，支出决算为 20.00 万元，完成年初预算的 200.00%。',
    );
  });

  it('a non-empty 政府性基金 table: amounts, carry-forwards, change and uses', () => {
    const { section } = render((p) => {
      p.tables.fund = {
        rows: [{ code: '2120803', name: '城市公共设施', carryForwardStart: 5, income: 40, basic: 0, project: 42, carryForwardEnd: 3 }],
      };
      p.explanation.previousYear.fundExpense = 30;
      p.explanation.reasons.fundChange = '新增公共设施维护项目';
    });
    expect(section(7)).toEqual([
      '2024 年度政府性基金预算财政拨款收入 40.00 万元，支出 42.00 万元，年初结转和结余 5.00 万元，年末结转和结余 3.00 万元。与 2023 年度相比，政府性基金预算财政拨款支出增加 12.00 万元，增长 40.00%，主要原因是新增公共设施维护项目。支出中，项目支出 42.00 万元。主要用于城市公共设施。',
    ]);
  });

  it('no 三公 budget or spending this year or last', () => {
    const { section } = render((p) => {
      p.tables.threePublic = { budget: {}, actual: {} };
      p.explanation.previousYear.threePublic = { total: 0 };
      p.explanation.threePublicDetail = { vehiclesHeld: 0 };
    });
    expect(section(9)).toEqual([
      '2024 年度未安排“三公”经费财政拨款预算，未发生“三公”经费财政拨款支出。',
      '1. 因公出国（境）费 0 万元，2024 年度未发生因公出国（境）费支出。',
      '2. 公务用车购置及运行维护费 0 万元，2024 年度未发生公务用车购置及运行维护费支出。截至 2024 年 12 月 31 日，开支财政拨款的公务用车保有量为 0 辆。',
      '3. 公务接待费 0 万元，2024 年度未发生公务接待费支出。',
    ]);
  });

  it('三公 spent without a budget, and a category that fell to zero', () => {
    const { section } = render((p) => {
      p.tables.threePublic = { budget: {}, actual: { reception: 0.5 } };
      p.explanation.previousYear.threePublic = { abroad: 3, reception: 0.5 };
      p.explanation.reasons = {};
    });
    const s = section(9);
    expect(s[0]).toBe('2024 年度“三公”经费财政拨款支出未安排全年预算，支出决算为 0.50 万元。较上年减少 3.00 万元，下降 85.71%。');
    expect(s[1]).toBe('1. 因公出国（境）费 0 万元，2024 年度未发生因公出国（境）费支出；较上年减少 3.00 万元，下降 100.00%。');
    expect(s[3]).toBe('3. 公务接待费未安排全年预算，支出决算为 0.50 万元；与上年持平。全年国内公务接待 2 批次、15 人次。');
  });

  it('机关运行经费 of zero after a non-zero year, and none given at all (said, never a bare heading)', () => {
    expect(
      render((p) => {
        p.explanation.operatingCosts = 0;
      }).section(10),
    ).toEqual(['2024 年度某市某区测试局机关运行经费支出 0 万元，比 2023 年度减少 10.00 万元，下降 100.00%。']);
    expect(
      render((p) => {
        delete p.explanation.operatingCosts;
      }).section(10),
    ).toEqual(['某市某区测试局未提供 2024 年度机关运行经费支出情况。']);
  });

  it('a non-empty 国有资本经营 table', () => {
    const { section } = render((p) => {
      p.tables.stateCapital = { rows: [{ code: '2230199', name: '其他解决历史遗留问题及改革成本支出', basic: 0, project: 8 }] };
    });
    expect(section(8)).toEqual(['2024 年度国有资本经营预算财政拨款支出 8.00 万元，其中：项目支出 8.00 万元。主要用于其他解决历史遗留问题及改革成本支出。']);
  });

  it('政府采购 of nothing', () => {
    expect(
      render((p) => {
        p.explanation.procurement = { goods: 0, works: 0, services: 0 };
      }).section(11),
    ).toEqual(['2024 年度某市某区测试局未发生政府采购支出。']);
  });

  it('percentDecimals 1 applies to every percentage of the text', () => {
    const { section } = render((p) => {
      p.options = { percentDecimals: 1 };
    });
    expect(section(1)[0]).toContain('增长 14.3%');
    expect(section(3)[0]).toContain('占本年支出 95.0%');
  });

  it('performance: a project named “…项目” is not followed by another 项目, lists of one are not numbered', () => {
    const { section } = render((p) => {
      p.performance = {
        evaluationSummary: '各项目绩效目标基本完成',
        projects: [
          {
            name: '执法装备购置项目',
            supervisor: '某市某区测试局',
            implementer: '装备科',
            projectType: '一次性项目',
            fundingSource: '部门预算项目',
            budget: 20,
            executed: 18,
          },
        ],
        projectSummaries: [{ name: '执法装备购置项目', outputs: ['购置执法车辆 1 辆'], problems: [], improvements: ['提前做好采购计划'] }],
      };
    });
    expect(section(13)).toEqual([
      '根据预算绩效管理要求，我部门组织对 2024 年度一般公共预算项目支出全面开展绩效自评，共涉及项目 1 个，全年预算 20.00 万元，执行 18.00 万元，占一般公共预算项目支出总额的 90.00%。各项目绩效目标基本完成。',
      '我部门在 2024 年度部门决算中反映所有项目绩效自评结果（不包括涉密项目），共涉及 1 个一级项目。',
      '1. 执法装备购置项目绩效自评综述：项目全年预算数为 20.00 万元，执行数为 18.00 万元，完成预算的 90.00%。主要产出和效益是：购置执法车辆 1 辆。下一步改进措施：提前做好采购计划。',
    ]);
    const headings = render((p) => {
      p.performance = { application: '用于下年预算编制', projectSummaries: [], projects: [] };
    }).part.sections[12].blocks.filter((b) => b.kind === 'heading');
    // Sub-headings are numbered by position: the only one present is （一）.
    expect(headings).toEqual([{ kind: 'heading', text: '（一）绩效自评结果应用情况' }]);
  });
});
