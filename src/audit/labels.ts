/** Chinese names of table columns and lines, as the official formats print them. */
import type { FunctionalRow, Model } from '../model/derive';
import { functionalSubject } from '../model/template-set';

export const INCOME_LABELS = {
  total: '本年收入合计',
  fiscal: '财政拨款收入',
  superiorSubsidy: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliatedRemit: '附属单位上缴收入',
  other: '其他收入',
} as const;

export const EXPENSE_LABELS = {
  total: '本年支出合计',
  basic: '基本支出',
  project: '项目支出',
  remitToSuperior: '上缴上级支出',
  operating: '经营支出',
  subsidyToAffiliated: '对附属单位补助支出',
} as const;

export const GPB_LABELS = { total: '小计', basic: '基本支出', project: '项目支出' } as const;
export const STATE_CAPITAL_LABELS = { total: '合计', basic: '基本支出', project: '项目支出' } as const;

export const FUND_LABELS = {
  carryForwardStart: '年初结转和结余',
  income: '本年收入',
  expenseTotal: '本年支出小计',
  basic: '基本支出',
  project: '项目支出',
  carryForwardEnd: '年末结转和结余',
} as const;

export const FISCAL_LABELS = {
  total: '小计',
  gpb: '一般公共预算财政拨款',
  fund: '政府性基金预算财政拨款',
  stateCapital: '国有资本经营预算财政拨款',
} as const;

export const SUMMARY_INCOME_LABELS = {
  gpb: '一、一般公共预算财政拨款收入',
  fund: '二、政府性基金预算财政拨款收入',
  stateCapital: '三、国有资本经营预算财政拨款收入',
  superiorSubsidy: '四、上级补助收入',
  business: '五、事业收入',
  operating: '六、经营收入',
  affiliatedRemit: '七、附属单位上缴收入',
  other: '八、其他收入',
} as const;

export const THREE_PUBLIC_LABELS = {
  total: '合计',
  abroad: '因公出国（境）费',
  vehicleSubtotal: '公务用车购置及运行维护费小计',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  reception: '公务接待费',
} as const;

const LEVEL_NAMES = { class: '类', section: '款', item: '项' } as const;

/** 科目“201 一般公共服务支出” */
export function subject(row: Pick<FunctionalRow<string>, 'code' | 'name'>): string {
  return row.name ? `科目“${row.code} ${row.name}”` : `科目“${row.code}”`;
}

export function levelName(row: Pick<FunctionalRow<string>, 'level'>): string {
  return LEVEL_NAMES[row.level];
}

/**
 * A table's name where it opens a phrase: a label ("公开05表", "表5") is set off by a space from what
 * follows ("公开05表 科目“201…”"), a title in 《》 needs none (《收入支出决算表》科目“201…”).
 */
export function tableLead(name: string): string {
  return name.endsWith('》') ? name : `${name} `;
}

/** “基本支出”栏 */
export function column(label: string): string {
  return `“${label}”栏`;
}

/** 科目“201 一般公共服务支出” for a 类 line of 01/04, named by the template set, the tables or the catalog. */
export function classSubject(model: Model, code: string): string {
  const name =
    model.set.classLines.find((l) => l.code === code)?.name ??
    [model.expense, model.gpbExpense, model.fund, model.stateCapital]
      .map((t) => t.rows.find((r) => r.code === code)?.name)
      .find((n) => n) ??
    functionalSubject(code)?.name ??
    '';
  return subject({ code, name });
}
