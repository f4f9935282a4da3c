/**
 * Every rule, failing and passing: each case changes one thing in an example payload and expects
 * the rule to fire with the given severity and path; the unchanged example (or, for the warnings the
 * reference itself earns, a corrected one) must not trigger it.
 */
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/audit';
import { RULE_CASES, PASSING_EDITS } from './cases';
import { byRule, full, FULL_EXAMPLE_RULES, minimal, run } from './helpers';

describe('rule cases cover every rule', () => {
  it('has a failing case for each rule id', () => {
    expect([...new Set(RULE_CASES.map((c) => c.rule))].sort()).toEqual([...RULE_IDS].sort());
  });

  it('only reports known rule ids', () => {
    for (const c of RULE_CASES) {
      const findings = run(c.base === 'full' ? full(c.edit) : minimal(c.edit));
      for (const f of findings) expect(RULE_IDS as readonly string[]).toContain(f.rule);
    }
  });
});

describe.each(RULE_CASES)('$rule', (c) => {
  it(`fails: ${c.what}`, () => {
    const hits = byRule(run(c.base === 'full' ? full(c.edit) : minimal(c.edit)), c.rule);
    const hit = hits.find((f) => f.paths.includes(c.path));
    expect(hit, JSON.stringify(hits)).toBeDefined();
    expect(hit!.severity).toBe(c.severity);
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('passes on a consistent payload', () => {
    const base = c.base === 'full' ? full(PASSING_EDITS[c.rule]) : minimal();
    expect(byRule(run(base), c.rule)).toEqual([]);
    if (!FULL_EXAMPLE_RULES.has(c.rule)) expect(byRule(run(full()), c.rule)).toEqual([]);
  });
});

describe('messages', () => {
  it('rollup.class names the table, the line and both figures', () => {
    const [f] = byRule(run(full((p) => { p.tables.gpbExpense.rows[0].basic = '251.49'; })), 'rollup.class');
    expect(f).toEqual({
      rule: 'rollup.class',
      severity: 'error',
      message:
        '公开05表 科目“201 一般公共服务支出”（类）“基本支出”栏为 251.49，其下级款级科目之和为 251.39，两者应相等，相差 0.10，请核对。',
      paths: ['/tables/gpbExpense/rows/0/basic'],
      expected: '251.39',
      actual: '251.49',
    });
  });

  it('rollup.row explains 03 本年支出合计', () => {
    const [f] = byRule(run(full((p) => { p.tables.expense.rows[3].total = '251.93'; })), 'rollup.row');
    expect(f.message).toBe(
      '公开03表 科目“2010350 事业运行”“本年支出合计”栏为 251.93，基本支出、项目支出、上缴上级支出、经营支出、对附属单位补助支出之和为 251.39，两者应相等，相差 0.54，请核对。',
    );
  });

  it('cross.summary-class-vs-expense beyond the tolerance is an error', () => {
    const hits = byRule(run(full((p) => { p.tables.summary.expenseByClass['210'] = '28.99'; })), 'cross.summary-class-vs-expense');
    expect(hits.find((f) => f.severity === 'error')).toEqual({
      rule: 'cross.summary-class-vs-expense',
      severity: 'error',
      message: '公开01表 科目“210 卫生健康支出”为 28.99，公开03表同一科目“本年支出合计”栏为 27.99，两者应相等，相差 1.00，请核对。',
      paths: ['/tables/summary/expenseByClass/210', '/tables/expense/rows/10/total'],
      expected: '27.99',
      actual: '28.99',
    });
  });

  it('cross.summary-vs-income reads a blank cell as 空白', () => {
    const [f] = byRule(run(full((p) => { p.tables.summary.income.business = '10.00'; })), 'cross.summary-vs-income');
    expect(f.message).toBe('公开01表“五、事业收入”为 10.00，公开02表“合计”行“事业收入”栏为空白，两者应相等，相差 10.00，请核对。');
  });

  it('cross.gpb-vs-expense: 05 cannot exceed 03', () => {
    const [f] = byRule(run(minimal((p) => { p.tables.gpbExpense.rows[0].project = 1200; })), 'cross.gpb-vs-expense');
    expect(f).toMatchObject({
      severity: 'error',
      message:
        '公开05表 科目“2010302 一般行政管理事务”“项目支出”栏为 1,200.00，大于公开03表同一科目“项目支出”栏 1,147.71，超出 52.29（一般公共预算财政拨款支出不能超过全部支出），请核对。',
      paths: ['/tables/gpbExpense/rows/0/project', '/tables/expense/rows/0/project'],
    });
  });

  it('three-public.vs-detail: 09 决算数 may exceed 06 (项目支出) but not fall below it', () => {
    const above = run(minimal((p) => { p.tables.threePublic.actual.vehicleOperation = 1.5; }));
    expect(byRule(above, 'three-public.vs-detail')).toEqual([]);
    const [f] = byRule(run(minimal((p) => { p.tables.threePublic.actual.vehicleOperation = 0.5; })), 'three-public.vs-detail');
    expect(f.message).toBe(
      '公开06表 科目“30231 公务用车运行维护费”为 0.87，大于公开09表决算数“公务用车运行维护费” 0.50，超出 0.37（“三公”经费决算数包括基本支出和项目支出，不应小于基本支出中的同类支出），请核对。',
    );
  });

  it('codes.placement: a 项 under the wrong 款', () => {
    const [f] = byRule(
      run(full((p) => { const rows = p.tables.gpbExpense.rows; rows.splice(7, 0, ...rows.splice(9, 1)); })),
      'codes.placement',
    );
    expect(f).toEqual({
      rule: 'codes.placement',
      severity: 'error',
      message:
        '公开05表 第 8 行科目“2080505 机关事业单位基本养老保险缴费支出”列在科目“20104 发展与改革事务”之下，但按编码应属于 20805 款，请核对编码或调整行序。',
      paths: ['/tables/gpbExpense/rows/7/code'],
    });
  });

  it('codes.wrong-class: a 项 coded under the wrong 类', () => {
    const [f] = byRule(run(minimal((p) => { p.tables.gpbExpense.rows[4].code = '2010505'; })), 'codes.wrong-class');
    expect(f.message).toBe(
      '公开05表 科目 2010505“机关事业单位基本养老保险缴费支出”：《政府收支分类科目》中同名且款、项编码相同的科目为 2080505（属于“208 社会保障和就业支出”），而所填编码属于 201 类，请核对类级编码。',
    );
  });

  it('codes.catalog-name: 科目名称与《政府收支分类科目》不一致', () => {
    const [f] = byRule(run(full((p) => { p.tables.gpbExpense.rows[3].name = '事业运行经费'; })), 'codes.catalog-name');
    expect(f).toEqual({
      rule: 'codes.catalog-name',
      severity: 'warning',
      message: '公开05表 科目 2010350：科目名称与《政府收支分类科目》不一致，表中为“事业运行经费”，科目目录为“事业运行”，请核对编码或名称。',
      paths: ['/tables/gpbExpense/rows/3/name'],
      expected: '事业运行',
      actual: '事业运行经费',
    });
  });

  it('codes.catalog-name ignores bracket width and spaces', () => {
    const edited = full((p) => { p.tables.gpbExpense.rows[1].name = '政府办公厅(室)及相关机构事务 '; });
    expect(byRule(run(edited), 'codes.catalog-name')).toEqual([]);
  });

  it('narrative.class-uses: the reference’s 突发公共卫生事件应急处理 is in no table', () => {
    const [f] = byRule(
      run(full((p) => { p.explanation.classUses['210'].unshift('突发公共卫生事件应急处理'); })),
      'narrative.class-uses',
    );
    expect(f).toEqual({
      rule: 'narrative.class-uses',
      severity: 'error',
      message:
        '说明中科目“210 卫生健康支出”的主要用途“突发公共卫生事件应急处理”不是公开05表中该类下的项级科目（该类的项级科目：事业单位医疗、公务员医疗补助），请删除或更正。',
      paths: ['/explanation/classUses/210/0'],
      actual: '突发公共卫生事件应急处理',
    });
  });

  it('budget.total-vs-items is only a warning, whatever the size', () => {
    const [f] = byRule(run(full((p) => { p.explanation.annualBudget.total = '1000.00'; })), 'budget.total-vs-items');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('一般公共预算财政拨款支出年初预算总数为 1,000.00，各项级科目年初预算数之和为 2,652.87，两者应相等，相差 1,652.87，请核对。');
  });

  it('reasons.year-on-year names the change', () => {
    const [f] = byRule(run(full((p) => { delete p.explanation.reasons.threePublic; })), 'reasons.year-on-year');
    expect(f).toMatchObject({
      message: '“三公”经费决算数本年 0.87，较上年 1.67 减少 0.80，但未填写增减变化的主要原因。',
      paths: ['/explanation/reasons/threePublic', '/explanation/previousYear/threePublic/total'],
    });
  });

  it('template.unknown falls back to the default set and says so', () => {
    const [f] = run(full((p) => { p.templateSet = 'hubei-2024'; }));
    expect(f).toMatchObject({
      rule: 'template.unknown',
      severity: 'error',
      message: '表式模板集“hubei-2024”不存在（可用：hubei-zengdu-2024、national-2024、yunnan-2024），本次暂按“全国通用部门决算公开表式（2024 年度）”核对。',
      paths: ['/templateSet'],
    });
  });

  it('procurement.small-micro', () => {
    const [f] = byRule(run(full((p) => { p.explanation.procurement.smallMicro = '69.10'; })), 'procurement.small-micro');
    expect(f.message).toBe('授予小微企业合同金额为 69.10，大于授予中小企业合同金额 69.06，超出 0.04（小微企业合同金额是中小企业合同金额的一部分），请核对。');
  });
});

describe('within-table checks skip what the payload did not print', () => {
  it('a minimal payload (only 项 rows) has nothing to roll up against', () => {
    const findings = run(minimal());
    expect(findings.filter((f) => f.rule.startsWith('rollup.'))).toEqual([]);
  });

  it('a printed 类 row with no 项 is reported once, not as a rollup error', () => {
    const findings = run(full((p) => { p.tables.gpbExpense.rows.push({ code: '20105', name: '统计信息事务', total: 1, project: 1 }); }));
    expect(byRule(findings, 'codes.no-items')).toHaveLength(1);
    expect(byRule(findings, 'rollup.section')).toEqual([]);
  });
});

describe('the catalog advises, it never cries wolf', () => {
  it('行政运行 under 212 is not “wrong class”: generic names say nothing about the 类; unknown codes are fine', () => {
    const findings = run(minimal((p) => {
      for (const t of ['income', 'expense', 'gpbExpense']) {
        p.tables[t].rows.push({ code: '21201', name: '城乡社区管理事务' }, { code: '2120101', name: '行政运行', ...(t === 'income' ? { fiscal: 1 } : { basic: 1 }) });
      }
      p.tables.basicExpenseDetail.items['30299'] = 1.72;
    }));
    expect(findings.filter((f) => f.rule.startsWith('codes.'))).toEqual([]);
  });

  it('a 款 the catalog lacks, given only through its 项, asks for the 款 row by code and name', () => {
    const [f] = byRule(run(minimal((p) => { p.tables.gpbExpense.rows.push({ code: '2120101', name: '行政运行', project: 1 }); })), 'codes.name-missing');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('{"code": "21201", "name": "（款级科目名称）"}');
  });

  it('one note lists every 项 without an explanation, not one warning per line', () => {
    const findings = byRule(run(minimal((p) => {
      for (const t of ['income', 'expense', 'gpbExpense']) {
        for (const r of p.tables[t].rows) if (r.code === '2010399') { r.code = '2010398'; r.name = '其他专项事务'; }
        for (const r of p.tables[t].rows) if (r.code === '2010402') { r.code = '2010497'; r.name = '发展改革专项'; }
      }
    })), 'glossary.subject-explanation');
    expect(findings).toHaveLength(1);
    expect(findings[0].paths).toEqual(['/glossary/subjectExplanations/2010398', '/glossary/subjectExplanations/2010497']);
    expect(findings[0].message).toContain('2 个项级科目没有解释（2010398 其他专项事务、2010497 发展改革专项）');
  });
});

describe('zeros the template set has no line for', () => {
  it('a printed zero in an economic line the set lacks is no finding; an amount is', () => {
    expect(byRule(run(full((p) => { p.tables.basicExpenseDetail.items['30250'] = '0.00'; })), 'detail.unknown-code')).toEqual([]);
    expect(byRule(run(full((p) => { p.tables.basicExpenseDetail.items['30250'] = '0.50'; })), 'detail.unknown-code')).toHaveLength(1);
  });

  it('a 类 outside the fixed 01/04 lines with only zeros is no finding', () => {
    expect(byRule(run(full((p) => { p.tables.summary.expenseByClass['230'] = '0.00'; })), 'codes.class-line')).toEqual([]);
  });
});

describe('政府性基金 and 国有资本经营 科目', () => {
  it('a 223 项 is at home in 08 and questioned in 05; codes the catalog does not mark are never questioned', () => {
    const in08 = run(minimal((p) => { p.tables.stateCapital = { rows: [{ code: '22301', name: '解决历史遗留问题及改革成本支出' }, { code: '2230105', name: '国有企业退休人员社会化管理补助支出', project: 1 }] }; }));
    expect(byRule(in08, 'codes.budget-kind')).toEqual([]);
    const fundRow = run(minimal((p) => { p.tables.fund = { rows: [{ code: '21208', name: '国有土地使用权出让收入安排的支出' }, { code: '2120801', name: '征地和拆迁补偿支出', income: 1, project: 1 }] }; }));
    expect(byRule(fundRow, 'codes.budget-kind')).toEqual([]);
    expect(fundRow.filter((f) => f.rule.startsWith('codes.'))).toEqual([]);
  });
});
