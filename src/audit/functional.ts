/**
 * The functional-classification tables in one list, for rules that treat them alike: the five
 * built-in ones (公开02/03/05/07/08) and every table the template set declares with rows by code.
 */
import { ROW_IDENTITIES, type FunctionalTableModel, type Model, type RowIdentity } from '../model/derive';
import { EXPENSE_LABELS, FUND_LABELS, GPB_LABELS, INCOME_LABELS, STATE_CAPITAL_LABELS } from './labels';

export interface FunctionalTableRef {
  /** The table's key in the template set. */
  key: string;
  table: FunctionalTableModel<string>;
  labels: Record<string, string>;
  identity: RowIdentity<string>;
  /** The rows as the payload gives them, in its order. */
  raw: { code: string; name: string }[];
}

export function functionalTables(model: Model): FunctionalTableRef[] {
  const t = model.payload.tables;
  const builtIn: FunctionalTableRef[] = [
    { key: 'income', table: model.income, labels: INCOME_LABELS, identity: ROW_IDENTITIES.income, raw: t.income.rows },
    { key: 'expense', table: model.expense, labels: EXPENSE_LABELS, identity: ROW_IDENTITIES.expense, raw: t.expense.rows },
    { key: 'gpbExpense', table: model.gpbExpense, labels: GPB_LABELS, identity: ROW_IDENTITIES.gpbExpense, raw: t.gpbExpense.rows },
    { key: 'fund', table: model.fund, labels: FUND_LABELS, identity: ROW_IDENTITIES.fund, raw: t.fund.rows },
    { key: 'stateCapital', table: model.stateCapital, labels: STATE_CAPITAL_LABELS, identity: ROW_IDENTITIES.stateCapital, raw: t.stateCapital.rows },
  ];
  const declared: FunctionalTableRef[] = [];
  for (const custom of Object.values(model.custom)) {
    if (!custom.functional) continue;
    const columns = custom.data.columns;
    const identity = custom.data.identities?.find((i) => i.kind === 'columns') ?? { total: columns[0].key, parts: [] };
    declared.push({
      key: custom.key,
      table: custom.functional,
      labels: Object.fromEntries(columns.map((c) => [c.key, c.title])),
      identity,
      raw: (Object.hasOwn(t.custom, custom.key) ? (t.custom[custom.key].rows ?? []) : []).map((r) => ({
        code: r.code,
        name: r.name ?? custom.functional!.rows.find((row) => row.code === r.code)?.name ?? '',
      })),
    });
  }
  return [...builtIn, ...declared];
}
