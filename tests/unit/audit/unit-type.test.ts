/**
 * 单位性质 (meta.unitType) and the 机关运行经费 a 行政 or 参公 unit must explain when it is 0:
 * the field is in the schema and its export, the reference example is a 事业单位 (its basic spending
 * is 2010350 事业运行, which excludes 行政 and 参公 units), the rule fires once and only where it should,
 * and the explanation it asks for is printed in 十.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssuesToProblems } from '../../../src/audit';
import { Payload } from '../../../src/schema/payload';
import { render } from '../narrative-fixture';
import { byRule, full, run, type Json } from './helpers';

const RULE = 'completeness.operating-costs-explained';
const operatingCostFindings = (p: Json) => run(p).filter((f) => f.rule.startsWith('completeness.operating-costs'));

describe('meta.unitType', () => {
  it('is exported in the JSON Schema with its four values and a description', () => {
    const schema = z.toJSONSchema(Payload, { io: 'input', unrepresentable: 'any' }) as Json;
    const unitType = schema.properties.meta.properties.unitType;
    expect(unitType.enum).toEqual(['行政单位', '参照公务员法管理事业单位', '事业单位', '其他']);
    expect(unitType.description).toContain('单位性质');
    expect(schema.properties.meta.required).not.toContain('unitType');
    expect(JSON.stringify(schema)).toContain('"operatingCostsNote"');
  });

  it('refuses a value outside the list, naming the path', () => {
    const result = Payload.safeParse(full((p) => { p.meta.unitType = '行政'; }));
    expect(result.success).toBe(false);
    expect(zodIssuesToProblems(result.error!).map((x) => x.path)).toEqual(['/meta/unitType']);
  });

  it('the reference example is a 事业单位 and its 0 万元 raises nothing', () => {
    const p = full();
    expect(p.meta.unitType).toBe('事业单位');
    expect(p.explanation.operatingCosts).toBe('0');
    expect(operatingCostFindings(p)).toEqual([]);
  });
});

describe(RULE, () => {
  it('a 行政单位 with 0 and no explanation: one warning naming the unit type and the field to fill', () => {
    const hits = operatingCostFindings(full((p) => { p.meta.unitType = '行政单位'; }));
    expect(hits).toEqual([
      {
        rule: RULE,
        severity: 'warning',
        message:
          '本单位为行政单位，机关运行经费为 0：行政单位和参公单位须公开机关运行经费，为 0 时请在机关运行经费说明（explanation.operatingCostsNote）中写明原因。',
        paths: ['/explanation/operatingCosts'],
      },
    ]);
  });

  it('a 参公 unit that leaves it out gets this one finding, not also the generic one', () => {
    const hits = operatingCostFindings(
      full((p) => {
        p.meta.unitType = '参照公务员法管理事业单位';
        delete p.explanation.operatingCosts;
      }),
    );
    expect(hits.map((f) => f.rule)).toEqual([RULE]);
    expect(hits[0].message).toContain('机关运行经费未填写');
  });

  it('a blank amount counts as 0', () => {
    expect(byRule(run(full((p) => { p.meta.unitType = '行政单位'; p.explanation.operatingCosts = null; })), RULE)).toHaveLength(1);
  });

  it('nothing when explained, when not zero, or for other unit types and an unstated one', () => {
    const noteOnly = (p: Json) => { p.meta.unitType = '行政单位'; p.explanation.operatingCostsNote = '本单位机关运行经费由主管部门统一保障'; };
    expect(operatingCostFindings(full(noteOnly))).toEqual([]);
    expect(byRule(run(full((p) => { p.meta.unitType = '行政单位'; p.explanation.operatingCosts = '3.00'; })), RULE)).toEqual([]);
    for (const unitType of ['事业单位', '其他', undefined]) {
      expect(byRule(run(full((p) => { p.meta.unitType = unitType; })), RULE), String(unitType)).toEqual([]);
    }
  });

  it('an unstated unit type that leaves 机关运行经费 out still gets the generic finding', () => {
    expect(operatingCostFindings(full((p) => { delete p.meta.unitType; delete p.explanation.operatingCosts; })).map((f) => f.rule)).toEqual([
      'completeness.operating-costs',
    ]);
  });
});

describe('十 prints the explanation after the amount', () => {
  it('as its own sentence, and nothing when there is none', () => {
    const explained = render((p) => {
      p.meta.unitType = '行政单位';
      p.explanation.operatingCosts = 0;
      p.explanation.previousYear.operatingCosts = 0;
      p.explanation.operatingCostsNote = '本单位机关运行经费由主管部门统一保障';
    }).section(10);
    expect(explained).toEqual(['2024 年度某市某区测试局机关运行经费支出 0 万元。本单位机关运行经费由主管部门统一保障。']);
    expect(render().section(10)).toEqual(['2024 年度某市某区测试局机关运行经费支出 12.34 万元，比 2023 年度增加 2.34 万元，增长 23.40%。']);
  });
});
