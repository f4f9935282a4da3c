import { describe, expect, it } from 'vitest';
import { headingWords } from '../../src/render/html/table-html';

// Where table headers may break: between terms, never inside one. The worker suite
// (tests/worker/site.test.ts) checks the same breaks in workerd, whose ICU must agree with Node's.
describe('headingWords', () => {
  it('splits headers into terms, joining one-character pieces to a neighbour', () => {
    const cases: Record<string, string[]> = {
      本年收入合计: ['本年', '收入', '合计'],
      国有资本经营预算财政拨款: ['国有', '资本', '经营', '预算', '财政', '拨款'],
      政府性基金预算财政拨款: ['政府性', '基金', '预算', '财政', '拨款'],
      对附属单位补助支出: ['对附属', '单位', '补助', '支出'],
      公务用车购置及运行维护费: ['公务用车', '购置及', '运行', '维护费'],
      '因公出国（境）费': ['因公', '出国（境）费'],
      年初结转和结余: ['年初结转和结余'],
      上缴上级支出: ['上缴', '上级', '支出'],
      行次: ['行次'],
      类: ['类'],
    };
    for (const [text, words] of Object.entries(cases)) {
      expect(headingWords(text), text).toEqual(words);
      expect(headingWords(text).join('')).toBe(text);
    }
  });
});
