import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssuesToProblems } from '../../../src/audit';
import { Payload } from '../../../src/schema/payload';
import { full, minimal, type Json } from './helpers';

function problems(input: Json) {
  const result = Payload.safeParse(input);
  expect(result.success).toBe(false);
  return zodIssuesToProblems(result.error!);
}

describe('zodIssuesToProblems', () => {
  it('rejects three-decimal amounts with the path of the cell', () => {
    expect(problems(minimal((p) => { p.tables.gpbExpense.rows[0].project = 1147.715; }))).toEqual([
      { path: '/tables/gpbExpense/rows/0/project', message: '金额 1147.715 超过两位小数（单位为万元，最多保留到 0.01）' },
    ]);
    expect(problems(full((p) => { p.tables.summary.income.gpb = '1,519.580'; }))).toEqual([
      { path: '/tables/summary/income/gpb', message: '金额 1,519.580 超过两位小数（单位为万元，最多保留到 0.01）' },
    ]);
  });

  it('rejects misplaced thousands separators', () => {
    expect(problems(full((p) => { p.tables.expense.total.total = '1,5,19.58'; }))).toEqual([
      { path: '/tables/expense/total/total', message: '金额“1,5,19.58”格式不正确，应为数字，如 1519.58 或 "1,519.58"' },
    ]);
  });

  it('rejects a 6-digit functional code', () => {
    expect(problems(minimal((p) => { p.tables.income.rows[0].code = '201030'; }))).toEqual([
      { path: '/tables/income/rows/0/code', message: '功能分类科目编码应为 3 位（类）、5 位（款）或 7 位（项）数字' },
    ]);
  });

  it('rejects a bad key in a record with the path of the key', () => {
    expect(problems(full((p) => { p.tables.summary.expenseByClass['20'] = '1.00'; }))).toEqual([
      { path: '/tables/summary/expenseByClass/20', message: '键名不正确：类级科目编码应为 3 位数字' },
    ]);
    expect(problems(full((p) => { p.explanation.annualBudget.items['201'] = { budget: 1 }; }))).toEqual([
      { path: '/explanation/annualBudget/items/201', message: '键名不正确：项级科目编码应为 7 位数字' },
    ]);
  });

  it('names each unknown key at its own path', () => {
    expect(problems(minimal((p) => { p.bogus = 1; p.tables.income.rows[1].fiscall = 2; p.tables.income.rows[1].x = 3; }))).toEqual([
      { path: '/tables/income/rows/1/fiscall', message: '不允许的字段“fiscall”' },
      { path: '/tables/income/rows/1/x', message: '不允许的字段“x”' },
      { path: '/bogus', message: '不允许的字段“bogus”' },
    ]);
  });

  it('escapes unknown keys as JSON pointer segments', () => {
    expect(problems(minimal((p) => { p.meta['a/b~c'] = 1; }))).toEqual([
      { path: '/meta/a~1b~0c', message: '不允许的字段“a/b~c”' },
    ]);
  });

  it('reports missing required fields', () => {
    expect(problems(minimal((p) => { delete p.meta.department; delete p.tables.gpbExpense.rows[0].name; }))).toEqual([
      { path: '/meta/department', message: '缺少必填字段' },
      { path: '/tables/gpbExpense/rows/0/name', message: '缺少必填字段' },
    ]);
    expect(problems(full((p) => { delete p.explanation.annualBudget.items['2010302'].budget; }))).toEqual([
      { path: '/explanation/annualBudget/items/2010302/budget', message: '缺少必填字段' },
    ]);
  });

  it('reports wrong types', () => {
    expect(problems(minimal((p) => { p.meta.publishedOn = 20251031; p.tables.income.rows = {}; }))).toEqual([
      { path: '/meta/publishedOn', message: '类型错误：应为文字（字符串），实际为数字' },
      { path: '/tables/income/rows', message: '类型错误：应为数组，实际为对象' },
    ]);
    expect(problems(minimal((p) => { p.tables.gpbExpense.rows[0].project = true; }))).toEqual([
      { path: '/tables/gpbExpense/rows/0/project', message: '类型错误：应为数字或文字（字符串），实际为布尔值（true 或 false）' },
    ]);
  });

  it('translates enum, literal, number and length issues', () => {
    expect(
      problems(
        minimal((p) => {
          p.schemaVersion = 2;
          p.meta.fiscalLevel = '省';
          p.meta.fiscalYear = 1999;
          p.meta.subordinateUnits = [''];
        }),
      ),
    ).toEqual([
      { path: '/schemaVersion', message: '取值错误：应为 1' },
      { path: '/meta/fiscalYear', message: '会计年度应在 2000–2100 之间' },
      { path: '/meta/subordinateUnits/0', message: '不能为空' },
      { path: '/meta/fiscalLevel', message: '取值错误：应为以下之一：“中央”、“省级”、“市级”、“区级”、“县级”、“乡镇级”' },
    ]);
  });

  it('translates an integer expected where a fraction was given', () => {
    expect(problems(full((p) => { p.explanation.assets.vehicles = 1.5; }))).toEqual([
      { path: '/explanation/assets/vehicles', message: '必须是整数' },
    ]);
    expect(problems(full((p) => { p.meta.fiscalYear = 2024.5; }))).toEqual([
      { path: '/meta/fiscalYear', message: '类型错误：应为整数，实际为数字' },
    ]);
  });

  it('gives every message in Chinese', () => {
    const all = problems(minimal((p) => {
      p.templateSet = 'Bad Name';
      p.meta.slug = 'Not A Slug';
      p.meta.publishedOn = '2025/10/31';
      p.options = { percentDecimals: 9 };
      p.tables.basicExpenseDetail.items['3010'] = 1;
    }));
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const problem of all) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
    expect(all).toContainEqual({ path: '/options/percentDecimals', message: '数值过大（应不大于 4）' });
  });

  it('translates zod defaults of the other issue kinds', () => {
    const schema = z.strictObject({
      step: z.number().multipleOf(5),
      email: z.string().email(),
      list: z.array(z.number()).min(2),
      short: z.string().max(3),
      big: z.number().lt(10),
      flag: z.boolean(),
      choice: z.union([z.literal('a'), z.object({ b: z.number() })]),
      map: z.map(z.string().min(3), z.number()),
      custom: z.string().refine((s) => s === 'ok'),
    });
    const result = schema.safeParse({
      step: 7, email: 'x', list: [1], short: 'abcd', big: 10, choice: 'c', map: new Map([['k', 'v']]), custom: 'no',
    });
    expect(zodIssuesToProblems(result.error!)).toEqual([
      { path: '/step', message: '数值应为 5 的倍数' },
      { path: '/email', message: '格式不正确：应为电子邮件地址' },
      { path: '/list', message: '至少需要 2 项' },
      { path: '/short', message: '文字过长（最多 3 字）' },
      { path: '/big', message: '数值过大（应小于 10）' },
      { path: '/flag', message: '缺少必填字段' },
      { path: '/choice', message: '内容不符合任何一种允许的格式' },
      { path: '/map/k', message: '文字过短（至少 3 字）' },
      { path: '/map/k', message: '类型错误：应为数字，实际为文字（字符串）' },
      { path: '/custom', message: '内容不符合要求' },
    ]);
  });
});
