/**
 * Sums inside one table: 类 = Σ款, 款 = Σ项, 合计 = Σ类 in 02/03/05/07/08; the row identities
 * (02 合计 = Σ来源, 03 合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助, 05/07/08 小计 = 基本 + 项目);
 * 01's and 04's 本年收入/支出合计 against their lines and 04's 小计 column against its three sources.
 */
import type { FiscalFigures } from '../../model/derive';
import { sum } from '../../schema/money';
import { checkEqual, checkTyped, collect, op, opSum, type AuditContext } from '../context';
import { functionalTables } from '../functional';
import { classSubject, column, FISCAL_LABELS, levelName, subject, tableLead } from '../labels';
import type { Finding } from '../types';

const CHILD_LEVEL = { class: '款', section: '项' } as const;

function functionalRollups(ctx: AuditContext): Finding[] {
  const findings: Finding[] = [];
  for (const { key, table, labels, identity } of functionalTables(ctx.model)) {
    const t = ctx.table(key);
    for (const row of table.rows) {
      if (!row.printed || row.level === 'item') continue;
      const rule = row.level === 'class' ? 'rollup.class' : 'rollup.section';
      // A 类/款 with nothing below it is reported by codes.no-items; there is no sum to hold it to.
      if (!table.rows.some((r) => r.code.length > row.code.length && r.code.startsWith(row.code))) continue;
      for (const c of table.columns) {
        collect(
          findings,
          checkTyped(
            ctx,
            rule,
            row.cells[c],
            `${tableLead(t)}${subject(row)}（${levelName(row)}）${column(labels[c])}`,
            `其下级${CHILD_LEVEL[row.level]}级科目之和`,
          ),
        );
      }
    }
    for (const c of table.columns) {
      collect(findings, checkTyped(ctx, 'rollup.total', table.total[c], `${t}“合计”行${column(labels[c])}`, '各类级科目之和'));
    }
    // Row identities, for every printed row and the printed 合计 row.
    const partsLabel = `${identity.parts.map((p) => labels[p]).join('、')}之和`;
    const rowsToCheck = [
      ...table.rows.filter((r) => r.printed).map((r) => ({ cells: r.cells, label: `${tableLead(t)}${subject(r)}` })),
      { cells: table.total, label: `${t}“合计”行` },
    ];
    for (const { cells, label } of rowsToCheck) {
      const total = cells[identity.total];
      if (!total.printed) continue;
      const parts = identity.parts.map((p) => cells[p]);
      if (total.value === null && parts.every((p) => p.value === null)) continue;
      collect(
        findings,
        checkEqual(
          ctx,
          'rollup.row',
          op(`${label}${column(labels[identity.total])}`, total),
          opSum(partsLabel, parts, total.path),
        ),
      );
    }
  }
  return findings;
}

function summaryRollups(ctx: AuditContext): Finding[] {
  const t = ctx.table('summary');
  const s = ctx.model.summary;
  const findings: Finding[] = [];
  collect(
    findings,
    checkTyped(ctx, 'rollup.summary-income', s.income.totalCurrent, `${t}“本年收入合计”`, '第一至八项收入之和'),
    checkTyped(ctx, 'rollup.summary-expense', s.expense.totalCurrent, `${t}“本年支出合计”`, '各类级支出之和'),
  );
  return findings;
}

function fiscalRollups(ctx: AuditContext): Finding[] {
  const t = ctx.table('fiscalSummary');
  const fs = ctx.model.fiscalSummary;
  const findings: Finding[] = [];
  collect(findings, checkTyped(ctx, 'rollup.fiscal-income', fs.income.totalCurrent, `${t}“本年收入合计”`, '三类财政拨款收入之和'));
  for (const c of ['gpb', 'fund', 'stateCapital'] as const) {
    collect(
      findings,
      checkTyped(ctx, 'rollup.fiscal-expense', fs.expense.totalCurrent[c], `${t}“本年支出合计”${column(FISCAL_LABELS[c])}`, '各类级支出之和'),
    );
  }
  const lines: [string, FiscalFigures][] = [
    ...[...fs.expenseByClass].map(([code, figures]): [string, FiscalFigures] => [classSubject(ctx.model, code), figures]),
    ['“本年支出合计”行', fs.expense.totalCurrent],
    ['“年初财政拨款结转和结余”行', fs.income.carryForwardStart],
    ['“年末财政拨款结转和结余”行', fs.expense.carryForwardEnd],
    ['支出“总计”行', fs.expense.grandTotal],
  ];
  for (const [line, figures] of lines) {
    const total = figures.total;
    if (!total.printed) continue;
    const partsSum = sum([figures.gpb.value, figures.fund.value, figures.stateCapital.value]);
    if (total.value === null && partsSum === 0) continue;
    collect(
      findings,
      checkEqual(
        ctx,
        'rollup.fiscal-row',
        op(`${tableLead(t)}${line}${column('小计')}`, total),
        opSum('三类财政拨款之和', [figures.gpb, figures.fund, figures.stateCapital], total.path),
      ),
    );
  }
  return findings;
}

export function rollupRules(ctx: AuditContext): Finding[] {
  return [...functionalRollups(ctx), ...summaryRollups(ctx), ...fiscalRollups(ctx)];
}
