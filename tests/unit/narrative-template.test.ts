import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, fill, placeholders, TemplateError } from '../../src/model/text';
import { clause, reasonClause, sentence, textAmount } from '../../src/render/narrative/text';

describe('fill', () => {
  it('fills {name} placeholders from the context', () => {
    expect(fill('{year} 年度收、支总计均为 {total} 万元。', { year: 2024, total: '1519.58' })).toBe(
      '2024 年度收、支总计均为 1519.58 万元。',
    );
  });

  it('throws a TemplateError naming the missing placeholder', () => {
    expect(() => fill('与 {prevYear} 年度相比，{subject}减少', { prevYear: 2023 })).toThrow(TemplateError);
    expect(() => fill('与 {prevYear} 年度相比，{subject}减少', { prevYear: 2023 })).toThrow('模板占位符 {subject} 没有取值');
    try {
      fill('{a}{b}', { a: 'x', b: undefined });
    } catch (e) {
      expect((e as TemplateError).placeholder).toBe('b');
    }
  });

  it('refuses non-integer numbers (amounts must be formatted first)', () => {
    expect(() => fill('{amount} 万元', { amount: 0.1 + 0.2 })).toThrow('不是整数');
  });

  it('inserts values verbatim: payload text with braces is not expanded again', () => {
    expect(fill('主要原因是{reason}。', { reason: '{year}' })).toBe('主要原因是{year}。');
  });

  it('leaves text that is not a placeholder alone', () => {
    expect(fill('（{n}）{text}', { n: 1, text: '{ 不是占位符 }' })).toBe('（1）{ 不是占位符 }');
    expect(fill('全角｛括号｝', {})).toBe('全角｛括号｝');
  });

  it('lists placeholders in order of first appearance', () => {
    expect(placeholders('{a}{b}{a}{c}')).toEqual(['a', 'b', 'c']);
  });
});

describe('national-2024 narrative/ and glossary/ wording', () => {
  const dirs = ['templates/sets/national-2024/narrative', 'templates/sets/national-2024/glossary'];
  const strings: { file: string; path: string; text: string }[] = [];
  const walk = (file: string, path: string, value: unknown) => {
    if (typeof value === 'string') strings.push({ file, path, text: value });
    else if (Array.isArray(value)) value.forEach((x, i) => walk(file, `${path}/${i}`, x));
    else if (value && typeof value === 'object') for (const [k, x] of Object.entries(value)) walk(file, `${path}/${k}`, x);
  };
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      walk(`${dir}/${name}`, '', JSON.parse(readFileSync(join(dir, name), 'utf8')));
    }
  }

  it('have only well-formed placeholders (no stray braces)', () => {
    expect(strings.length).toBeGreaterThan(100);
    for (const s of strings) {
      const rest = s.text.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/g, '');
      expect(rest, `${s.file}${s.path}`).not.toMatch(/[{}]/);
    }
  });

  it('use half-width parentheses nowhere in Chinese text', () => {
    for (const s of strings) {
      if (s.path.endsWith('$comment')) continue;
      expect(s.text, `${s.file}${s.path}`).not.toMatch(/[\u4e00-\u9fff]\(|\)[\u4e00-\u9fff]/);
    }
  });

  it('type no figures: the only digits are fixed wording (100 万元以上设备, 12 月 31 日, 0 万元)', () => {
    // generic-items.json `suffix` values are code suffixes (data), not printed text.
    const printed = strings.filter((s) => !s.path.endsWith('$comment') && !s.path.endsWith('/suffix'));
    const digits = printed.flatMap((s) => s.text.match(/\d+/g) ?? []);
    expect(new Set(digits)).toEqual(new Set(['100', '12', '31', '0', '1', '2', '3', '4', '5', '6', '7']));
    // 1–7 are figure numbers in captions ("图 1：…"), nothing else.
    for (const s of printed) {
      if (/(^|\D)[1-7](\D|$)/.test(s.text)) expect(s.path, s.file).toMatch(/figures\/\d\/caption$/);
    }
  });
});

describe('text helpers', () => {
  it('formats amounts for running text: no separators, two decimals, a plain 0', () => {
    expect(textAmount(151958)).toBe('1519.58');
    expect(textAmount(123456789)).toBe('1234567.89');
    expect(textAmount(590)).toBe('5.90');
    expect(textAmount(0)).toBe('0');
  });

  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 17, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十七', '二十', '二十一', '九十九']);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
    // The two copies disagreed past 99: the HTML one printed "100", the narrative one threw, so a
    // document with 100 self-evaluated projects failed. One copy now counts on.
    expect([100, 101, 105, 110, 119, 120, 999, 1000, 1001, 1010, 2024, 9999].map(chineseNumeral)).toEqual([
      '一百', '一百零一', '一百零五', '一百一十', '一百一十九', '一百二十', '九百九十九',
      '一千', '一千零一', '一千零一十', '二千零二十四', '九千九百九十九',
    ]);
    expect(() => chineseNumeral(10000)).toThrow(RangeError);
  });

  it('glues payload text into sentences', () => {
    expect(clause('机构改革，人员和项目减少。')).toBe('机构改革，人员和项目减少');
    expect(clause(' 压减支出； ')).toBe('压减支出');
    expect(sentence('整体预算执行情况良好')).toBe('整体预算执行情况良好。');
    expect(sentence('整体预算执行情况良好。')).toBe('整体预算执行情况良好。');
    expect(sentence('效果明显；')).toBe('效果明显。');
    expect(sentence('“好”')).toBe('“好”');
  });

  it('drops a lead-in the clerk typed before a reason, so it is not said twice', () => {
    expect(reasonClause('主要原因是机构改革，人员和项目减少。')).toBe('机构改革，人员和项目减少');
    expect(reasonClause('原因：人员调动')).toBe('人员调动');
    expect(reasonClause('主要原因为压减支出')).toBe('压减支出');
    expect(reasonClause('机构改革')).toBe('机构改革');
    expect(reasonClause('原材料涨价')).toBe('原材料涨价');
    expect(reasonClause('原因不明的支出增加')).toBe('原因不明的支出增加');
  });
});
