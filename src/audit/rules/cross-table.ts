/**
 * 表间勾稽: the same figure printed in two tables must agree, and a narrower table cannot exceed a
 * wider one. Compares the values each table prints (typed or derived), so a figure a clerk left
 * out is still held to the table it is derived from.
 */
import type { FunctionalTableModel } from '../../model/derive';
import { checkAtMost, checkEqual, collect, op, opSum, type AuditContext, type Operand } from '../context';
import {
  classSubject,
  column,
  EXPENSE_LABELS,
  FISCAL_LABELS,
  FUND_LABELS,
  INCOME_LABELS,
  STATE_CAPITAL_LABELS,
  SUMMARY_INCOME_LABELS,
  GPB_LABELS,
  subject,
  tableLead,
} from '../labels';
import type { Finding } from '../types';

/** The row of a functional table, or a blank operand pointing at its rows when the table lacks it. */
function rowCell<C extends string>(table: FunctionalTableModel<C>, code: string, c: C, label: string): Operand {
  const row = table.rows.find((r) => r.code === code);
  return row ? op(label, row.cells[c]) : { label, value: null, path: `${table.path}/rows`, terms: 0 };
}

/** 01 类 lines against 03's 类 totals; 01 本年收入/支出合计 against 02/03 合计; 01 lines 4–8 against 02. */
function summaryVsTables(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t01 = ctx.table('summary');
  const t02 = ctx.table('income');
  const t03 = ctx.table('expense');
  const findings: Finding[] = [];
  for (const [code, f] of m.summary.expenseByClass) {
    collect(
      findings,
      checkEqual(
        ctx,
        'cross.summary-class-vs-expense',
        op(`${tableLead(t01)}${classSubject(m, code)}`, f),
        rowCell(m.expense, code, 'total', `${t03}同一科目${column(EXPENSE_LABELS.total)}`),
      ),
    );
  }
  collect(
    findings,
    checkEqual(
      ctx,
      'cross.summary-vs-income',
      op(`${t01}“本年收入合计”`, m.summary.income.totalCurrent),
      op(`${t02}“合计”行${column(INCOME_LABELS.total)}`, m.income.total.total),
    ),
  );
  for (const c of ['superiorSubsidy', 'business', 'operating', 'affiliatedRemit', 'other'] as const) {
    collect(
      findings,
      checkEqual(
        ctx,
        'cross.summary-vs-income',
        op(`${t01}“${SUMMARY_INCOME_LABELS[c]}”`, m.summary.income[c]),
        op(`${t02}“合计”行${column(INCOME_LABELS[c])}`, m.income.total[c]),
      ),
    );
  }
  collect(
    findings,
    checkEqual(
      ctx,
      'cross.summary-vs-expense',
      op(`${t01}“本年支出合计”`, m.summary.expense.totalCurrent),
      op(`${t03}“合计”行${column(EXPENSE_LABELS.total)}`, m.expense.total.total),
    ),
  );
  return findings;
}

/** 01 lines 1–3 against 04's income lines; 02 财政拨款收入 against 04 本年收入合计. */
function fiscalIncome(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t01 = ctx.table('summary');
  const t04 = ctx.table('fiscalSummary');
  const findings: Finding[] = [];
  for (const c of ['gpb', 'fund', 'stateCapital'] as const) {
    collect(
      findings,
      checkEqual(
        ctx,
        'cross.summary-vs-fiscal',
        op(`${t01}“${SUMMARY_INCOME_LABELS[c]}”`, m.summary.income[c]),
        op(`${t04}收入“${FISCAL_LABELS[c]}”`, m.fiscalSummary.income[c]),
      ),
    );
  }
  collect(
    findings,
    checkEqual(
      ctx,
      'cross.income-vs-fiscal',
      op(`${ctx.table('income')}“合计”行${column(INCOME_LABELS.fiscal)}`, m.income.total.fiscal),
      op(`${t04}“本年收入合计”`, m.fiscalSummary.income.totalCurrent),
    ),
  );
  return findings;
}

/** 04's three source columns against 05, 07 and 08: 类 lines, 本年支出合计 and (for 07) income and carry-forwards. */
function fiscalVsSourceTables(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const fs = m.fiscalSummary;
  const t04 = ctx.table('fiscalSummary');
  const findings: Finding[] = [];
  const sources = [
    { c: 'gpb', rule: 'cross.fiscal-vs-gpb', key: 'gpbExpense', table: m.gpbExpense, total: 'total', label: GPB_LABELS.total },
    { c: 'fund', rule: 'cross.fiscal-vs-fund', key: 'fund', table: m.fund, total: 'expenseTotal', label: FUND_LABELS.expenseTotal },
    { c: 'stateCapital', rule: 'cross.fiscal-vs-state-capital', key: 'stateCapital', table: m.stateCapital, total: 'total', label: STATE_CAPITAL_LABELS.total },
  ] as const;
  for (const s of sources) {
    const tn = ctx.table(s.key);
    const table = s.table as FunctionalTableModel<string>;
    for (const [code, figures] of fs.expenseByClass) {
      collect(
        findings,
        checkEqual(
          ctx,
          s.rule,
          op(`${tableLead(t04)}${classSubject(m, code)}${column(FISCAL_LABELS[s.c])}`, figures[s.c]),
          rowCell(table, code, s.total, `${tn}同一科目${column(s.label)}`),
        ),
      );
    }
    collect(
      findings,
      checkEqual(
        ctx,
        s.rule,
        op(`${t04}“本年支出合计”${column(FISCAL_LABELS[s.c])}`, fs.expense.totalCurrent[s.c]),
        op(`${tn}“合计”行${column(s.label)}`, table.total[s.total]),
      ),
    );
  }
  const t07 = ctx.table('fund');
  collect(
    findings,
    checkEqual(ctx, 'cross.fiscal-vs-fund', op(`${t04}收入“${FISCAL_LABELS.fund}”`, fs.income.fund), op(`${t07}“合计”行${column(FUND_LABELS.income)}`, m.fund.total.income)),
    checkEqual(
      ctx,
      'cross.fiscal-vs-fund',
      op(`${t04}“年初财政拨款结转和结余”${column(FISCAL_LABELS.fund)}`, fs.income.carryForwardStart.fund),
      op(`${t07}“合计”行${column(FUND_LABELS.carryForwardStart)}`, m.fund.total.carryForwardStart),
    ),
    checkEqual(
      ctx,
      'cross.fiscal-vs-fund',
      op(`${t04}“年末财政拨款结转和结余”${column(FISCAL_LABELS.fund)}`, fs.expense.carryForwardEnd.fund),
      op(`${t07}“合计”行${column(FUND_LABELS.carryForwardEnd)}`, m.fund.total.carryForwardEnd),
    ),
  );
  return findings;
}

/** 05 is the general-budget part of 03: per 项 and column, 05 cannot exceed 03. */
function gpbWithinExpense(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t05 = ctx.table('gpbExpense');
  const t03 = ctx.table('expense');
  const findings: Finding[] = [];
  for (const row of m.gpbExpense.rows) {
    if (row.level !== 'item') continue;
    for (const c of ['basic', 'project'] as const) {
      collect(
        findings,
        checkAtMost(
          ctx,
          'cross.gpb-vs-expense',
          op(`${tableLead(t05)}${subject(row)}${column(GPB_LABELS[c])}`, row.cells[c]),
          rowCell(m.expense, row.code, c, `${t03}同一科目${column(EXPENSE_LABELS[c])}`),
          '一般公共预算财政拨款支出不能超过全部支出',
        ),
      );
    }
  }
  return findings;
}

/** 05 基本支出合计 = 06 人员经费合计 + 公用经费合计. */
function basicVsDetail(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const d = m.basicExpenseDetail;
  const basic = m.gpbExpense.total.basic;
  const finding = checkEqual(
    ctx,
    'cross.gpb-basic-vs-detail',
    op(`${ctx.table('gpbExpense')}“合计”行${column(GPB_LABELS.basic)}`, basic),
    opSum(`${ctx.table('basicExpenseDetail')}“人员经费合计”与“公用经费合计”之和`, [d.personnelTotal, d.publicTotal], d.personnelTotal.path),
  );
  return finding ? [finding] : [];
}

export function crossTableRules(ctx: AuditContext): Finding[] {
  return [
    ...summaryVsTables(ctx),
    ...fiscalIncome(ctx),
    ...fiscalVsSourceTables(ctx),
    ...gpbWithinExpense(ctx),
    ...basicVsDetail(ctx),
  ];
}
