/**
 * Inputs of the 情况说明 that the tables cannot check by themselves: 年初预算 by 项 (五（三）), reasons
 * for changes, and the 项 names the text says each 类 was "主要用于" (五（二）).
 */
import type { FunctionalRow, BasicProjectColumn } from '../../model/derive';
import { formatAmount, sum, type Cents } from '../../schema/money';
import { checkEqual, type AuditContext } from '../context';
import { classSubject, subject, tableLead } from '../labels';
import type { Finding } from '../types';
import { normalizeName } from '../../model/narrative-figures';

function gpbItems(ctx: AuditContext): FunctionalRow<BasicProjectColumn>[] {
  return ctx.model.gpbExpense.rows.filter((r) => r.level === 'item');
}

function annualBudget(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t05 = ctx.table('gpbExpense');
  const { total, items } = m.payload.explanation.annualBudget;
  const base = '/explanation/annualBudget';
  const findings: Finding[] = [];
  const rows = new Map(gpbItems(ctx).map((r) => [r.code, r]));
  const codes = Object.keys(items).sort();
  for (const code of codes) {
    if (rows.has(code)) continue;
    findings.push({
      rule: 'budget.unknown-code',
      severity: 'error',
      message: `年初预算中的科目 ${code} 在${t05}中没有对应的项级科目，请核对编码。`,
      paths: [`${base}/items/${code}`],
      actual: code,
    });
  }
  if (total !== undefined && total !== null && codes.length > 0) {
    // Advisory only: the text prints the typed total, and real documents do get it wrong.
    const finding = checkEqual(
      ctx,
      'budget.total-vs-items',
      { label: '一般公共预算财政拨款支出年初预算总数', value: total, path: `${base}/total` },
      { label: '各项级科目年初预算数之和', value: sum(codes.map((c) => items[c].budget)), path: `${base}/items` },
      { severity: 'warning' },
    );
    if (finding) findings.push(finding);
  }
  if (codes.length === 0) return findings;
  for (const [code, row] of rows) {
    const actual = row.cells.total.value ?? 0;
    const item = Object.hasOwn(items, code) ? items[code] : undefined;
    if (!item) {
      findings.push({
        rule: 'budget.missing-item',
        severity: 'warning',
        message: `${tableLead(t05)}${subject(row)}没有填写年初预算数，情况说明中无法写出该科目完成年初预算的情况。`,
        paths: [`${base}/items`, row.path],
      });
      continue;
    }
    if (item.budget !== actual && !item.reason) {
      findings.push({
        rule: 'budget.missing-reason',
        severity: 'warning',
        message:
          `${subject(row)}支出决算 ${formatAmount(actual)} 与年初预算 ${formatAmount(item.budget)} 不一致，` +
          `但未填写差异的主要原因。`,
        paths: [`${base}/items/${code}/reason`, row.cells.total.path],
        expected: formatAmount(item.budget),
        actual: formatAmount(actual),
      });
    }
  }
  return findings;
}

/** Year-on-year comparisons the text makes, the current figure, and where its reason goes. */
function yearOnYear(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const e = m.payload.explanation;
  const prev = e.previousYear;
  const tp = m.threePublic.actual;
  const prevTp = prev.threePublic;
  const prevVehicle =
    prevTp && (prevTp.vehicleSubtotal ?? prevTp.vehiclePurchase ?? prevTp.vehicleOperation) !== undefined
      ? prevTp.vehicleSubtotal ?? sum([prevTp.vehiclePurchase, prevTp.vehicleOperation])
      : undefined;
  const comparisons: { what: string; previous: Cents | null | undefined; previousKey: string; current: Cents | null; reason: keyof typeof e.reasons }[] = [
    { what: '收、支总计', previous: prev.grandTotal, previousKey: 'grandTotal', current: m.summary.income.grandTotal.value, reason: 'grandTotal' },
    { what: '本年收入合计', previous: prev.incomeTotal, previousKey: 'incomeTotal', current: m.summary.income.totalCurrent.value, reason: 'income' },
    { what: '本年支出合计', previous: prev.expenseTotal, previousKey: 'expenseTotal', current: m.summary.expense.totalCurrent.value, reason: 'expense' },
    { what: '财政拨款收、支总计', previous: prev.fiscalGrandTotal, previousKey: 'fiscalGrandTotal', current: m.fiscalSummary.income.grandTotal.value, reason: 'fiscalGrandTotal' },
    { what: '一般公共预算财政拨款收入', previous: prev.gpbIncome, previousKey: 'gpbIncome', current: m.fiscalSummary.income.gpb.value, reason: 'gpbIncome' },
    { what: '一般公共预算财政拨款支出', previous: prev.gpbExpense, previousKey: 'gpbExpense', current: m.gpbExpense.total.total.value, reason: 'gpbExpense' },
    { what: '政府性基金预算财政拨款支出', previous: prev.fundExpense, previousKey: 'fundExpense', current: m.fund.total.expenseTotal.value, reason: 'fundChange' },
    { what: '国有资本经营预算财政拨款支出', previous: prev.stateCapitalExpense, previousKey: 'stateCapitalExpense', current: m.stateCapital.total.total.value, reason: 'stateCapitalChange' },
    { what: '“三公”经费决算数', previous: prevTp?.total, previousKey: 'threePublic/total', current: tp.total.value, reason: 'threePublic' },
    { what: '因公出国（境）费', previous: prevTp?.abroad, previousKey: 'threePublic/abroad', current: tp.abroad.value, reason: 'abroad' },
    { what: '公务用车购置及运行维护费', previous: prevVehicle, previousKey: 'threePublic/vehicleSubtotal', current: tp.vehicleSubtotal.value, reason: 'vehicle' },
    { what: '公务接待费', previous: prevTp?.reception, previousKey: 'threePublic/reception', current: tp.reception.value, reason: 'reception' },
    { what: '机关运行经费', previous: prev.operatingCosts, previousKey: 'operatingCosts', current: e.operatingCosts ?? null, reason: 'operatingCosts' },
  ];
  const findings: Finding[] = [];
  for (const c of comparisons) {
    if (c.previous === undefined || c.previous === null) continue;
    const current = c.current ?? 0;
    if (current === c.previous || e.reasons[c.reason]) continue;
    const change = current - c.previous;
    findings.push({
      rule: 'reasons.year-on-year',
      severity: 'warning',
      message:
        `${c.what}本年 ${formatAmount(current)}，较上年 ${formatAmount(c.previous)} ${change > 0 ? '增加' : '减少'} ` +
        `${formatAmount(Math.abs(change))}，但未填写增减变化的主要原因。`,
      paths: [`/explanation/reasons/${c.reason}`, `/explanation/previousYear/${c.previousKey}`],
      expected: formatAmount(c.previous),
      actual: formatAmount(current),
    });
  }
  return findings;
}

/** Names in classUses must be 项 of that 类 in 05: the text cannot name a use no table contains. */
function classUses(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const uses = m.payload.explanation.classUses;
  if (!uses) return [];
  const t05 = ctx.table('gpbExpense');
  const findings: Finding[] = [];
  for (const code of Object.keys(uses).sort()) {
    const items = gpbItems(ctx).filter((r) => r.code.startsWith(code));
    const available = new Map(items.map((r) => [normalizeName(r.name), r.name]));
    uses[code].forEach((name, index) => {
      if (available.has(normalizeName(name))) return;
      findings.push({
        rule: 'narrative.class-uses',
        severity: 'error',
        message:
          items.length === 0
            ? `说明中${classSubject(m, code)}的主要用途“${name}”无从谈起：${t05}中没有该类支出，请删除或更正。`
            : `说明中${classSubject(m, code)}的主要用途“${name}”不是${t05}中该类下的项级科目` +
              `（该类的项级科目：${items.map((r) => r.name).join('、')}），请删除或更正。`,
        paths: [`/explanation/classUses/${code}/${index}`],
        actual: name,
      });
    });
  }
  return findings;
}

export function narrativeInputRules(ctx: AuditContext): Finding[] {
  return [...annualBudget(ctx), ...yearOnYear(ctx), ...classUses(ctx)];
}
