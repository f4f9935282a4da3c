/**
 * A table opens a finding's message by the set's label ("公开05表 科目…") or, in a set without
 * labels such as yunnan-2024, by its title in 《》 with no space after it (《…》科目…).
 */
import { describe, expect, it } from 'vitest';
import { tableLead } from '../../../src/audit/labels';
import { RULE_CASES } from './cases';
import { byRule, full, run, type Json } from './helpers';

const yunnan = (edit: (p: Json) => void = () => {}) =>
  full((p) => {
    edit(p);
    p.templateSet = 'yunnan-2024';
  });

describe('tableLead', () => {
  it('sets a label off by a space and a 《title》 by nothing', () => {
    expect(tableLead('公开05表')).toBe('公开05表 ');
    expect(tableLead('表5')).toBe('表5 ');
    expect(tableLead('《收入支出决算表》')).toBe('《收入支出决算表》');
  });
});

describe('messages in a set without table labels (yunnan-2024)', () => {
  it('name a table by its title with no stray space', () => {
    const [f] = byRule(run(yunnan((p) => { p.tables.gpbExpense.rows[0].basic = '251.49'; })), 'rollup.class');
    expect(f.message).toMatch(/^《[^》]+》科目“201 一般公共服务支出”（类）“基本支出”栏为 251\.49，/);
  });

  it('never put a space after 》 in any rule case', () => {
    let seen = 0;
    for (const c of RULE_CASES.filter((x) => x.base === 'full' && x.rule !== 'template.unknown')) {
      for (const f of run(yunnan(c.edit))) {
        seen += f.message.includes('》') ? 1 : 0;
        expect(f.message, `${c.rule}: ${c.what}`).not.toMatch(/》 /);
      }
    }
    expect(seen).toBeGreaterThan(50);
  });
});
