/**
 * 收支平衡: 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 支出总计 = 本年支出合计 +
 * 结余分配 + 年末结转和结余 (01); the same per column in 04; 年初 + 本年收入 = 本年支出 + 年末 per row in 07.
 */
import type { Figure } from '../../model/derive';
import { checkEqual, collect, opSum, type AuditContext } from '../context';
import { column, FISCAL_LABELS, FUND_LABELS, subject, tableLead } from '../labels';
import type { Finding } from '../types';

function operand(label: string, f: Figure) {
  return { label, value: f.value, path: f.path, terms: f.terms };
}

function summaryBalances(ctx: AuditContext): Finding[] {
  const t = ctx.table('summary');
  const { income, expense } = ctx.model.summary;
  const findings: Finding[] = [];
  if (income.grandTotal.printed) {
    collect(
      findings,
      checkEqual(ctx, 'balance.summary-income', operand(`${t}收入“总计”`, income.grandTotal), opSum(
        '“本年收入合计”“使用非财政拨款结余（含专用结余）”“年初结转和结余”之和',
        [income.totalCurrent, income.useOfNonFiscalBalance, income.carryForwardStart],
        income.totalCurrent.path,
      )),
    );
  }
  if (expense.grandTotal.printed) {
    collect(
      findings,
      checkEqual(ctx, 'balance.summary-expense', operand(`${t}支出“总计”`, expense.grandTotal), opSum(
        '“本年支出合计”“结余分配”“年末结转和结余”之和',
        [expense.totalCurrent, expense.balanceDistribution, expense.carryForwardEnd],
        expense.totalCurrent.path,
      )),
    );
  }
  collect(
    findings,
    checkEqual(ctx, 'balance.summary', operand(`${t}收入“总计”`, income.grandTotal), operand('支出“总计”', expense.grandTotal)),
  );
  return findings;
}

function fiscalBalances(ctx: AuditContext): Finding[] {
  const t = ctx.table('fiscalSummary');
  const { income, expense } = ctx.model.fiscalSummary;
  const findings: Finding[] = [];
  if (income.grandTotal.printed) {
    collect(
      findings,
      checkEqual(ctx, 'balance.fiscal-income', operand(`${t}收入“总计”`, income.grandTotal), opSum('“本年收入合计”与“年初财政拨款结转和结余”之和', [income.totalCurrent, income.carryForwardStart.total], income.totalCurrent.path)),
    );
  }
  for (const c of ['total', 'gpb', 'fund', 'stateCapital'] as const) {
    const grand = expense.grandTotal[c];
    if (!grand.printed) continue;
    collect(
      findings,
      checkEqual(ctx, 'balance.fiscal-expense', operand(`${t}支出“总计”${column(FISCAL_LABELS[c])}`, grand), opSum(
        `“本年支出合计”与“年末财政拨款结转和结余”${column(FISCAL_LABELS[c])}之和`,
        [expense.totalCurrent[c], expense.carryForwardEnd[c]],
        expense.totalCurrent[c].path,
      )),
    );
  }
  collect(
    findings,
    checkEqual(ctx, 'balance.fiscal', operand(`${t}收入“总计”`, income.grandTotal), operand(`支出“总计”${column('小计')}`, expense.grandTotal.total)),
  );
  // Per source: what came in this year plus what was carried in equals what went out plus what is carried on.
  for (const c of ['gpb', 'fund', 'stateCapital'] as const) {
    collect(
      findings,
      checkEqual(
        ctx,
        'balance.fiscal-source',
        opSum(`${t}“${FISCAL_LABELS[c]}”本年收入与年初结转和结余之和`, [income[c], income.carryForwardStart[c]], income[c].path),
        operand(`支出“总计”${column(FISCAL_LABELS[c])}`, expense.grandTotal[c]),
      ),
    );
  }
  return findings;
}

function fundRowBalances(ctx: AuditContext): Finding[] {
  const t = ctx.table('fund');
  const fund = ctx.model.fund;
  const findings: Finding[] = [];
  const rows = [
    ...fund.rows.filter((r) => r.printed).map((r) => ({ label: `${tableLead(t)}${subject(r)}`, cells: r.cells })),
    { label: `${t}“合计”行`, cells: fund.total },
  ];
  for (const { label, cells } of rows) {
    if (Object.values(cells).every((f) => f.value === null)) continue;
    collect(
      findings,
      checkEqual(
        ctx,
        'balance.fund-row',
        opSum(`${label}“${FUND_LABELS.carryForwardStart}”与“${FUND_LABELS.income}”之和`, [cells.carryForwardStart, cells.income], cells.income.path),
        opSum(`“${FUND_LABELS.expenseTotal}”与“${FUND_LABELS.carryForwardEnd}”之和`, [cells.expenseTotal, cells.carryForwardEnd], cells.carryForwardEnd.path),
      ),
    );
  }
  return findings;
}

export function balanceRules(ctx: AuditContext): Finding[] {
  return [...summaryBalances(ctx), ...fiscalBalances(ctx), ...fundRowBalances(ctx)];
}
