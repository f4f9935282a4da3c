/**
 * What each figure shows, computed from the model: pure data, no drawing. Captions and labels come
 * from the template set's figures.json; amounts stay exact cents until they are printed.
 */
import type { Model } from '../../model/derive';
import { perModel } from '../../model/per-model';
import { fill, type TemplateValues } from '../../model/text';
import { formatAmount, formatAmountText, percent, type Cents } from '../../schema/money';
import { notFound } from '../errors';
import { functionalSubject } from '../../model/template-set';
import { change } from '../../model/narrative-figures';
import { largestRemainderPercents } from './shares';

export const FIGURE_IDS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

interface Common {
  id: FigureId;
  /** "图1：收、支决算总计变动情况" */
  caption: string;
  unitLabel: string;
  source: string;
  /** Set when the figure has nothing to draw: the text of the "no data" panel. */
  empty?: string;
  /** The figure's numbers in words, for the SVG <desc> (and screen readers). */
  description: string;
}

export interface BarGroup {
  label: string;
  /** One value per series; blank counts as zero. */
  values: Cents[];
  /** A line under the category label, e.g. "减少 1,568.21 万元，下降 50.79%". */
  note?: string;
}

export interface BarFigure extends Common {
  kind: 'bars';
  series: string[];
  groups: BarGroup[];
}

export interface DonutSlice {
  label: string;
  value: Cents;
  /** Largest-remainder share, summing to exactly 100 over the slices. */
  percent: string;
}

export interface DonutFigure extends Common {
  kind: 'donut';
  centerLabel: string;
  total: Cents;
  slices: DonutSlice[];
  /** Categories left out because they are negative (a share of a pie cannot be). */
  omitted: string[];
  /** With one category only: the line that states it (figures.json `singleSlice`), drawn as a card. */
  statement?: string;
}

export interface HBarRow {
  code: string;
  name: string;
  /** [年初预算数, 决算数]; a budget that was not given is null. */
  values: [Cents | null, Cents];
  /** 完成率 with the payload's percent decimals, or null when there is no budget to complete. */
  rate: string | null;
}

export interface HBarFigure extends Common {
  kind: 'hbars';
  series: string[];
  rateHeader: string;
  rows: HBarRow[];
}

export type FigureData = BarFigure | DonutFigure | HBarFigure;

type FigureTemplate = {
  caption: string;
  kind: string;
  series?: string[];
  categories?: Record<string, string>;
  items?: Record<string, string>;
  centerLabel?: string;
  rateLabel?: string;
  rateHeader?: string;
  /** hbars: at most this many rows are drawn; the smallest beyond it are summed into one row. */
  maxRows?: number;
  /** hbars: the name of that summed row; {count} is the number of rows it holds. */
  otherLabel?: string;
  source?: string;
  emptyText?: string;
};
/** The template set's figure texts (figures.json of the set). */
function figureTemplates(model: Model): {
  figures: Record<string, FigureTemplate>;
  order: string[];
  unitLabel: string;
  source: string;
  emptyText: string;
  singleSlice?: string;
} {
  return model.set.figureTemplates;
}

function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}

/** The placeholders a figure's caption, source and series may use. */
function figureValues(model: Model): TemplateValues {
  const meta = model.payload.meta;
  return {
    department: meta.department,
    year: meta.fiscalYear,
    previousYear: model.payload.explanation.comparisonYear ?? meta.fiscalYear - 1,
  };
}

const amountText = (cents: Cents) => `${formatAmountText(cents)} 万元`;

/**
 * "减少 1,568.21 万元，下降 50.79%" — the change from `before` to `after` in the words and with the
 * figures of the text (model `change`, the set's common verbs), so a figure's note cannot disagree
 * with its paragraph.
 */
export function changeWords(model: Model, before: Cents, after: Cents, decimals: number, separators = true): string {
  const verbs = model.set.narrative.common.verbs;
  const c = change(after, before, decimals)!;
  if (c.direction === 'flat') return verbs.flat;
  const amount = separators ? formatAmount(c.abs) : formatAmountText(c.abs);
  const [verb, rateVerb] = c.direction === 'up' ? [verbs.up, verbs.rateUp] : [verbs.down, verbs.rateDown];
  return c.rate === null ? `${verb} ${amount} 万元` : `${verb} ${amount} 万元，${rateVerb} ${c.rate}%`;
}

/**
 * Which figures apply to this payload, in the order the document places them (figures.json
 * `order`). Ids are stable: figure 1 and 4 need the previous year's totals, 7 needs 年初预算 by
 * 项; the others always apply (an all-zero one draws a "本年度无数据" panel).
 * @example figureIds(model) // ["1", "2", "3", "4", "5", "7", "6"]
 */
export function figureIds(model: Model): string[] {
  const previous = model.payload.explanation.previousYear;
  const budget = model.payload.explanation.annualBudget;
  const chosen = model.set.figures;
  // Document order of the figures (figures.json `order`), narrowed to the set's own figures.
  return figureTemplates(model).order.filter(isFigureId).filter((id) => {
    if (chosen && !chosen.includes(id)) return false;
    if (id === '1') return previous.grandTotal != null;
    if (id === '4') return previous.fiscalGrandTotal != null;
    if (id === '7') return Object.keys(budget.items).length > 0;
    return true;
  });
}

/**
 * The data of one figure. Throws a 404 problem for an id that does not exist or does not apply.
 * @example figureData(model, '2').slices // [{ label: '一般公共预算财政拨款收入', value: 151958, percent: '100.00' }]
 */
export function figureData(model: Model, id: string): FigureData {
  // A model never changes once derived: each figure's data is computed once per model and shared
  // (read-only) by its wide, narrow and dark drawings and by the captions the narrative prints.
  return figureDataKept(model, id, () => computeFigureData(model, id));
}

const figureDataKept = perModel<FigureData>();

function computeFigureData(model: Model, id: string): FigureData {
  if (!isFigureId(id)) throw notFound(`没有图${id}：图的编号为 1–7`);
  if (model.set.figures && !model.set.figures.includes(id))
    throw notFound(`表式模板集“${model.set.name}”没有图${id}（有：${model.set.figures.map((f) => `图${f}`).join('、') || '无'}）`);
  if (!figureIds(model).includes(id)) throw notFound(`图${id}不适用于此数据：${whyNot(id)}`);
  const template = figureTemplates(model);
  const t = template.figures[id];
  const common = {
    id,
    caption: `图${figureIds(model).indexOf(id) + 1}：${t.caption}`,
    unitLabel: template.unitLabel,
    source: fill(t.source ?? template.source, figureValues(model)),
  };
  const decimals = model.payload.options.percentDecimals;
  const meta = model.payload.meta;
  const lead = `${meta.department} ${meta.fiscalYear} 年度`;
  switch (id) {
    case '1':
    case '4': {
      const previous = model.payload.explanation.previousYear;
      const before = (id === '1' ? previous.grandTotal : previous.fiscalGrandTotal) ?? 0;
      const current =
        id === '1'
          ? { income: model.summary.income.grandTotal.value, expense: model.summary.expense.grandTotal.value }
          : {
              income: model.fiscalSummary.income.grandTotal.value,
              expense: model.fiscalSummary.expense.grandTotal.total.value,
            };
      const series = (t.series ?? []).map((s) => fill(s, figureValues(model)));
      const groups = (['income', 'expense'] as const).map((key) => {
        const after = current[key] ?? 0;
        return { label: t.categories![key], values: [before, after], note: changeWords(model, before, after, decimals) };
      });
      const words = groups
        .map((g) => `${g.label}${series[1]} ${amountText(g.values[1])}，${series[0]} ${amountText(g.values[0])}，${changeWords(model, g.values[0], g.values[1], decimals, false)}`)
        .join('；');
      const empty = groups.every((g) => g.values.every((x) => x === 0));
      return {
        ...common,
        kind: 'bars',
        series,
        groups,
        empty: empty ? (t.emptyText ?? template.emptyText) : undefined,
        description: `${lead}${words}。`,
      };
    }
    case '2':
    case '3':
    case '5': {
      let items: { label: string; value: Cents }[];
      if (id === '2') {
        const income = model.summary.income;
        items = Object.entries(t.items!).map(([key, label]) => ({
          label,
          value: income[key as keyof typeof income].value ?? 0,
        }));
      } else if (id === '3') {
        const total = model.expense.total;
        items = Object.entries(t.items!).map(([key, label]) => ({
          label,
          value: total[key as keyof typeof total].value ?? 0,
        }));
      } else {
        items = model.gpbExpense.rows
          .filter((row) => row.level === 'class')
          .map((row) => ({ label: row.name || row.code, value: row.cells.total.value ?? 0 }));
      }
      return donut(common, t, items, decimals, lead, template.emptyText, template.singleSlice);
    }
    case '6': {
      const { budget, actual } = model.threePublic;
      const series = t.series ?? [];
      const groups = Object.entries(t.categories!).map(([key, label]) => {
        const b = budget[key as keyof typeof budget].value ?? 0;
        const a = actual[key as keyof typeof actual].value ?? 0;
        const rate = percent(a, b, decimals);
        return { label, values: [b, a], note: rate === null ? undefined : `${t.rateLabel} ${rate}%` };
      });
      const words = groups
        .map((g) => `${g.label}${series[0]} ${amountText(g.values[0])}，${series[1]} ${amountText(g.values[1])}${g.note ? `，${g.note}` : ''}`)
        .join('；');
      const empty = groups.every((g) => g.values.every((x) => x === 0));
      return {
        ...common,
        kind: 'bars',
        series,
        groups,
        empty: empty ? (t.emptyText ?? template.emptyText) : undefined,
        description: `${lead}财政拨款“三公”经费：${words}。`,
      };
    }
    case '7': {
      const budgets = model.payload.explanation.annualBudget.items;
      const items = new Map(model.gpbExpense.rows.filter((r) => r.level === 'item').map((r) => [r.code, r]));
      const codes = [...new Set([...items.keys(), ...Object.keys(budgets)])].sort();
      const rows: HBarRow[] = codes.map((code) => {
        const row = items.get(code);
        const budget = Object.hasOwn(budgets, code) ? budgets[code].budget : null;
        const actualValue = row?.cells.total.value ?? 0;
        return {
          code,
          name: row?.name || subjectName(code),
          values: [budget, actualValue],
          rate: budget === null ? null : percent(actualValue, budget, decimals),
        };
      });
      const series = t.series ?? [];
      const words = rows
        .map((r) => {
          const budgetWords = r.values[0] === null ? `${series[0]}未填列` : `${series[0]} ${amountText(r.values[0])}`;
          const rateWords = r.rate === null ? '' : `，${t.rateHeader}的 ${r.rate}%`;
          return `${[r.code, r.name].filter(Boolean).join(' ')}：${budgetWords}，${series[1]} ${amountText(r.values[1])}${rateWords}`;
        })
        .join('；');
      const empty = rows.every((r) => !r.values[0] && !r.values[1]);
      return {
        ...common,
        kind: 'hbars',
        series,
        rateHeader: t.rateHeader ?? '',
        rows: boundRows(rows, t, decimals),
        empty: empty ? (t.emptyText ?? template.emptyText) : undefined,
        description: `${lead}一般公共预算财政拨款支出按项级科目：${words}。`,
      };
    }
  }
}

/**
 * A chart of many 项 stays readable and bounded in height: the largest rows (by the larger of
 * budget and actual) are drawn in code order, the rest summed into one row at the end. The
 * description (<desc>) still names every row. The summed row's rate is computed only when every
 * row in it has a budget: a partial budget against the whole actual would be a false percentage.
 */
export function boundRows(rows: HBarRow[], t: Pick<FigureTemplate, 'maxRows' | 'otherLabel'>, decimals: number): HBarRow[] {
  const max = t.maxRows ?? Infinity;
  if (rows.length <= max) return rows;
  const size = (r: HBarRow) => Math.max(r.values[0] ?? 0, r.values[1]);
  const ranked = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => size(b.row) - size(a.row) || a.index - b.index);
  const kept = new Set(ranked.slice(0, Math.max(0, max - 1)).map((r) => r.index));
  const rest = rows.filter((_, i) => !kept.has(i));
  const budgets = rest.map((r) => r.values[0]);
  const known = budgets.filter((b): b is Cents => b !== null);
  const budget = known.length ? known.reduce((a, b) => a + b, 0) : null;
  const actual = rest.reduce((sum, r) => sum + r.values[1], 0);
  const other: HBarRow = {
    code: '',
    name: fill(t.otherLabel ?? '{count}', { count: rest.length }),
    values: [budget, actual],
    rate: budget !== null && known.length === rest.length ? percent(actual, budget, decimals) : null,
  };
  return [...rows.filter((_, i) => kept.has(i)), other];
}

/** A budget line with no 05 row takes its name from the catalog; unknown codes print code only. */
function subjectName(code: string): string {
  return functionalSubject(code)?.name ?? '';
}

function whyNot(id: FigureId): string {
  if (id === '1') return '缺少上年收、支总计（explanation.previousYear.grandTotal）';
  if (id === '4') return '缺少上年财政拨款收、支总计（explanation.previousYear.fiscalGrandTotal）';
  return '缺少年初预算数（explanation.annualBudget.items）';
}

function donut(
  common: Omit<Common, 'description'>,
  t: FigureTemplate,
  items: { label: string; value: Cents }[],
  decimals: number,
  lead: string,
  defaultEmptyText: string,
  singleSlice?: string,
): DonutFigure {
  const positive = items.filter((item) => item.value > 0);
  const omitted = items.filter((item) => item.value < 0).map((item) => item.label);
  const total = positive.reduce((a, b) => a + b.value, 0);
  const centerLabel = t.centerLabel ?? '';
  if (positive.length === 0) {
    return {
      ...common,
      kind: 'donut',
      centerLabel,
      total: 0,
      slices: [],
      omitted,
      empty: t.emptyText ?? defaultEmptyText,
      description: `${lead}${centerLabel}为 0，${t.emptyText ?? defaultEmptyText}。`,
    };
  }
  const percents = largestRemainderPercents(positive.map((p) => p.value), decimals);
  const slices = positive.map((p, i) => ({ label: p.label, value: p.value, percent: percents[i] }));
  const parts = slices.map((s) => `${s.label} ${amountText(s.value)}，占 ${s.percent}%`).join('；');
  const omittedWords = omitted.length ? `（${omitted.join('、')}为负数，未在图中列示）` : '';
  return {
    ...common,
    kind: 'donut',
    centerLabel,
    total,
    slices,
    omitted,
    statement:
      slices.length === 1
        ? (singleSlice ?? '{label}（{percent}%）')
            .replaceAll('{label}', slices[0].label)
            .replaceAll('{centerLabel}', centerLabel)
            .replaceAll('{percent}', slices[0].percent)
        : undefined,
    description: `${lead}${centerLabel} ${amountText(total)}，其中：${parts}。${omittedWords}`,
  };
}
