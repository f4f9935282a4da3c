/**
 * Identities real reviewers check that the table rules do not: 02 against 03 per 项 within the
 * carry-forwards, 01's carry-forward lines against 04's, negative amounts, 三公 决算 above 预算
 * without a reason, last year's 三公 figures, 机关运行经费 against 06 公用经费, and the projects
 * and uses the text names (五).
 */
import type { Figure } from '../../model/derive';
import { formatAmount, sum, type Cents } from '../../schema/money';
import { checkAtMost, checkEqual, collect, op, opSum, type AuditContext, type Operand } from '../context';
import { column, EXPENSE_LABELS, INCOME_LABELS, subject, THREE_PUBLIC_LABELS, tableLead } from '../labels';
import type { Finding } from '../types';
import { normalizeName } from '../../model/narrative-figures';

/**
 * 02 vs 03 per 项: income and spending of one 项 differ only through carry-forwards. Spending above
 * income is at most 年初结转和结余 + 使用非财政拨款结余; income above spending at most
 * 年末结转和结余 + 结余分配 (01's lines, which cover every 项).
 */
function incomeVsExpense(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  if (m.payload.tables.income.rows.length === 0 || m.payload.tables.expense.rows.length === 0) return [];
  const s = m.summary;
  const t02 = ctx.table('income');
  const t03 = ctx.table('expense');
  const findings: Finding[] = [];
  const incomeRows = new Map(m.income.rows.filter((r) => r.level === 'item').map((r) => [r.code, r]));
  const expenseRows = new Map(m.expense.rows.filter((r) => r.level === 'item').map((r) => [r.code, r]));
  const codes = [...new Set([...incomeRows.keys(), ...expenseRows.keys()])].sort();
  for (const code of codes) {
    const inc = incomeRows.get(code)?.cells.total;
    const exp = expenseRows.get(code)?.cells.total;
    const row = incomeRows.get(code) ?? expenseRows.get(code)!;
    const incomeOp: Operand = inc ? op(`${tableLead(t02)}${subject(row)}${column(INCOME_LABELS.total)}`, inc) : { label: `${t02}（无该科目）`, value: null, path: '/tables/income/rows', terms: 0 };
    const expenseOp: Operand = exp ? op(`${t03}同一科目${column(EXPENSE_LABELS.total)}`, exp) : { label: `${t03}（无该科目）`, value: null, path: '/tables/expense/rows', terms: 0 };
    const surplus = (incomeOp.value ?? 0) - (expenseOp.value ?? 0);
    if (surplus > 0) {
      // Unspent income must be carried forward (or distributed).
      const room = opSum('', [s.expense.carryForwardEnd, s.expense.balanceDistribution], s.expense.carryForwardEnd.path);
      collect(
        findings,
        checkAtMost(
          ctx,
          'cross.income-vs-expense-item',
          { ...incomeOp, label: `${incomeOp.label} ${formatAmount(incomeOp.value ?? 0)} 与${expenseOp.label} ${formatAmount(expenseOp.value ?? 0)} 之差`, value: surplus, terms: (incomeOp.terms ?? 0) + (expenseOp.terms ?? 0) },
          { label: `${ctx.table('summary')}“年末结转和结余”与“结余分配”之和`, value: room.value, path: room.path, terms: room.terms },
          '同一科目本年收入大于本年支出的部分只能结转到下年',
        ),
      );
    } else if (surplus < 0) {
      const room = opSum('', [s.income.carryForwardStart, s.income.useOfNonFiscalBalance], s.income.carryForwardStart.path);
      collect(
        findings,
        checkAtMost(
          ctx,
          'cross.income-vs-expense-item',
          { ...expenseOp, label: `${tableLead(t03)}${subject(row)}${column(EXPENSE_LABELS.total)} ${formatAmount(expenseOp.value ?? 0)} 与${t02}同一科目收入 ${formatAmount(incomeOp.value ?? 0)} 之差`, value: -surplus, terms: (incomeOp.terms ?? 0) + (expenseOp.terms ?? 0) },
          { label: `${ctx.table('summary')}“年初结转和结余”与“使用非财政拨款结余”之和`, value: room.value, path: room.path, terms: room.terms },
          '同一科目本年支出大于本年收入的部分只能来自上年结转和结余',
        ),
      );
    }
  }
  return findings;
}

/** 01's 年初/年末结转和结余 include the 财政拨款 ones of 04. */
function carryForwards(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t01 = ctx.table('summary');
  const t04 = ctx.table('fiscalSummary');
  const findings: Finding[] = [];
  collect(
    findings,
    checkAtMost(
      ctx,
      'cross.carry-forward',
      op(`${t04}“年初财政拨款结转和结余”`, m.fiscalSummary.income.carryForwardStart.total),
      op(`${t01}“年初结转和结余”`, m.summary.income.carryForwardStart),
      '财政拨款结转和结余是全部结转和结余的一部分',
    ),
    checkAtMost(
      ctx,
      'cross.carry-forward',
      op(`${t04}“年末财政拨款结转和结余”`, m.fiscalSummary.expense.carryForwardEnd.total),
      op(`${t01}“年末结转和结余”`, m.summary.expense.carryForwardEnd),
      '财政拨款结转和结余是全部结转和结余的一部分',
    ),
  );
  return findings;
}

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'value' in value && 'derived' in value && 'path' in value;
}

function* typedFigures(node: unknown, seen = new Set<unknown>()): Generator<Figure> {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (isFigure(node)) {
    if (node.printed) yield node;
    return;
  }
  for (const child of node instanceof Map ? node.values() : Object.values(node)) yield* typedFigures(child, seen);
}

/**
 * Negative amounts. 三公 figures, carry-forwards and the amounts of the text cannot be negative
 * (error). A negative 项 or 06 line can be a refund booked against the year (冲减), so there it is
 * a warning the reviewer confirms. 结余分配 may be negative.
 */
function negatives(ctx: AuditContext): Finding[] {
  const { payload, set: _set, ...tables } = ctx.model;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const report = (path: string, value: Cents, severity: 'error' | 'warning') => {
    if (seen.has(path)) return;
    seen.add(path);
    findings.push({
      rule: 'amount.negative',
      severity,
      message:
        severity === 'error'
          ? `${path} 处金额为 ${formatAmount(value)}，该金额不能为负数，请核对符号。`
          : `${path} 处金额为 ${formatAmount(value)}，为负数：如系冲减以前年度支出或退回，请在说明中写明；否则请核对符号。`,
      paths: [path],
      actual: formatAmount(value),
    });
  };
  for (const f of typedFigures(tables)) {
    if (f.value === null || f.value >= 0 || f.path.endsWith('/balanceDistribution')) continue;
    const hard = f.path.startsWith('/tables/threePublic/') || /carryForward|useOfNonFiscalBalance/.test(f.path);
    report(f.path, f.value, hard ? 'error' : 'warning');
  }
  const e = payload.explanation;
  const amounts: [string, Cents | null | undefined][] = [
    ['/explanation/operatingCosts', e.operatingCosts],
    ...Object.entries(e.procurement ?? {}).map(([k, v]): [string, Cents | null | undefined] => [`/explanation/procurement/${k}`, v as Cents | null | undefined]),
    ...e.mainProjects.map((p, i): [string, Cents] => [`/explanation/mainProjects/${i}/amount`, p.amount]),
    ...e.threePublicDetail.vehicleOperationBreakdown.map((b, i): [string, Cents] => [`/explanation/threePublicDetail/vehicleOperationBreakdown/${i}/amount`, b.amount]),
    ...Object.entries(e.annualBudget.items).map(([code, item]): [string, Cents] => [`/explanation/annualBudget/items/${code}/budget`, item.budget]),
  ];
  for (const [path, value] of amounts) if (typeof value === 'number' && value < 0) report(path, value, 'error');
  return findings;
}

const TP_PARTS = ['total', 'abroad', 'vehicleSubtotal', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
/** Where the text gives the reason for 决算 above 预算 (explanation.reasons keys). */
const TP_BUDGET_REASON: Record<(typeof TP_PARTS)[number], string> = {
  total: 'threePublicBudget',
  abroad: 'abroadBudget',
  vehicleSubtotal: 'vehicleBudget',
  vehiclePurchase: 'vehiclePurchaseBudget',
  vehicleOperation: 'vehicleOperationBudget',
  reception: 'receptionBudget',
};

/** 三公 决算 above 预算 needs a reason; last year's 三公 figures must add up. */
function threePublic(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const t09 = ctx.table('threePublic');
  const reasons = m.payload.explanation.reasons as Record<string, string | undefined>;
  const findings: Finding[] = [];
  for (const part of TP_PARTS) {
    const budget = m.threePublic.budget[part];
    const actual = m.threePublic.actual[part];
    if (budget.value === null && actual.value === null) continue;
    const excess = (actual.value ?? 0) - (budget.value ?? 0);
    if (excess <= ctx.bound(actual.terms + budget.terms)) continue;
    if (reasons[TP_BUDGET_REASON[part]] || reasons.threePublicBudget) continue;
    findings.push({
      rule: 'three-public.over-budget',
      severity: 'warning',
      message:
        `${t09}“${THREE_PUBLIC_LABELS[part]}”决算数 ${formatAmount(actual.value ?? 0)} 超过预算数 ${formatAmount(budget.value ?? 0)}，` +
        `超出 ${formatAmount(excess)}，但未说明原因（explanation.reasons.${TP_BUDGET_REASON[part]}）。`,
      paths: [actual.path, `/explanation/reasons/${TP_BUDGET_REASON[part]}`],
      expected: `≤ ${formatAmount(budget.value ?? 0)}`,
      actual: formatAmount(actual.value ?? 0),
    });
  }
  const prev = m.payload.explanation.previousYear.threePublic;
  if (prev) {
    const base = '/explanation/previousYear/threePublic';
    const one = (v: Cents | null | undefined) => (v === undefined || v === null ? 0 : 1);
    const vehicleParts = [prev.vehiclePurchase, prev.vehicleOperation];
    const vehicle = prev.vehicleSubtotal ?? (vehicleParts.some((v) => v !== undefined && v !== null) ? sum(vehicleParts) : null);
    if (prev.vehicleSubtotal !== undefined && prev.vehicleSubtotal !== null && vehicleParts.some((v) => v !== undefined && v !== null)) {
      collect(
        findings,
        checkEqual(
          ctx,
          'three-public.previous-sum',
          { label: '上年“三公”经费“公务用车购置及运行维护费”', value: prev.vehicleSubtotal, path: `${base}/vehicleSubtotal` },
          { label: '上年公务用车购置费与运行维护费之和', value: sum(vehicleParts), path: `${base}/vehicleOperation`, terms: vehicleParts.reduce((n: number, v) => n + one(v), 0) },
        ),
      );
    }
    const parts = [prev.abroad, vehicle, prev.reception];
    if (prev.total !== undefined && prev.total !== null && parts.some((v) => v !== undefined && v !== null)) {
      collect(
        findings,
        checkEqual(
          ctx,
          'three-public.previous-sum',
          { label: '上年“三公”经费合计', value: prev.total, path: `${base}/total` },
          {
            label: '上年因公出国（境）费、公务用车购置及运行维护费、公务接待费之和',
            value: sum(parts),
            path: `${base}/abroad`,
            terms: one(prev.abroad) + (prev.vehicleSubtotal != null ? 1 : vehicleParts.reduce((n: number, v) => n + one(v), 0)) + one(prev.reception),
          },
        ),
      );
    }
  }
  return findings;
}

/** 机关运行经费 is paid from 基本支出's 公用经费: above 06's 公用经费合计 it is implausible. */
function operatingCosts(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const costs = m.payload.explanation.operatingCosts;
  const pub = m.basicExpenseDetail.publicTotal;
  if (costs === undefined || costs === null || pub.value === null) return [];
  const f = checkAtMost(
    ctx,
    'plausibility.operating-costs',
    { label: '机关运行经费', value: costs, path: '/explanation/operatingCosts' },
    op(`${ctx.table('basicExpenseDetail')}“公用经费合计”`, pub),
    '机关运行经费由基本支出中的公用经费列支，通常不超过公用经费',
  );
  return f ? [{ ...f, severity: 'warning' }] : [];
}

/**
 * 项目支出主要用于 (五（三）): executed amounts, together at most 05's 项目支出; a project whose
 * self-evaluation shows another 执行数 is named with its budget instead.
 */
function mainProjects(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const projects = m.payload.explanation.mainProjects;
  if (projects.length === 0) return [];
  const findings: Finding[] = [];
  const project = m.gpbExpense.total.project;
  const listed = sum(projects.map((p) => p.amount));
  if (listed > 0) collect(
    findings,
    checkAtMost(
      ctx,
      'narrative.main-projects-total',
      { label: '说明中项目支出主要用途各项目金额之和', value: listed, path: '/explanation/mainProjects', terms: projects.length },
      op(`${ctx.table('gpbExpense')}“合计”行${column('项目支出')}`, project),
      '所列项目是项目支出的用途，应填执行数，合计不能超过项目支出',
    ),
  );
  const evaluations = m.payload.performance?.projects ?? [];
  projects.forEach((p, index) => {
    const evaluation = evaluations.find((e) => normalizeName(e.name) === normalizeName(p.name));
    if (!evaluation || evaluation.executed === evaluation.budget || p.amount !== evaluation.budget) return;
    findings.push({
      rule: 'narrative.main-projects-executed',
      severity: 'warning',
      message:
        `说明中项目“${p.name}”的金额 ${formatAmount(p.amount)} 是其自评表的预算数，执行数为 ${formatAmount(evaluation.executed)}：` +
        `“项目支出主要用于”应填执行数。`,
      paths: [`/explanation/mainProjects/${index}/amount`],
      expected: formatAmount(evaluation.executed),
      actual: formatAmount(p.amount),
    });
  });
  return findings;
}

/** 主要用于 (五（二）): a list of uses of a 类 should not leave out its largest 项. */
function largestUse(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const uses = m.payload.explanation.classUses;
  if (!uses) return [];
  const findings: Finding[] = [];
  for (const code of Object.keys(uses).sort()) {
    if (uses[code].length === 0) continue;
    const items = m.gpbExpense.rows.filter((r) => r.level === 'item' && r.code.startsWith(code) && (r.cells.total.value ?? 0) > 0);
    if (items.length < 2) continue;
    const largest = items.reduce((a, b) => ((b.cells.total.value ?? 0) > (a.cells.total.value ?? 0) ? b : a));
    const named = new Set(uses[code].map(normalizeName));
    if (named.has(normalizeName(largest.name))) continue;
    findings.push({
      rule: 'narrative.class-uses-largest',
      severity: 'warning',
      message:
        `说明中该类支出“主要用于”${uses[code].map((u) => `“${u}”`).join('、')}，没有列出该类最大的项级科目` +
        `${subject(largest)}（${formatAmount(largest.cells.total.value ?? 0)} 万元），请核对。`,
      paths: [`/explanation/classUses/${code}`, largest.path],
      actual: uses[code].join('、'),
      expected: largest.name,
    });
  }
  return findings;
}

export function consistencyRules(ctx: AuditContext): Finding[] {
  return [
    ...incomeVsExpense(ctx),
    ...carryForwards(ctx),
    ...negatives(ctx),
    ...threePublic(ctx),
    ...operatingCosts(ctx),
    ...mainProjects(ctx),
    ...largestUse(ctx),
  ];
}
