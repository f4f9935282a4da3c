/**
 * Every payload home for what real 决算公开 say (issue 13): the value appears in the sentence
 * where a reader looks for it, and leaving it out gives the sentence without it (or the set's
 * wording for absence) — never an empty heading, never an invented fact.
 */
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/model/derive';
import { isUseNotCause } from '../../src/model/narrative-figures';
import { renderDocumentHtml } from '../../src/render/html/document';
import { DEFAULT_PARAMS } from '../../src/render/output';
import { Payload } from '../../src/schema/payload';
import { buildNarrative } from '../../src/render/narrative';
import { render, variantPayload, type Mutable } from './narrative-fixture';

const join = (lines: string[]) => lines.join('\n');

describe('五（三）: 主要用于 per 项, the overall budget reason, projects with what they spent', () => {
  it('writes a 项’s uses after its completion, and nothing when they are left out', () => {
    const withUses = render((p) => {
      p.explanation.annualBudget.items['2080505'] = { budget: 25, reason: '人员调出', uses: '单位缴纳的基本养老保险费' };
    }).section(5);
    expect(withUses).toContain(
      '（1）社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为 25.00 万元，支出决算为 20.00 万元，完成年初预算的 80.00%，支出决算数小于年初预算数的主要原因：人员调出。主要用于单位缴纳的基本养老保险费。',
    );
    const without = join(render().section(5));
    expect(without).toContain('完成年初预算的 80.00%。');
    expect(without).not.toContain('主要用于单位缴纳');
  });

  it('gives the reason the total differs from 年初预算, only where it differs', () => {
    const s = join(render((p) => (p.explanation.annualBudget.reason = '年中追加城市管理经费')).section(5));
    expect(s).toContain(
      '2024 年度一般公共预算财政拨款支出年初预算为 75.00 万元，支出决算为 370.00 万元，完成年初预算的 493.33%，决算数大于年初预算数的主要原因是年中追加城市管理经费。',
    );
    expect(join(render().section(5))).toContain('完成年初预算的 493.33%。其中：');
    // Equal budget: no reason clause even when one is given.
    const equal = join(
      render((p) => {
        p.explanation.annualBudget.total = 370;
        p.explanation.annualBudget.reason = '不应出现';
      }).section(5),
    );
    expect(equal).toContain('完成年初预算的 100.00%。其中：');
    expect(equal).not.toContain('不应出现');
  });

  it('lists main projects by what they spent, with the budget beside it when given', () => {
    const s = join(
      render((p) => {
        p.explanation.mainProjects = [
          { name: '城市管理执法', amount: 15, budget: 18, outcome: '市容明显改善' },
          { name: '网格巡查', amount: 5 },
        ];
      }).section(5),
    );
    expect(s).toContain('项目支出主要用于城市管理执法支出 15.00 万元（全年预算 18.00 万元），主要成效是市容明显改善；网格巡查 5.00 万元。');
  });

  it('reads a reason that only names a use as 主要用于, and keeps a cause as a cause', () => {
    expect(isUseNotCause('走访慰问专项经费', [])).toBe(true);
    expect(isUseNotCause('“智慧江汉”综合指挥中心建设项目检测费', [])).toBe(true);
    expect(isUseNotCause('党建工作', ['党建工作项目'])).toBe(true);
    expect(isUseNotCause('机构改革，人员和项目减少', [])).toBe(false);
    expect(isUseNotCause('年中追加检测费', [])).toBe(false);
    expect(isUseNotCause('因公出国（境）费', [])).toBe(true);
    const s = join(render((p) => (p.explanation.annualBudget.items['2010301'] = { budget: 0, reason: '执法装备购置经费' })).section(5));
    expect(s).toContain('年初未安排预算，支出决算为 300.00 万元。主要用于执法装备购置经费。');
    expect(s).not.toContain('主要原因是执法装备购置经费');
  });
});

describe('七 and 八 written like 五 when 年初预算 by 项 is given', () => {
  const fund = (p: Mutable) => {
    p.tables.fund = {
      rows: [
        { code: '212', name: '城乡社区支出', income: 40, expenseTotal: 42, project: 42 },
        { code: '21208', name: '国有土地使用权出让收入安排的支出', income: 40, expenseTotal: 42, project: 42 },
        { code: '2120803', name: '城市建设支出', income: 40, expenseTotal: 42, project: 42, carryForwardStart: 5, carryForwardEnd: 3 },
      ],
    };
    p.tables.fiscalSummary = undefined;
  };

  it('政府性基金: the total and each 项 against 年初预算, with the reasons and uses given', () => {
    const s = render((p) => {
      fund(p);
      p.explanation.fundBudget = {
        reason: '年中追加道路改造项目',
        items: { '2120803': { budget: 30, reason: '年中追加道路改造项目', uses: '老旧小区道路改造' } },
      };
    }).section(7);
    expect(s[0]).toContain(
      '2024 年度政府性基金预算财政拨款支出年初预算为 30.00 万元，支出决算为 42.00 万元，完成年初预算的 140.00%，决算数大于年初预算数的主要原因是年中追加道路改造项目。',
    );
    expect(s).toContain('1. 政府性基金预算财政拨款支出决算具体情况，按支出功能分类项级科目逐类分析如下：');
    expect(s).toContain(
      '（1）城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）。年初预算为 30.00 万元，支出决算为 42.00 万元，完成年初预算的 140.00%，支出决算数大于年初预算数的主要原因：年中追加道路改造项目。主要用于老旧小区道路改造。',
    );
  });

  it('政府性基金 without 年初预算: the summary with its uses, no per-项 list', () => {
    const s = render(fund).section(7);
    expect(s).toHaveLength(1);
    expect(s[0]).toContain('主要用于城市建设支出。');
    expect(s[0]).not.toContain('年初预算');
  });

  it('国有资本经营: the same, and the rules’ absence wording for an empty table', () => {
    const s = render((p) => {
      p.tables.stateCapital = { rows: [{ code: '2230199', name: '其他解决历史遗留问题及改革成本支出', total: 8, project: 8 }] };
      p.explanation.stateCapitalBudget = { items: { '2230199': { budget: 10, reason: '部分改革事项延至下年' } } };
    }).section(8);
    expect(s[0]).toBe(
      '2024 年度国有资本经营预算财政拨款支出 8.00 万元，其中：项目支出 8.00 万元。2024 年度国有资本经营预算财政拨款支出年初预算为 10.00 万元，支出决算为 8.00 万元，完成年初预算的 80.00%。',
    );
    expect(s).toContain(
      '（1）国有资本经营预算支出（类）（款）其他解决历史遗留问题及改革成本支出（项）。年初预算为 10.00 万元，支出决算为 8.00 万元，完成年初预算的 80.00%，支出决算数小于年初预算数的主要原因：部分改革事项延至下年。',
    );
    expect(render().section(8)).toEqual(['本部门 2024 年度无国有资本经营预算财政拨款支出。']);
  });
});

describe('九 三公: reasons against 预算 and 上年 per item, 国内/外事 接待, purposes and uses', () => {
  it('gives each reason in its own sentence, and none when left out', () => {
    const s = join(
      render((p) => {
        Object.assign(p.explanation.reasons, {
          threePublicBudget: '严格控制公务支出',
          abroadBudget: '压缩出访人数',
          vehicleBudget: '车辆购置价格低于预算',
          vehiclePurchaseBudget: '采购价格低于预算',
          vehicleOperation: '车辆老旧维修减少',
          vehicleOperationBudget: '燃油价格下降',
          receptionBudget: '落实过紧日子要求',
        });
      }).section(9),
    );
    expect(s).toContain('完成全年预算的 86.56%，决算数小于预算数的主要原因是严格控制公务支出。较上年增加');
    expect(s).toContain('因公出国（境）费全年预算为 5.00 万元，支出决算为 4.00 万元，完成全年预算的 80.00%，决算数小于预算数的主要原因是压缩出访人数；');
    expect(s).toContain('完成全年预算的 90.00%，决算数小于预算数的主要原因是车辆购置价格低于预算；较上年增加');
    expect(s).toContain('（1）公务用车购置费 18.00 万元，全年预算为 20.00 万元，决算数小于预算数的主要原因是采购价格低于预算。本年度购置（更新）公务用车 1 辆。');
    expect(s).toContain(
      '（2）公务用车运行维护费 4.50 万元，主要用于燃料费 2.50 万元、维修费 2.00 万元，全年预算为 5.00 万元，决算数小于预算数的主要原因是燃油价格下降，较上年减少 1.50 万元，主要原因是车辆老旧维修减少。',
    );
    expect(s).toContain('公务接待费全年预算为 2.00 万元，支出决算为 1.20 万元，完成全年预算的 60.00%，决算数小于预算数的主要原因是落实过紧日子要求；与上年持平。');
    const bare = join(render().section(9));
    expect(bare).not.toMatch(/决算数(大于|小于)预算数的主要原因/);
    expect(bare).toContain('（1）公务用车购置费 18.00 万元。本年度购置（更新）公务用车 1 辆。');
  });

  it('writes 国内 and 外事 接待 with amounts, 批次 and 人次, and the purposes of 出国 and 接待', () => {
    const s = join(
      render((p) => {
        Object.assign(p.explanation.threePublicDetail, {
          receptionDomestic: 0.8,
          receptionForeign: 0.4,
          receptionForeignBatches: 1,
          receptionForeignPeople: 6,
          receptionPurpose: '上级部门检查指导、兄弟单位交流学习',
          abroadPurpose: '赴香港开展城市管理交流考察',
          vehiclePurchaseUses: '更新执法执勤用车 1 辆',
        });
      }).section(9),
    );
    expect(s).toContain(
      '其中：国内公务接待费 0.80 万元，接待 2 批次、15 人次；外事接待费 0.40 万元，接待外宾 1 批次、6 人次。主要用于上级部门检查指导、兄弟单位交流学习。',
    );
    expect(s).toContain('全年安排因公出国（境）团组 1 个，累计 3 人次。主要用于赴香港开展城市管理交流考察。');
    expect(s).toContain('本年度购置（更新）公务用车 1 辆。主要用于更新执法执勤用车 1 辆。');
    // Counts only: 全年… without amounts.
    const counts = join(render((p) => Object.assign(p.explanation.threePublicDetail, { receptionForeignBatches: 0, receptionForeignPeople: 0 })).section(9));
    expect(counts).toContain('全年国内公务接待 2 批次、15 人次；外事接待 0 批次、0 人次。');
    // Nothing given: no counts sentence at all.
    const none = join(
      render((p) => {
        delete p.explanation.threePublicDetail.receptionBatches;
        delete p.explanation.threePublicDetail.receptionPeople;
      }).section(9),
    );
    expect(none).not.toContain('批次');
    expect(none).toMatch(/3\. 公务接待费全年预算为 2\.00 万元，支出决算为 1\.20 万元，完成全年预算的 60\.00%；与上年持平。$/m);
  });

  it('uses of 运行维护费 without amounts when no breakdown is given', () => {
    const s = join(
      render((p) => {
        p.explanation.threePublicDetail.vehicleOperationBreakdown = [];
        p.explanation.threePublicDetail.vehicleOperationUses = '公务用车燃料费、维修费、保险费等';
      }).section(9),
    );
    expect(s).toContain('（2）公务用车运行维护费 4.50 万元，主要用于公务用车燃料费、维修费、保险费等。');
  });

  /**
   * Typed in from a real publication: 梧州市农产品质量安全综合检测中心 2020 年度部门决算,
   * "三公" section (http://117.141.250.58:10060/wzyjsgkpt/… , Guangxi). Every fact of the section
   * has a home: 决算 equal to 预算 per item, 上年 figures, the reasons of the two items that rose.
   */
  it('keeps every fact of a real 三公 section from another province (梧州, 2020)', () => {
    const s = join(
      render((p) => {
        p.meta.fiscalYear = 2020;
        p.tables.threePublic = {
          budget: { abroad: 0, vehiclePurchase: 0, vehicleOperation: 3.98, reception: 1.5 },
          actual: { abroad: 0, vehiclePurchase: 0, vehicleOperation: 3.98, reception: 1.5 },
        };
        p.explanation.previousYear.threePublic = { abroad: 0, vehiclePurchase: 0, vehicleOperation: 2.93, reception: 1 };
        p.explanation.reasons = {
          threePublic: '公务用车运行支出增加，导致“三公”经费支出增加',
          vehicleOperation: '按照“十四五”期间国家食品安全规划要求，农产品质量安全色谱定量检测任务需较大幅度增加，公务车使用增加',
          reception: '接待上级有关部门来本单位监督检查、指导和考察调研，以及与其他地市同行开展的业务学习交流等任务增加',
        };
        p.explanation.threePublicDetail = { abroadGroups: 0, abroadPeople: 0, vehicleOperationUses: '机要文件交换', vehiclesPurchased: 0 };
        p.explanation.annualBudget = { items: {} };
      }).section(9),
    );
    // 决算总额 5.48, 比预算增加 0, 比去年增加 1.55 万元，增长 39.4%（ours: 39.44%）, with its reason.
    expect(s).toContain(
      '2020 年度“三公”经费财政拨款支出全年预算为 5.48 万元，支出决算为 5.48 万元，完成全年预算的 100.00%。较上年增加 1.55 万元，增长 39.44%，决算数较上年增加的主要原因：公务用车运行支出增加，导致“三公”经费支出增加。',
    );
    expect(s).toContain('1. 因公出国（境）费 0 万元，2020 年度未发生因公出国（境）费支出。');
    expect(s).toContain('（1）公务用车购置费 0 万元。本年度购置（更新）公务用车 0 辆。');
    // 运行维护费: 比去年增加 1.05 万元, with the published reason and use.
    expect(s).toContain(
      '（2）公务用车运行维护费 3.98 万元，主要用于机要文件交换，较上年增加 1.05 万元，主要原因是按照“十四五”期间国家食品安全规划要求',
    );
    // 公务接待费: 比去年增加 0.5 万元，增长 50%.
    expect(s).toContain('3. 公务接待费全年预算为 1.50 万元，支出决算为 1.50 万元，完成全年预算的 100.00%；较上年增加 0.50 万元，增长 50.00%。决算数较上年增加的主要原因：接待上级有关部门');
  });
});

describe('十一 政府采购: the 预留 split of what went to 中小企业', () => {
  it('writes each way with its share of the 中小企业 amount, and nothing without them', () => {
    const s = render((p) => Object.assign(p.explanation.procurement, { smeDedicated: 6, smeReserved: 4, smeOther: 2 })).section(11);
    expect(s[0]).toContain(
      '授予中小企业合同金额中，专门面向中小企业采购 6.00 万元，占 50.00%；通过预留份额授予 4.00 万元，占 33.33%；通过其他方式授予 2.00 万元，占 16.67%。',
    );
    expect(render().section(11)[0]).not.toContain('预留');
  });
});

describe('十一 政府采购: the department’s note, and a set that states 小微企业 against the total', () => {
  it('appends the note (e.g. why the 中小企业 share is low), also when nothing was procured', () => {
    const note = '本年度采购以外网线路租用为主，此项服务只能由基础电信运营商提供';
    expect(render((p) => (p.explanation.procurement.note = note)).section(11)[0]).toMatch(/工程采购。本年度采购以外网线路租用为主，此项服务只能由基础电信运营商提供。$/);
    const none = render((p) => (p.explanation.procurement = { goods: 0, works: 0, services: 0, note: '年度内无采购需求' })).section(11);
    expect(none).toEqual(['2024 年度某市某区测试局未发生政府采购支出。年度内无采购需求。']);
  });

  it('writes 小微企业 as a share of the total when the set says so (财政部 2019: 占政府采购支出总额的 8.2%)', () => {
    const p = structuredClone(variantPayload()) as Mutable;
    p.explanation.procurement.smallMicro = 3;
    const model = deriveModel(Payload.parse(p));
    const ofSme = join(buildNarrative(model).sections[10].blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')));
    expect(ofSme).toContain('授予小微企业合同金额 3.00 万元，占授予中小企业合同金额的 25.00%');
    const set = structuredClone(model.set);
    set.narrative['other-sections'].procurement.smallMicroShareOf = 'total';
    const ofTotal = join(buildNarrative({ ...model, set }).sections[10].blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')));
    expect(ofTotal).toContain('授予小微企业合同金额 3.00 万元，占政府采购支出总额的 20.00%');
  });
});

describe('十三 预算绩效: counts, amounts, evaluations, scores and grades as figures', () => {
  const perf = (p: Mutable) => {
    p.performance = {
      management: {
        projectCount: 12,
        level1Count: 3,
        level2Count: 9,
        projectAmount: 18,
        overallCount: 1,
        departmentEvaluations: { count: 2, amount: 10 },
        fiscalEvaluations: { count: 1 },
      },
      overall: { unitName: '某市某区测试局', budget: 400, executed: 370, score: 95.5, grade: '优' },
      projects: [{ name: '执法装备购置', supervisor: '某市某区测试局', implementer: '执法大队', projectType: '一次性项目', fundingSource: '部门预算项目', budget: 20, executed: 18, score: 88, grade: '良' }],
      projectSummaries: [{ name: '执法装备购置', outputs: ['购置执法车辆 1 辆'] }],
    };
  };

  it('writes the typed counts and amounts, the evaluations beyond 自评, and every score with its grade', () => {
    const s = render(perf).section(13);
    expect(s[0]).toBe(
      '根据预算绩效管理要求，我部门组织对 2024 年度一般公共预算项目支出全面开展绩效自评，共涉及项目 12 个（其中一级项目 3 个、二级项目 9 个），执行 18.00 万元，占一般公共预算项目支出总额的 90.00%。组织对 1 个部门（单位）开展整体支出绩效自评。组织对 2 个项目开展部门评价，涉及资金 10.00 万元。区级财政部门对我部门 1 个项目开展重点绩效评价。',
    );
    expect(s[1]).toBe('我部门组织对部门整体支出开展绩效自评，涉及资金 400.00 万元，执行 370.00 万元，执行率 92.50%，自评得分 95.5 分，自评等级为“优”。');
    expect(s[3]).toBe(
      '1. 执法装备购置项目绩效自评综述：项目全年预算数为 20.00 万元，执行数为 18.00 万元，完成预算的 90.00%，自评得分 88 分，自评等级为“良”。主要产出和效益是：购置执法车辆 1 辆。',
    );
  });

  it('leaves scores, grades and evaluations out when the payload does', () => {
    const s = join(
      render((p) => {
        perf(p);
        delete p.performance.management;
        delete p.performance.overall.score;
        delete p.performance.overall.grade;
        delete p.performance.projects[0].score;
      }).section(13),
    );
    expect(s).not.toMatch(/得分|部门评价|重点绩效评价|一级项目 3/);
    expect(s).toContain('共涉及项目 1 个，全年预算 20.00 万元，执行 18.00 万元');
    expect(s).toContain('完成预算的 90.00%，自评等级为“良”。');
  });

  it('refuses a score outside 0–100 or with three decimals, and an unknown grade', () => {
    for (const bad of [{ score: 101 }, { score: 95.555 }, { grade: '好' }]) {
      const p = structuredClone(variantPayload()) as Mutable;
      perf(p);
      Object.assign(p.performance.overall, bad);
      expect(Payload.safeParse(p).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('sections some regions add: 一般性支出 (会议费、培训费), 其他重要事项, 相关口径说明', () => {
  /** The variant payload under a set whose 情况说明 is just these three sections. */
  function regional(edit: (p: Mutable) => void = () => {}) {
    const p = structuredClone(variantPayload()) as Mutable;
    edit(p);
    const model = deriveModel(Payload.parse(p));
    const set = structuredClone(model.set);
    const part = set.document.parts.find((x) => x.kind === 'narrative')!;
    (part as { sections: string[] }).sections = ['generalExpense', 'otherMatters', 'scopeNotes'];
    const built = buildNarrative({ ...model, set });
    return built.sections.map((sec) => [sec.title, ...sec.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))]);
  }

  it('writes each from its payload home, numbered where the set places it', () => {
    const out = regional((p) => {
      p.explanation.generalExpense = {
        meetings: { amount: 1.2, count: 3, people: 150, purpose: '召开城市管理工作会议' },
        training: { amount: 2.5, count: 2, people: 80 },
        note: '较上年减少 0.6 万元，主要原因是压减会议数量',
      };
      p.explanation.otherMatters = '2024 年 6 月机构改革，单位更名。';
      p.explanation.scopeNotes = '本部门决算包含下属 1 个事业单位。\n数据口径与公开表一致';
    });
    expect(out[0]).toEqual([
      '一、一般性支出情况说明',
      '2024 年度一般性支出 3.70 万元，其中：会议费 1.20 万元，召开会议 3 次，参会 150 人次，主要用于召开城市管理工作会议；培训费 2.50 万元，开展培训 2 期，参训 80 人次。较上年减少 0.6 万元，主要原因是压减会议数量。',
    ]);
    expect(out[1]).toEqual(['二、其他重要事项情况说明', '2024 年 6 月机构改革，单位更名。']);
    expect(out[2]).toEqual(['三、相关口径说明', '本部门决算包含下属 1 个事业单位。', '数据口径与公开表一致。']);
  });

  it('says the set’s words when the payload leaves them out, never a bare heading', () => {
    expect(regional()).toEqual([
      ['一、一般性支出情况说明', '某市某区测试局未提供 2024 年度一般性支出情况。'],
      ['二、其他重要事项情况说明', '本部门无其他需要说明的重要事项。'],
      ['三、相关口径说明', '本部门无需要说明的口径事项。'],
    ]);
  });
});

describe('第一部分: units in scope with their 备注', () => {
  it('lists each unit with its note, and a plain name as before', () => {
    const p = structuredClone(variantPayload()) as Mutable;
    p.meta.subordinateUnits = ['某区测试中心', { name: '某区测试站', note: '预算不单列，并入本级' }];
    const html = renderDocumentHtml(deriveModel(Payload.parse(p)), { params: DEFAULT_PARAMS });
    expect(html).toContain('个下属单位决算组成');
    expect(html).toContain('<li>1. 某区测试中心</li><li>2. 某区测试站（预算不单列，并入本级）</li>');
  });
});

describe('the JSON Schema export documents every new home', () => {
  it('has the fields with their descriptions', async () => {
    const { z } = await import('zod');
    const schema = JSON.stringify(z.toJSONSchema(Payload, { io: 'input', unrepresentable: 'any' }));
    for (const key of [
      'uses',
      'fundBudget',
      'stateCapitalBudget',
      'threePublicBudget',
      'vehicleOperationBudget',
      'receptionForeignPeople',
      'receptionPurpose',
      'smeReserved',
      'departmentEvaluations',
      'projectExpenseBasis',
      'grade',
    ]) {
      expect(schema, key).toContain(`"${key}"`);
    }
    expect(schema).toContain('预算不单列，并入本级');
  });
});
