/** The five functional-classification tables (公开02/03/05/07/08) in one list, for rules that treat them alike. */
import { ROW_IDENTITIES, type FunctionalTableModel, type Model, type RowIdentity } from '../model/derive';
import type { TableKey } from '../model/template-set';
import { EXPENSE_LABELS, FUND_LABELS, GPB_LABELS, INCOME_LABELS, STATE_CAPITAL_LABELS } from './labels';

export interface FunctionalTableRef {
  key: Extract<TableKey, 'income' | 'expense' | 'gpbExpense' | 'fund' | 'stateCapital'>;
  table: FunctionalTableModel<string>;
  labels: Record<string, string>;
  identity: RowIdentity<string>;
}

export function functionalTables(model: Model): FunctionalTableRef[] {
  return [
    { key: 'income', table: model.income, labels: INCOME_LABELS, identity: ROW_IDENTITIES.income },
    { key: 'expense', table: model.expense, labels: EXPENSE_LABELS, identity: ROW_IDENTITIES.expense },
    { key: 'gpbExpense', table: model.gpbExpense, labels: GPB_LABELS, identity: ROW_IDENTITIES.gpbExpense },
    { key: 'fund', table: model.fund, labels: FUND_LABELS, identity: ROW_IDENTITIES.fund },
    { key: 'stateCapital', table: model.stateCapital, labels: STATE_CAPITAL_LABELS, identity: ROW_IDENTITIES.stateCapital },
  ] as FunctionalTableRef[];
}
