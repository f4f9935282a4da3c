import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/model/derive';
import { findTemplateSet, functionalSubject } from '../../src/model/template-set';
import { Payload } from '../../src/schema/payload';
import { buildGlossary, glossaryText, renderGlossarySection, subjectExplanation, usedItemCodes } from '../../src/render/narrative';
import { DEFAULT_PARAMS } from '../../src/render/output';
import catalog from '../../templates/catalog/functional-subjects.json';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function modelWith(edit: (p: any) => void = () => {}) {
  const payload = structuredClone(example);
  edit(payload);
  return deriveModel(Payload.parse(payload));
}
const lines = (model: ReturnType<typeof modelWith>) => glossaryText(model).split('\n');

describe('第五部分 名词解释 of the reference example', () => {
  const model = modelWith();
  const text = lines(model);

  it('keeps the standard entries in the reference order, numbered （一）…（十七）', () => {
    const headings = text.filter((l) => /^（[一二三四五六七八九十]+）/.test(l)).map((l) => l.replace(/[：].*$/, ''));
    expect(headings).toEqual([
      '（一）一般公共预算财政拨款收入',
      '（二）政府性基金预算财政拨款收入',
      '（三）国有资本经营预算财政拨款收入',
      '（四）上级补助收入',
      '（五）事业收入',
      '（六）经营收入',
      '（七）其他收入',
      '（八）使用非财政拨款结余（含专用结余）',
      '（九）年初结转和结余',
      '（十）本部门使用的支出功能分类科目（到项级）',
      '（十一）结余分配',
      '（十二）年末结转和结余',
      '（十三）基本支出',
      '（十四）项目支出',
      '（十五）经营支出',
      '（十六）“三公”经费',
      '（十七）机关运行经费',
    ]);
  });

  it('fills the fiscal level into the definitions', () => {
    expect(text).toContain('（一）一般公共预算财政拨款收入：指区级财政一般公共预算当年拨付的资金。');
    expect(text.find((l) => l.startsWith('（十六）'))).toContain('纳入区级财政预决算管理的“三公”经费');
    const city = lines(modelWith((p) => (p.meta.fiscalLevel = '市级')));
    expect(city).toContain('（二）政府性基金预算财政拨款收入：指市级财政政府性基金预算当年拨付的资金。');
  });

  it('generates （十） from every 项 the tables use, in code order, 类 named as the catalog and 第三部分 name it', () => {
    const start = text.indexOf('（十）本部门使用的支出功能分类科目（到项级）');
    expect(text.slice(start + 1, start + 11)).toEqual([
      '1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项），反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。',
      // The department's own wording wins over the catalog's (precedence: the test below); the example corrects the publication's 使用单位 typo.
      '2. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项），反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。',
      '3. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项），反映除上述项目以外的其他政府办公厅（室）及相关机构事务支出。',
      '4. 一般公共服务支出（类）发展与改革事务（款）一般行政管理事务（项），反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。',
      '5. 社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项），反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。',
      '6. 卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项），反映财政部门安排的事业单位基本医疗保险缴费经费，未参加医疗保险的事业单位的公费医疗经费，按国家规定享受离休人员待遇的医疗经费。',
      '7. 卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项），反映财政部门安排的公务员医疗补助经费。',
      '8. 住房保障支出（类）住房改革支出（款）住房公积金（项），反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。',
      '9. 住房保障支出（类）住房改革支出（款）提租补贴（项），反映按房改政策规定，行政事业单位向符合条件职工（含离退休人员）发放的租金补贴。',
      '10. 住房保障支出（类）住房改革支出（款）购房补贴（项），反映按房改政策规定，行政事业单位向符合条件职工（含离退休人员）、军队（含武警）向转役复员离退休人员发放的用于购买住房的补贴。',
    ]);
    expect(text[start + 11]).toMatch(/^（十一）结余分配/);
  });

  it('prints no empty （十八） heading without additions, and ends with the phone line', () => {
    expect(text.some((l) => l.includes('其他专用名词'))).toBe(false);
    expect(text.at(-1)).toBe('本单位咨询电话：027-85481838');
    expect(lines(modelWith((p) => delete p.meta.contactPhone)).some((l) => l.includes('咨询电话'))).toBe(false);
  });

  it('adds （十八）其他专用名词 with the payload’s terms, escaped in HTML', () => {
    const model = modelWith((p) => {
      p.glossary.additions = [
        { term: '网格化管理', definition: '指将辖区划分为单元网格进行管理的方式' },
        { term: '<b>城运</b>', definition: '指城市运行管理。' },
      ];
    });
    const t = lines(model);
    const i = t.indexOf('（十八）其他专用名词');
    expect(t.slice(i, i + 3)).toEqual(['（十八）其他专用名词', '1. 网格化管理：指将辖区划分为单元网格进行管理的方式。', '2. <b>城运</b>：指城市运行管理。']);
    const html = renderGlossarySection(model, { params: DEFAULT_PARAMS });
    expect(html).toContain('&lt;b&gt;城运&lt;/b&gt;');
    expect(html).not.toContain('<b>城运');
  });
});

describe('subject explanations', () => {
  it('prefers the payload, then the catalog, then the wording shared by every 款 (行政运行…)', () => {
    const model = modelWith((p) => {
      p.tables.gpbExpense.rows.push(
        { code: '2013101', name: '行政运行', total: 1, basic: 1 },
        { code: '2079999', name: '其他文化旅游体育与传媒支出', total: 1, project: 1 },
        { code: '2120899', name: '其他国有土地使用权出让收入安排的支出', total: 1, project: 1 },
      );
      p.glossary.subjectExplanations = {
        '2010350': '反映本部门所属事业单位的基本支出。',
        '2079999': '反映除上述项目以外其他用于文化旅游体育与传媒方面的支出。',
      };
    });
    // The payload's wording wins over the catalog's: the department publishes its own text.
    expect(subjectExplanation(model, '2010350')).toBe('反映本部门所属事业单位的基本支出。');
    expect(subjectExplanation(model, '2010350')).not.toBe(functionalSubject('2010350')!.explanation);
    expect(subjectExplanation(model, '2079999')).toBe('反映除上述项目以外其他用于文化旅游体育与传媒方面的支出。');
    expect(subjectExplanation(model, '2013101')).toBe('反映行政单位（包括实行公务员管理的事业单位）的基本支出。');
    expect(subjectExplanation(model, '2120899')).toBeUndefined();
    const t = lines(model);
    // No explanation anywhere: the line is printed without one (the audit warns).
    expect(t.some((l) => /^\d+\. 城乡社区支出（类）.*其他国有土地使用权出让收入安排的支出（项）。$/.test(l))).toBe(true);
    expect(t.some((l) => l.includes('文化旅游体育与传媒支出（类）') && l.endsWith('反映除上述项目以外其他用于文化旅游体育与传媒方面的支出。'))).toBe(true);
  });

  it('does not apply the shared wording when the name does not match the suffix', () => {
    const model = modelWith((p) => {
      p.tables.gpbExpense.rows.push({ code: '2013102', name: '一般行政管理事务', total: 1, project: 1 }, { code: '2013150', name: '机关服务', total: 1, basic: 1 });
    });
    expect(subjectExplanation(model, '2013102')).toBe('反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。');
    expect(subjectExplanation(model, '2013150')).toBeUndefined();
  });

  it('lists 项 used in any of tables 02/03/05/07/08', () => {
    const model = modelWith((p) => {
      p.tables.fund = { rows: [{ code: '2120803', name: '城市公共设施', income: 1, project: 1 }] };
      p.tables.stateCapital = { rows: [{ code: '2230199', name: '其他解决历史遗留问题及改革成本支出', project: 1 }] };
    });
    expect(usedItemCodes(model)).toEqual([
      '2010302', '2010350', '2010399', '2010402', '2080505', '2101102', '2101103', '2120803', '2210201', '2210202', '2210203', '2230199',
    ]);
  });

  it('numbers the entries by position when no 项 is used', () => {
    const model = modelWith((p) => {
      for (const t of ['income', 'expense', 'gpbExpense']) p.tables[t] = { rows: [] };
    });
    const part = buildGlossary(model);
    const texts = part.sections[0].blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(texts[9]).toMatch(/^（十）结余分配：/);
  });
});

describe('catalog templates/catalog/functional-subjects.json', () => {
  const entries = Object.entries(catalog as Record<string, { name: string; explanation?: string }>);

  it('explains all 26 类 of the 2024 set', () => {
    const set = findTemplateSet('national-2024')!;
    expect(set.classLines).toHaveLength(26);
    for (const line of set.classLines) {
      expect(functionalSubject(line.code)?.name, line.code).toBe(line.name);
      expect(functionalSubject(line.code)?.explanation, line.code).toMatch(/^反映.+。$/);
    }
  });

  it('explains the basic-spending 项 of almost every department and every 项 of the reference', () => {
    const names = new Set(entries.filter(([code, e]) => code.length === 7 && e.explanation).map(([, e]) => e.name));
    for (const name of [
      '行政运行', '一般行政管理事务', '机关服务', '事业运行', '行政单位离退休', '事业单位离退休', '机关事业单位基本养老保险缴费支出',
      '机关事业单位职业年金缴费支出', '行政单位医疗', '事业单位医疗', '公务员医疗补助', '其他行政事业单位医疗支出', '住房公积金', '提租补贴', '购房补贴',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
    for (const code of usedItemCodes(modelWith())) expect(functionalSubject(code)?.explanation, code).toBeDefined();
  });

  it('writes every explanation in the official style, with full-width parentheses', () => {
    for (const [code, e] of entries) {
      expect(e.explanation, code).toMatch(/^反映.+。$/);
      expect(`${e.name}${e.explanation}`, code).not.toMatch(/[()]/);
    }
  });
});
