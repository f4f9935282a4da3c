/**
 * 第三部分 情况说明, sections 一 to 十三, as text blocks. Every sentence comes from a template in
 * the template set's narrative/*.json; the variant is chosen by the numbers (增加/减少/持平, 大于/小于/等于,
 * zero budget, empty table…), every figure comes from deriveNarrativeFigures, and payload text
 * (reasons, outcomes) is only ever inserted, never made up: a missing reason drops its clause.
 */
import { amountOf, type Model } from '../../model/derive';
import {
  deriveNarrativeFigures,
  type BudgetDetails,
  type Change,
  type ClassDetail,
  type Completion,
  type NarrativeFigures,
} from '../../model/narrative-figures';
import type { DocumentPart, NarrativeSectionKey, NarrativeTemplates } from '../../model/template-set';
import type { Block, NarrativePart, NarrativeSection } from './blocks';
import { chineseNumeral, fill, type TemplateValues } from '../../model/text';
import { clause, reasonClause, sentence, spaceNumbers, textAmount } from './text';

/*
 * The wording of the template set being rendered. buildNarrative binds it before it writes a
 * sentence and everything below runs synchronously inside that call, so one set's wording can
 * never leak into another's document.
 */
let common: NarrativeTemplates['common'];
let overview: NarrativeTemplates['overview'];
let gpbTemplates: NarrativeTemplates['gpb-expense'];
let fundTemplates: NarrativeTemplates['government-funds'];
let threePublicTemplates: NarrativeTemplates['three-public'];
let otherTemplates: NarrativeTemplates['other-sections'];
let performanceTemplates: NarrativeTemplates['performance'];

/** The payload being rendered, bound with the wording: `at` keeps only the pointers it holds. */
let payloadRoot: unknown;

/** Whether the payload holds a value at a JSON pointer ("/explanation/reasons/income"). */
function holds(pointer: string): boolean {
  let node = payloadRoot;
  for (const key of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return false;
    const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, k)) return false;
    node = (node as Record<string, unknown>)[k];
  }
  return node !== undefined && node !== null && node !== '';
}

/**
 * The block with the JSON pointers of the payload values it prints (those the payload holds,
 * in the order given), so a finding about them can point at the paragraph.
 */
function at(block: Block, ...pointers: (string | false | undefined)[]): Block {
  if (block.kind !== 'paragraph') return block;
  const paths = [...new Set(pointers.filter((p): p is string => !!p && holds(p)))];
  return paths.length ? { ...block, paths } : block;
}

const REASONS = '/explanation/reasons/';
const PREVIOUS = '/explanation/previousYear/';

function bindTemplates(t: NarrativeTemplates): void {
  common = t.common;
  overview = t.overview;
  gpbTemplates = t['gpb-expense'];
  fundTemplates = t['government-funds'];
  threePublicTemplates = t['three-public'];
  otherTemplates = t['other-sections'];
  performanceTemplates = t.performance;
}

/** A comparison with the previous year, as template data. */
export interface ChangeTemplates {
  change: string;
  changeNoRate: string;
  flat: string;
  reason: string;
  end: string;
}

/**
 * The comparison clause, or '' when there is no previous year. No change → the `flat` wording
 * (no rate, no reason: there is nothing to explain); no previous amount → no rate.
 */
export function changeText(t: ChangeTemplates, c: Change | null, values: TemplateValues, reason?: string): string {
  if (!c) return '';
  const up = c.direction === 'up';
  const vals = {
    ...values,
    changeVerb: up ? common.verbs.up : common.verbs.down,
    rateVerb: up ? common.verbs.rateUp : common.verbs.rateDown,
    changeAbs: textAmount(c.abs),
    rate: c.rate ?? undefined,
  };
  if (c.direction === 'flat') return fill(t.flat, vals) + t.end;
  let text = fill(c.rate === null ? t.changeNoRate : t.change, vals);
  if (reason) text += fill(t.reason, { ...vals, reason: reasonClause(reason) });
  return text + t.end;
}

/** "一是…；二是…" for several items, the item itself for one. */
export function ordinalList(items: string[]): string {
  if (items.length === 1) return clause(items[0]);
  return items
    .map((text, i) => fill(common.ordinalItem, { n: chineseNumeral(i + 1), text: clause(text) }))
    .join(common.ordinalSeparator);
}

/** Every paragraph, generated and typed words alike, follows the set's one rule for spacing around numbers. */
const spaced = (text: string) => spaceNumbers(text, common.numberSpacing as 'space' | 'none');
const paragraph = (text: string): Block => ({ kind: 'paragraph', text: spaced(text) });
const numbered = (n: number, text: string): Block => ({
  kind: 'paragraph',
  text: spaced(text),
  level: 1,
  marker: { text: fill(common.numbered.marker, { n }), gap: common.numbered.gap },
});
const subNumbered = (n: number, text: string): Block => ({
  kind: 'paragraph',
  text: spaced(text),
  level: 2,
  marker: { text: fill(common.subNumbered.marker, { n }), gap: common.subNumbered.gap },
});

/** Sub-headings （一）（二）… numbered by position, so a missing one leaves no gap. */
function subHeadings(): (text: string) => Block {
  let n = 0;
  return (text) => ({ kind: 'heading', text: fill(common.subHeading, { n: chineseNumeral(++n), text }) });
}

type FigureId = keyof typeof common.figures;

interface Ctx {
  model: Model;
  f: NarrativeFigures;
  base: { year: number; prevYear: number; department: string };
  /** Ids of the figures the figure renderer offers; a figure block is placed only for these. */
  figures: readonly string[];
  /** The figure renderer's caption of a figure, when it has one (ours from the template otherwise). */
  caption?: (id: string) => string | undefined;
}

/** "name amount 万元，占 share%" for each part, or the total alone when shares cannot be given. */
function sharesAlt(
  ft: { alt: string; altEmpty: string; part: string; separator: string },
  parts: { name: string; amount: number; share: string | null }[],
  total: number,
  base: Ctx['base'],
): string {
  if (parts.length === 0 || parts.some((x) => x.share === null)) return fill(ft.altEmpty, { ...base, total: textAmount(total) });
  const words = parts.map((x) => fill(ft.part, { name: x.name, amount: textAmount(x.amount), share: x.share! }));
  return fill(ft.alt, { ...base, parts: words.join(ft.separator) });
}

/** The figure block, or nothing when the figure renderer does not offer that figure for this payload. */
function figureIf(ctx: Ctx, id: FigureId): Block[] {
  return ctx.figures.includes(id) ? [figureBlock(ctx, id)] : [];
}

/** A figure block with its alt text stating the figure's numbers in words. */
export function figureBlock(ctx: Ctx, id: FigureId): Extract<Block, { kind: 'figure' }> {
  const { f, base } = ctx;
  const t = common.figures;
  let alt: string;
  switch (id) {
    case '1':
    case '4': {
      const g = id === '1' ? f.grand : f.fiscal;
      const ft = t[id];
      if (!g.equal) alt = fill(ft.altSeparate, { ...base, income: textAmount(g.income), expense: textAmount(g.expense) });
      else if (g.incomeChange)
        alt = fill(ft.alt, { ...base, previous: textAmount(g.incomeChange.previous), current: textAmount(g.income) });
      else alt = fill(ft.altNoPrevious, { ...base, current: textAmount(g.income) });
      break;
    }
    case '2':
    case '3': {
      const ft = t[id];
      const parts =
        id === '2'
          ? f.income.sources.map((s) => ({ name: overview.income.names[s.key], amount: s.amount, share: s.share }))
          : f.expense.parts.map((s) => ({ name: overview.expense.names[s.key], amount: s.amount, share: s.share }));
      const total = id === '2' ? f.income.total : f.expense.total;
      alt = sharesAlt(ft, parts, total, base);
      break;
    }
    case '5': {
      const parts = f.gpb.classes.map((c) => ({ name: c.name, amount: c.amount, share: c.share }));
      alt = sharesAlt(t[id], parts, f.gpb.total, base);
      break;
    }
    case '6': {
      const ft = t[id];
      const tp = ctx.model.threePublic;
      const keys = ['total', 'abroad', 'vehiclePurchase', 'vehicleOperation', 'reception'] as const;
      const parts = keys.map((k) =>
        fill(ft.part, { name: ft.names[k], budget: textAmount(amountOf(tp.budget[k])), actual: textAmount(amountOf(tp.actual[k])) }),
      );
      alt = fill(ft.alt, { ...base, parts: parts.join(ft.separator) });
      break;
    }
    case '7': {
      const ft = t[id];
      const parts = f.gpb.details
        .flatMap((c) => c.items)
        .filter((i) => i.completion.budget !== null)
        .map((i) => fill(ft.part, { name: i.itemName, budget: textAmount(i.completion.budget!), actual: textAmount(i.actual) }));
      alt = fill(ft.alt, { ...base, parts: parts.join(ft.separator) });
      break;
    }
  }
  return { kind: 'figure', id, caption: ctx.caption?.(id) ?? t[id].caption, alt };
}

function sectionOverall(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = overview.overall;
  const reason = model.payload.explanation.reasons.grandTotal;
  const g = f.grand;
  let text: string;
  if (g.equal) {
    text = fill(t.totalsEqual, { ...base, total: textAmount(g.income) }) + changeText(t.change, g.incomeChange, base, reason);
  } else {
    text =
      fill(t.totalsSeparate, { ...base, incomeTotal: textAmount(g.income), expenseTotal: textAmount(g.expense) }) +
      changeText(t.changeSeparate, g.incomeChange, { ...base, subject: t.subjectIncome }) +
      changeText(t.changeSeparate, g.expenseChange, { ...base, subject: t.subjectExpense }, reason);
  }
  return [at(paragraph(text), `${PREVIOUS}grandTotal`, `${REASONS}grandTotal`), ...figureIf(ctx, '1')];
}

function structureSentence(
  t: typeof overview.income | typeof overview.expense,
  names: Record<string, string>,
  total: number,
  c: Change | null,
  parts: { key: string; amount: number; share: string | null }[],
  base: Ctx['base'],
  reason: string | undefined,
): string {
  let text = fill(t.total, { ...base, total: textAmount(total) }) + changeText(t.change, c, base, reason) + t.end;
  if (parts.length > 0) {
    text +=
      t.partsIntro +
      parts
        .map((p) =>
          p.share === null
            ? fill(t.partNoShare, { name: names[p.key], amount: textAmount(p.amount) })
            : fill(t.part, { name: names[p.key], amount: textAmount(p.amount), share: p.share }),
        )
        .join(t.partSeparator) +
      t.partsEnd;
  }
  return text;
}

function sectionIncome(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = overview.income;
  const text = structureSentence(t, t.names, f.income.total, f.income.change, f.income.sources, base, model.payload.explanation.reasons.income);
  return [at(paragraph(text), `${PREVIOUS}incomeTotal`, `${REASONS}income`), ...figureIf(ctx, '2')];
}

function sectionExpense(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = overview.expense;
  const text = structureSentence(t, t.names, f.expense.total, f.expense.change, f.expense.parts, base, model.payload.explanation.reasons.expense);
  return [at(paragraph(text), `${PREVIOUS}expenseTotal`, `${REASONS}expense`), ...figureIf(ctx, '3')];
}

function sectionFiscal(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = overview.fiscal;
  const reasons = model.payload.explanation.reasons;
  const g = f.fiscal;
  const first = g.equal
    ? fill(t.totalsEqual, { ...base, total: textAmount(g.income) }) + changeText(t.change, g.incomeChange, base, reasons.fiscalGrandTotal)
    : fill(t.totalsSeparate, { ...base, incomeTotal: textAmount(g.income), expenseTotal: textAmount(g.expense) }) +
      changeText(t.changeSeparate, g.incomeChange, { ...base, subject: t.subjectIncome }) +
      changeText(t.changeSeparate, g.expenseChange, { ...base, subject: t.subjectExpense }, reasons.fiscalGrandTotal);
  const second =
    fill(t.gpbIncome, { ...base, amount: textAmount(g.gpbIncome) }) +
    changeText(t.gpbIncomeChange, g.gpbIncomeChange, base, reasons.gpbIncome) +
    g.otherIncome.map((o) => fill(t.otherIncome, { name: t.otherNames[o.key], amount: textAmount(o.amount) })).join('') +
    t.end;
  return [
    at(paragraph(first), `${PREVIOUS}fiscalGrandTotal`, `${REASONS}fiscalGrandTotal`),
    at(paragraph(second), `${PREVIOUS}gpbIncome`, `${REASONS}gpbIncome`),
    ...figureIf(ctx, '4'),
  ];
}

/** One 项 of a budget-vs-决算 list: its completion, the cause of a difference, then what it was used for. */
function itemBody(c: Completion, reason: string | undefined, uses?: string): string {
  return itemCompletion(c, reason) + (uses ? fill(gpbTemplates.gpb.itemUses, { uses: clause(uses) }) : '');
}

function itemCompletion(c: Completion, reason: string | undefined): string {
  const t = gpbTemplates.gpb;
  const vals = { actual: textAmount(c.actual), budget: c.budget === null ? undefined : textAmount(c.budget), rate: c.rate ?? undefined };
  switch (c.relation) {
    case 'noBudget':
      return fill(t.itemNoBudget, vals) + t.itemEnd;
    case 'zeroBudget':
      return fill(t.itemZeroBudget, vals) + (reason ? fill(t.itemZeroBudgetReason, { reason: reasonClause(reason) }) : '') + t.itemEnd;
    case 'equal':
      return fill(t.itemBudget, vals) + t.itemEnd;
    case 'over':
    case 'under': {
      const relation = c.relation === 'over' ? common.verbs.over : common.verbs.under;
      return fill(t.itemBudget, vals) + (reason ? fill(t.itemReason, { relation, reason: reasonClause(reason) }) : '') + t.itemEnd;
    }
  }
}

function sectionGpb(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = gpbTemplates.gpb;
  const g = f.gpb;
  const heading = subHeadings();
  const blocks: Block[] = [];

  // （一）
  blocks.push(heading(t.overviewHeading));
  blocks.push(
    at(
      paragraph(
        (g.shareOfExpense === null
          ? fill(t.overviewNoShare, { ...base, total: textAmount(g.total) })
          : fill(t.overview, { ...base, total: textAmount(g.total), share: g.shareOfExpense })) +
          changeText(t.change, g.change, base, model.payload.explanation.reasons.gpbExpense),
      ),
      `${PREVIOUS}gpbExpense`,
      `${REASONS}gpbExpense`,
    ),
  );

  // （二）
  blocks.push(heading(t.structureHeading));
  blocks.push(paragraph(fill(t.structureIntro, { ...base, total: textAmount(g.total) })));
  g.classes.forEach((cls, i) => {
    let text = fill(t.structureClass, { name: cls.name, amount: textAmount(cls.amount), share: cls.share ?? undefined });
    if (cls.uses.length > 0) text += fill(t.structureUses, { uses: cls.uses.join(common.listSeparator) });
    blocks.push(at(numbered(i + 1, text), `/explanation/classUses/${cls.code}`));
  });

  blocks.push(...figureIf(ctx, '5'));

  // （三）
  blocks.push(heading(t.detailHeading));
  const b = g.budget;
  let text =
    b.relation === 'noBudget'
      ? fill(t.budgetMissing, { ...base, actual: textAmount(b.actual) })
      : b.relation === 'zeroBudget'
        ? fill(t.budgetZero, { ...base, actual: textAmount(b.actual) })
        : fill(t.budget, { ...base, budget: textAmount(b.budget!), actual: textAmount(b.actual), rate: b.rate! }) +
          budgetReasonText(t.budgetReason, b, g.budgetReason) +
          t.budgetEnd;
  text += splitText(t, g);
  if (g.mainProjects.length > 0) {
    // Projects are uses of 项目支出: what each spent, with its budget beside it when given.
    text +=
      t.projectsIntro +
      g.mainProjects
        .map(
          (m) =>
            (m.budget === null
              ? fill(t.project, { name: m.name, amount: textAmount(m.amount) })
              : fill(t.projectWithBudget, { name: m.name, amount: textAmount(m.amount), budget: textAmount(m.budget) })) +
            (m.outcome ? fill(t.projectOutcome, { outcome: clause(m.outcome) }) : ''),
        )
        .join(t.projectSeparator) +
      t.projectsEnd;
  }
  blocks.push(at(paragraph(text), '/explanation/annualBudget/reason', '/explanation/mainProjects'));
  blocks.push(...itemList(g.details, t, 'annualBudget'));
  blocks.push(...figureIf(ctx, '7'));
  return blocks;
}

/** "，决算数小于年初预算数的主要原因是…" for a total that differs from its budget and has a cause given. */
function budgetReasonText(template: string, c: Completion, reason: string | undefined): string {
  if (!reason || (c.relation !== 'over' && c.relation !== 'under')) return '';
  return fill(template, { relation: c.relation === 'over' ? common.verbs.over : common.verbs.under, reason: reasonClause(reason) });
}

/** Per 项, grouped by 类 and numbered as the reference numbers them: the first 类 sits under the intro line. */
function itemList(details: ClassDetail[], t: { itemsIntro: string; classIntro: string }, key: 'annualBudget' | 'fundBudget' | 'stateCapitalBudget'): Block[] {
  const blocks: Block[] = [];
  details.forEach((cls, i) => {
    blocks.push(numbered(i + 1, i === 0 ? t.itemsIntro : fill(t.classIntro, { name: cls.name })));
    cls.items.forEach((item, j) => {
      const subject = fill(gpbTemplates.gpb.itemSubject, { className: item.className, sectionName: item.sectionName, itemName: item.itemName });
      blocks.push(at(subNumbered(j + 1, subject + itemBody(item.completion, item.reason, item.uses)), `/explanation/${key}/items/${item.code}`));
    });
  });
  return blocks;
}

/** "年初预算为 …，支出决算为 …，完成年初预算的 …%[，原因]。" for 政府性基金 / 国有资本经营, or '' without a budget. */
function fundBudgetText(
  t: { budget: string; budgetZero: string; budgetReason: string; budgetEnd: string },
  x: BudgetDetails | null,
  base: Ctx['base'],
): string {
  if (!x || x.budget.relation === 'noBudget') return '';
  const b = x.budget;
  if (b.relation === 'zeroBudget') return fill(t.budgetZero, { ...base, actual: textAmount(b.actual) }) + t.budgetEnd;
  return (
    fill(t.budget, { ...base, budget: textAmount(b.budget!), actual: textAmount(b.actual), rate: b.rate! }) +
    budgetReasonText(t.budgetReason, b, x.reason) +
    t.budgetEnd
  );
}

function sectionBasic(ctx: Ctx): Block[] {
  const { f, base } = ctx;
  const t = gpbTemplates.basic;
  const b = f.basic;
  if (b.total === 0 && b.personnel.total === 0 && b.public.total === 0) {
    return [paragraph(fill(t.introNoParts, { ...base, total: textAmount(0) }))];
  }
  const part = (withItems: string, without: string, x: { total: number; items: string[] }) =>
    x.items.length > 0
      ? fill(withItems, { amount: textAmount(x.total), items: x.items.join(common.listSeparator) })
      : fill(without, { amount: textAmount(x.total) });
  return [
    paragraph(fill(t.intro, { ...base, total: textAmount(b.total) })),
    paragraph(part(t.personnel, t.personnelNoItems, b.personnel)),
    paragraph(part(t.public, t.publicNoItems, b.public)),
  ];
}

/** "其中：基本支出 X 万元，项目支出 Y 万元" listing the non-zero parts only ('' when both are zero). */
function splitText(
  t: { splitIntro: string; splitPart: string; splitSeparator: string; splitEnd: string; splitNames: { basic: string; project: string } },
  x: { basic: number; project: number },
): string {
  const parts = (['basic', 'project'] as const).filter((k) => x[k] !== 0);
  if (parts.length === 0) return '';
  return t.splitIntro + parts.map((k) => fill(t.splitPart, { name: t.splitNames[k], amount: textAmount(x[k]) })).join(t.splitSeparator) + t.splitEnd;
}

function sectionFund(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = fundTemplates.fund;
  const x = f.fund;
  if (x.empty) return [paragraph(fill(t.none, base))];
  let text = fill(t.main, { ...base, income: textAmount(x.income), expense: textAmount(x.expense) });
  if (x.carryForwardStart !== 0 || x.carryForwardEnd !== 0) {
    text += fill(t.carry, { start: textAmount(x.carryForwardStart), end: textAmount(x.carryForwardEnd) });
  }
  text += t.end + changeText(t.change, x.change, base, model.payload.explanation.reasons.fundChange);
  text += fundBudgetText(t, x.budget, base) + splitText(t, x);
  // With 年初预算 by 项 the items below say what each 项 was; without, name the 项 here.
  if (x.uses.length > 0 && !x.budget) text += fill(t.uses, { uses: x.uses.join(common.listSeparator) });
  return [
    at(paragraph(text), `${PREVIOUS}fundExpense`, `${REASONS}fundChange`, '/explanation/fundBudget/reason'),
    ...(x.budget ? itemList(x.budget.details, t, 'fundBudget') : []),
  ];
}

function sectionStateCapital(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = fundTemplates.stateCapital;
  const x = f.stateCapital;
  if (x.empty) return [paragraph(fill(t.none, base))];
  let text = fill(t.main, { ...base, expense: textAmount(x.expense) }) + splitText(t, x);
  text += t.end + changeText(t.change, x.change, base, model.payload.explanation.reasons.stateCapitalChange);
  text += fundBudgetText(t, x.budget, base);
  if (x.uses.length > 0 && !x.budget) text += fill(t.uses, { uses: x.uses.join(common.listSeparator) });
  return [
    at(paragraph(text), `${PREVIOUS}stateCapitalExpense`, `${REASONS}stateCapitalChange`, '/explanation/stateCapitalBudget/reason'),
    ...(x.budget ? itemList(x.budget.details, t, 'stateCapitalBudget') : []),
  ];
}

/** "12 批次、85 人次" from whichever counts are given ('' for none). */
function counts(t: typeof threePublicTemplates.reception, batches: number | undefined, people: number | undefined): string {
  if (batches !== undefined && people !== undefined) return fill(t.batchesPeople, { batches, people });
  if (batches !== undefined) return fill(t.batches, { batches });
  if (people !== undefined) return fill(t.people, { people });
  return '';
}

/** 公务接待: 国内 and 外事 parts with amounts and 批次/人次, then the purpose ('' when nothing is given). */
function receptionDetail(detail: Ctx['model']['payload']['explanation']['threePublicDetail']): string {
  const t = threePublicTemplates.reception;
  const part = (amount: number | null | undefined, batches: number | undefined, people: number | undefined, kind: 'domestic' | 'foreign') => {
    const c = counts(t, batches, people);
    const amountText = amount === undefined || amount === null ? '' : fill(kind === 'domestic' ? t.domesticAmount : t.foreignAmount, { amount: textAmount(amount) });
    if (amountText && c) return amountText + t.innerSeparator + fill(kind === 'domestic' ? t.domesticCountsAfterAmount : t.foreignCountsAfterAmount, { counts: c });
    if (amountText) return amountText;
    if (c) return fill(kind === 'domestic' ? t.domesticCounts : t.foreignCounts, { counts: c });
    return '';
  };
  const domestic = part(detail.receptionDomestic, detail.receptionBatches, detail.receptionPeople, 'domestic');
  const foreign = part(detail.receptionForeign, detail.receptionForeignBatches, detail.receptionForeignPeople, 'foreign');
  const parts = [domestic, foreign].filter((x) => x !== '');
  const withAmounts = detail.receptionDomestic != null || detail.receptionForeign != null;
  let text = parts.length ? (withAmounts ? t.intro : t.introCountsOnly) + parts.join(t.partSeparator) + t.end : '';
  if (detail.receptionPurpose) text += fill(t.purpose, { purpose: clause(detail.receptionPurpose) });
  return text;
}

/**
 * A vehicle sub-item's reasons with their figures: "，全年预算为 …，决算数小于预算数的主要原因是…" and
 * "，较上年减少 … 万元，主要原因是…" — only where the payload gives the reason (the 小计 line above
 * already compares the category as a whole).
 */
function subItemReasons(
  line: NarrativeFigures['threePublic']['purchaseLine'],
  budgetReason: string | undefined,
  changeReason: string | undefined,
): string {
  const t = threePublicTemplates.subItem;
  let text = '';
  const rel = line.completion.relation;
  if (budgetReason && (rel === 'over' || rel === 'under')) {
    text += fill(t.budgetReason, {
      budget: textAmount(line.budget),
      relation: rel === 'over' ? common.verbs.over : common.verbs.under,
      reason: reasonClause(budgetReason),
    });
  }
  const c = line.change;
  if (changeReason && c && c.direction !== 'flat') {
    text += fill(t.changeReason, {
      changeVerb: c.direction === 'up' ? common.verbs.up : common.verbs.down,
      changeAbs: textAmount(c.abs),
      reason: reasonClause(changeReason),
    });
  }
  return text;
}

const DETAIL = '/explanation/threePublicDetail/';
const RECEPTION = ['receptionBatches', 'receptionPeople', 'receptionDomestic', 'receptionForeign', 'receptionForeignBatches', 'receptionForeignPeople', 'receptionPurpose'].map(
  (k) => `${DETAIL}${k}`,
);
const VEHICLE = [`${PREVIOUS}threePublic/vehicleSubtotal`, `${REASONS}vehicleBudget`, `${REASONS}vehicle`];

function sectionThreePublic(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = threePublicTemplates;
  const tp = f.threePublic;
  const reasons = model.payload.explanation.reasons;
  const detail = model.payload.explanation.threePublicDetail;
  const heading = subHeadings();
  const blocks: Block[] = [];

  // （一）
  blocks.push(heading(t.totalHeading));
  const total = tp.total;
  const none = total.budget === 0 && total.actual === 0;
  let text = none
    ? fill(t.totalNone, base)
    : total.completion.relation === 'zeroBudget'
      ? fill(t.totalZeroBudget, { ...base, actual: textAmount(total.actual) })
      : fill(t.total, {
          ...base,
          budget: textAmount(total.budget),
          actual: textAmount(total.actual),
          rate: total.completion.rate ?? undefined,
        }) + budgetReasonText(t.budgetReason, total.completion, reasons.threePublicBudget);
  // Nothing budgeted or spent, this year or last: "与上年持平" would add nothing.
  const totalChange = none && total.change?.direction === 'flat' ? null : total.change;
  text += totalChange ? changeText(t.totalChange, totalChange, base, reasons.threePublic) : t.end;
  blocks.push(at(paragraph(text), `${PREVIOUS}threePublic/total`, `${REASONS}threePublicBudget`, `${REASONS}threePublic`));

  // （二）
  blocks.push(heading(t.detailHeading));
  const category = (key: 'abroad' | 'vehicle' | 'reception', reason: string | undefined, budgetReason: string | undefined): string => {
    const line = tp[key];
    const name = t.names[key];
    const nothing = line.actual === 0 && line.budget === 0;
    const main = nothing
      ? fill(t.category.none, { ...base, name })
      : line.completion.relation === 'zeroBudget'
        ? fill(t.category.zeroBudget, { name, actual: textAmount(line.actual) })
        : fill(t.category.withBudget, {
            name,
            budget: textAmount(line.budget),
            actual: textAmount(line.actual),
            rate: line.completion.rate ?? undefined,
          }) + budgetReasonText(t.budgetReason, line.completion, budgetReason);
    const c = nothing && line.change?.direction === 'flat' ? null : line.change;
    return main + (c ? changeText(t.categoryChange, c, base, reason) : t.end);
  };

  let abroad = category('abroad', reasons.abroad, reasons.abroadBudget);
  if (tp.abroad.actual !== 0) {
    const { abroadGroups: groups, abroadPeople: people } = detail;
    if (groups !== undefined && people !== undefined) abroad += fill(t.abroadGroupsPeople, { groups, people });
    else if (groups !== undefined) abroad += fill(t.abroadGroups, { groups });
    else if (people !== undefined) abroad += fill(t.abroadPeople, { people });
    if (detail.abroadPurpose) abroad += fill(t.abroadPurpose, { purpose: clause(detail.abroadPurpose) });
  }
  blocks.push(
    at(
      numbered(1, abroad),
      `${PREVIOUS}threePublic/abroad`,
      `${REASONS}abroadBudget`,
      `${REASONS}abroad`,
      ...(tp.abroad.actual !== 0 ? ['abroadGroups', 'abroadPeople', 'abroadPurpose'].map((k) => `${DETAIL}${k}`) : []),
    ),
  );

  let vehicle = category('vehicle', reasons.vehicle, reasons.vehicleBudget);
  const held = detail.vehiclesHeld === undefined ? '' : fill(t.vehiclesHeld, { ...base, count: detail.vehiclesHeld });
  if (tp.vehicle.actual === 0) {
    blocks.push(at(numbered(2, vehicle + held), ...VEHICLE, `${DETAIL}vehiclesHeld`));
  } else {
    vehicle += t.vehicleOf;
    blocks.push(at(numbered(2, vehicle), ...VEHICLE));
    let purchase =
      fill(t.purchase, { amount: textAmount(tp.purchase) }).replace(/。$/u, '') +
      subItemReasons(tp.purchaseLine, reasons.vehiclePurchaseBudget, reasons.vehiclePurchase) +
      t.end;
    if (detail.vehiclesPurchased !== undefined) purchase += fill(t.purchasedCount, { count: detail.vehiclesPurchased });
    if (detail.vehiclePurchaseUses && tp.purchase !== 0) purchase += fill(t.purchaseUses, { uses: clause(detail.vehiclePurchaseUses) });
    blocks.push(
      at(
        subNumbered(1, purchase),
        `${PREVIOUS}threePublic/vehiclePurchase`,
        `${REASONS}vehiclePurchaseBudget`,
        `${REASONS}vehiclePurchase`,
        `${DETAIL}vehiclesPurchased`,
        tp.purchase !== 0 && `${DETAIL}vehiclePurchaseUses`,
      ),
    );
    let operation = fill(t.operation, { amount: textAmount(tp.operation) });
    if (detail.vehicleOperationBreakdown.length > 0) {
      const items = detail.vehicleOperationBreakdown
        .map((b) => fill(t.operationItem, { item: clause(b.item), amount: textAmount(b.amount) }))
        .join(common.listSeparator);
      operation += fill(t.operationBreakdown, { items });
    } else if (detail.vehicleOperationUses) {
      operation += fill(t.operationUses, { uses: clause(detail.vehicleOperationUses) });
    }
    operation += subItemReasons(tp.operationLine, reasons.vehicleOperationBudget, reasons.vehicleOperation);
    blocks.push(
      at(
        subNumbered(2, operation + t.operationEnd + held),
        `${PREVIOUS}threePublic/vehicleOperation`,
        detail.vehicleOperationBreakdown.length > 0 ? `${DETAIL}vehicleOperationBreakdown` : `${DETAIL}vehicleOperationUses`,
        `${REASONS}vehicleOperationBudget`,
        `${REASONS}vehicleOperation`,
        `${DETAIL}vehiclesHeld`,
      ),
    );
  }

  let reception = category('reception', reasons.reception, reasons.receptionBudget);
  if (tp.reception.actual !== 0) reception += receptionDetail(detail);
  blocks.push(
    at(
      numbered(3, reception),
      `${PREVIOUS}threePublic/reception`,
      `${REASONS}receptionBudget`,
      `${REASONS}reception`,
      ...(tp.reception.actual !== 0 ? RECEPTION : []),
    ),
  );
  blocks.push(...figureIf(ctx, '6'));
  return blocks;
}

function sectionOperatingCosts(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = otherTemplates.operatingCosts;
  const x = f.operatingCosts;
  if (!x) return [];
  // A zero this year and last is just "0 万元": "与上年持平" would add nothing.
  const c = x.amount === 0 && x.change?.direction === 'flat' ? null : x.change;
  return [
    at(
      paragraph(
        fill(t.amount, { ...base, amount: textAmount(x.amount) }) +
          changeText(t.change, c, base, model.payload.explanation.reasons.operatingCosts) +
          t.end +
          (model.payload.explanation.operatingCostsNote ? sentence(model.payload.explanation.operatingCostsNote) : ''),
      ),
      '/explanation/operatingCosts',
      `${PREVIOUS}operatingCosts`,
      `${REASONS}operatingCosts`,
      '/explanation/operatingCostsNote',
    ),
  ];
}

function sectionProcurement(ctx: Ctx): Block[] {
  const { f, base } = ctx;
  const t = otherTemplates.procurement;
  const x = f.procurement;
  if (!x) return [];
  if (x.total === 0 && x.goods === 0 && x.works === 0 && x.services === 0) {
    const note = ctx.model.payload.explanation.procurement?.note;
    return [at(paragraph(fill(t.none, base) + (note ? sentence(note) : '')), '/explanation/procurement')];
  }
  let text = fill(t.total, {
    ...base,
    total: textAmount(x.total),
    goods: textAmount(x.goods),
    works: textAmount(x.works),
    services: textAmount(x.services),
  });
  if (x.sme !== null) {
    text += x.smeShare === null ? '' : fill(t.sme, { sme: textAmount(x.sme), share: x.smeShare });
    if (x.smallMicro !== null) {
      // "0 万元，占…的 0.00%" says nothing the amount does not.
      text +=
        x.smallMicroShare === null || x.smallMicro === 0
          ? fill(t.smallMicroNoShare, { smallMicro: textAmount(x.smallMicro) })
          : t.smallMicroShareOf === 'total' && x.smallMicroShareOfTotal !== null
            ? fill(t.smallMicroOfTotal, { smallMicro: textAmount(x.smallMicro), share: x.smallMicroShareOfTotal })
            : fill(t.smallMicro, { smallMicro: textAmount(x.smallMicro), share: x.smallMicroShare });
    }
    text += t.smeEnd;
    if (x.reservedSplit.length > 0) {
      text +=
        t.reservedIntro +
        x.reservedSplit
          .map((r) =>
            r.share === null
              ? fill(t.reservedPartNoShare, { name: t.reservedNames[r.key], amount: textAmount(r.amount) })
              : fill(t.reservedPart, { name: t.reservedNames[r.key], amount: textAmount(r.amount), share: r.share }),
          )
          .join(t.reservedSeparator) +
        t.reservedEnd;
    }
  }
  const shares = x.categories
    .filter((c) => c.amount !== 0 && c.share !== null)
    .map((c) => fill(t.category, { name: t.categoryNames[c.key], share: c.share! }));
  if (shares.length > 0) text += shares.join(t.categorySeparator) + t.categoriesEnd;
  const zero = x.categories.filter((c) => c.amount === 0);
  if (zero.length > 0) {
    const names = zero.map((c) => fill(t.notIncurredName, { name: t.categoryNames[c.key] })).join(common.listSeparator);
    text += fill(t.notIncurred, { names });
  }
  // The department's own explanation (e.g. why the 中小企业 share is low, a 预留 shortfall).
  const note = ctx.model.payload.explanation.procurement?.note;
  if (note) text += sentence(note);
  return [at(paragraph(text), '/explanation/procurement')];
}

function sectionAssets(ctx: Ctx): Block[] {
  const { base, model } = ctx;
  const t = otherTemplates.assets;
  const a = model.payload.explanation.assets;
  if (!a) return [];
  const [y, m, d] = (a.asOf ?? `${base.year}-12-31`).split('-').map(Number);
  const asOf = fill(t.asOf, { ...base, asOfYear: y, asOfMonth: m, asOfDay: d });
  let text = '';
  if (a.vehicles !== undefined) {
    text += asOf + fill(t.vehicles, { vehicles: a.vehicles });
    if (a.vehicleBreakdown.length > 0) {
      text +=
        t.breakdownIntro +
        a.vehicleBreakdown
          .map((b) => fill(t.breakdownItem, { kind: b.kind, count: b.count }) + (b.note ? fill(t.breakdownNote, { note: clause(b.note) }) : ''))
          .join(t.breakdownSeparator);
    }
    text += t.vehiclesEnd;
    if (a.equipmentOver1m !== undefined) text += fill(t.equipment, { count: a.equipmentOver1m });
  } else if (a.equipmentOver1m !== undefined) {
    text += asOf + fill(t.equipmentAlone, { count: a.equipmentOver1m });
  }
  if (a.note) text += sentence(a.note);
  return text ? [at(paragraph(text), '/explanation/assets')] : [];
}

/** "，自评得分 95.5 分，自评等级为“优”" ('' when neither is given). */
function scoreText(score: number | null, grade: string | null): string {
  const t = performanceTemplates;
  // A score is a number with up to two decimals: printed as typed (95.5, not 95.50).
  if (score !== null && grade !== null) return fill(t.score, { score: String(score), grade });
  if (score !== null) return fill(t.scoreNoGrade, { score: String(score) });
  if (grade !== null) return fill(t.gradeNoScore, { grade });
  return '';
}

function sectionPerformance(ctx: Ctx): Block[] {
  const { f, base, model } = ctx;
  const t = performanceTemplates;
  const perf = model.payload.performance;
  const x = f.performance;
  if (!perf || !x) return [];
  const heading = subHeadings();
  const blocks: Block[] = [];

  // （一）
  let management = '';
  if (x.projectCount > 0) {
    const levels =
      x.level1Count !== null && x.level2Count !== null
        ? fill(t.levelsBoth, { levelOne: x.level1Count, levelTwo: x.level2Count })
        : x.level1Count !== null
          ? fill(t.levelsFirst, { levelOne: x.level1Count })
          : x.level2Count !== null
            ? fill(t.levelsSecond, { levelTwo: x.level2Count })
            : '';
    const vals = { ...base, count: x.projectCount, levels, budget: textAmount(x.projectBudget), executed: textAmount(x.projectExecuted) };
    // The forms' budgets are only summed when the forms are the whole count (nothing typed over them).
    const withBudget = !x.typed && x.projectBudget !== 0;
    management +=
      x.coverage === null
        ? fill(withBudget ? t.managementBudgetNoShare : t.managementNoShare, vals)
        : fill(withBudget ? t.managementBudget : t.management, { ...vals, share: x.coverage });
  }
  if (x.overallCount !== null) management += fill(t.overallCount, { count: x.overallCount });
  const evaluations = (e: { count: number; amount: number | null } | null, withAmount: string, without: string) =>
    !e
      ? ''
      : e.amount === null
        ? fill(without, { ...base, count: e.count, fiscalLevel: model.payload.meta.fiscalLevel })
        : fill(withAmount, { ...base, count: e.count, amount: textAmount(e.amount), fiscalLevel: model.payload.meta.fiscalLevel });
  management += evaluations(x.departmentEvaluations, t.departmentEvaluations, t.departmentEvaluationsNoAmount);
  management += evaluations(x.fiscalEvaluations, t.fiscalEvaluations, t.fiscalEvaluationsNoAmount);
  if (perf.evaluationSummary) management += sentence(perf.evaluationSummary);
  if (management) blocks.push(heading(t.managementHeading), at(paragraph(management), '/performance/management', '/performance/evaluationSummary'));

  // （二）
  let overall = '';
  if (x.overallBudget !== null) {
    overall += fill(t.overall, { budget: textAmount(x.overallBudget) });
    if (x.overallExecuted !== null) overall += fill(t.overallExecuted, { executed: textAmount(x.overallExecuted) });
    if (x.overallRate !== null) overall += fill(t.overallRate, { rate: x.overallRate });
    overall += scoreText(x.overallScore, x.overallGrade) + t.overallEnd;
  } else if (x.overallScore !== null || x.overallGrade !== null) {
    overall += t.overallNoBudget + scoreText(x.overallScore, x.overallGrade) + t.overallEnd;
  }
  if (perf.overallConclusion) overall += sentence(perf.overallConclusion);
  if (perf.overallOutputs) overall += fill(t.overallOutputs, { outputs: sentence(perf.overallOutputs) });
  if (overall) {
    blocks.push(heading(t.overallHeading), at(paragraph(overall), '/performance/overall', '/performance/overallConclusion', '/performance/overallOutputs'));
  }

  // （三）
  const count = x.projectCount || x.summaries.length;
  if (x.summaries.length > 0) {
    blocks.push(heading(t.projectsHeading), paragraph(fill(t.projectsIntro, { ...base, count })));
    x.summaries.forEach((s, i) => {
      const name = clause(s.name);
      // "…建设项目" is not followed by another 项目.
      let text = fill(t.projectTitle, { name: name.endsWith('项目') ? name.slice(0, -2) : name });
      const score = scoreText(s.score, s.grade);
      if (s.budget !== null && s.executed !== null) {
        const vals = { budget: textAmount(s.budget), executed: textAmount(s.executed), score };
        text += s.rate === null ? fill(t.projectBudgetNoRate, vals) : fill(t.projectBudget, { ...vals, rate: s.rate });
      }
      if (s.outputs.length > 0) text += fill(t.outputs, { items: ordinalList(s.outputs) });
      if (s.problems.length > 0) text += fill(t.problems, { items: ordinalList(s.problems) });
      if (s.improvements.length > 0) text += fill(t.improvements, { items: ordinalList(s.improvements) });
      blocks.push(at(numbered(i + 1, text), `/performance/projectSummaries/${i}`));
    });
  }

  // （四）
  if (perf.application) blocks.push(heading(t.applicationHeading), at(paragraph(sentence(perf.application)), '/performance/application'));
  return blocks;
}

/** 一般性支出: 会议费 and 培训费 with their 次数, 人次 and uses (for sets that place the section). */
function sectionGeneralExpense(ctx: Ctx): Block[] {
  const g = ctx.model.payload.explanation.generalExpense;
  if (!g || (!g.meetings && !g.training)) return [];
  const t = otherTemplates.generalExpense;
  const item = (x: NonNullable<typeof g.meetings>, kind: 'meetings' | 'training') =>
    fill(t[kind], { amount: textAmount(x.amount) }) +
    (x.count !== undefined ? fill(kind === 'meetings' ? t.meetingsCounts : t.trainingCounts, { count: x.count }) : '') +
    (x.people !== undefined ? fill(kind === 'meetings' ? t.meetingsPeople : t.trainingPeople, { people: x.people }) : '') +
    (x.purpose ? fill(t.purpose, { purpose: clause(x.purpose) }) : '');
  const parts = [g.meetings && item(g.meetings, 'meetings'), g.training && item(g.training, 'training')].filter((x): x is string => !!x);
  const total = (g.meetings?.amount ?? 0) + (g.training?.amount ?? 0);
  let text = fill(t.total, { ...ctx.base, total: textAmount(total) }) + parts.join(t.separator) + t.end;
  if (g.note) text += sentence(g.note);
  return [at(paragraph(text), '/explanation/generalExpense')];
}

/** Free text sections a region adds (其他重要事项, 相关口径说明): the department's words, one paragraph each line. */
function freeText(key: 'otherMatters' | 'scopeNotes'): (ctx: Ctx) => Block[] {
  return (ctx) => {
    const text = ctx.model.payload.explanation[key];
    if (!text) return [];
    return text
      .split(/\r?\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => at(paragraph(sentence(line)), `/explanation/${key}`));
  };
}

/**
 * A section whose inputs the payload leaves out says so in the set's words (never a bare heading);
 * the audit reports the gap as a completeness finding.
 */
const ABSENT: Record<Exclude<keyof typeof common.sectionAbsent, '$comment'>, string> = {
  operatingCosts: '/explanation/operatingCosts',
  procurement: '/explanation/procurement',
  assets: '/explanation/assets',
  performance: '/performance',
  generalExpense: '/explanation/generalExpense',
  otherMatters: '/explanation/otherMatters',
  scopeNotes: '/explanation/scopeNotes',
};

function orAbsent(key: Exclude<keyof typeof common.sectionAbsent, '$comment'>, build: (ctx: Ctx) => Block[]): (ctx: Ctx) => Block[] {
  return (ctx) => {
    const blocks = build(ctx);
    // The words saying it is missing stand where the payload's value would be printed.
    return blocks.length > 0 ? blocks : [{ ...paragraph(fill(common.sectionAbsent[key], ctx.base)), paths: [ABSENT[key]] }];
  };
}

const SECTIONS: Record<NarrativeSectionKey, (ctx: Ctx) => Block[]> = {
  overall: sectionOverall,
  income: sectionIncome,
  expense: sectionExpense,
  fiscal: sectionFiscal,
  gpb: sectionGpb,
  basic: sectionBasic,
  fund: sectionFund,
  stateCapital: sectionStateCapital,
  threePublic: sectionThreePublic,
  operatingCosts: orAbsent('operatingCosts', sectionOperatingCosts),
  procurement: orAbsent('procurement', sectionProcurement),
  assets: orAbsent('assets', sectionAssets),
  performance: orAbsent('performance', sectionPerformance),
  generalExpense: orAbsent('generalExpense', sectionGeneralExpense),
  otherMatters: orAbsent('otherMatters', freeText('otherMatters')),
  scopeNotes: orAbsent('scopeNotes', freeText('scopeNotes')),
};

/** The 情况说明 parts of the template set's document (national: one, 第三部分; others split it). */
export function narrativeParts(model: Model): Extract<DocumentPart, { kind: 'narrative' }>[] {
  return model.set.document.parts.filter((p): p is Extract<DocumentPart, { kind: 'narrative' }> => p.kind === 'narrative');
}

/**
 * One 情况说明 part as text blocks: the sections the template set puts in it, in its order,
 * numbered 一、二、… (a section whose data the payload leaves out says so in the set's words —
 * never a bare heading — and the audit reports what is missing). `figures`: ids of the figures to place (default
 * 图1–图4 after sections 一–四; 图5–图7, when offered, go to 五 and 九); a set's `figures` list
 * narrows them. `part`: which narrative part of the set's document (default the first).
 * @example buildNarrative(model).sections[0].blocks[0] // { kind: 'paragraph', text: '2024 年度收、支总计均为 1519.58 万元。…' }
 */
export function buildNarrative(
  model: Model,
  options: { figures?: readonly string[]; caption?: (id: string) => string | undefined; part?: number } = {},
): NarrativePart {
  bindTemplates(model.set.narrative);
  payloadRoot = model.payload;
  const f = deriveNarrativeFigures(model);
  const offered = options.figures ?? ['1', '2', '3', '4'];
  const ctx: Ctx = {
    model,
    f,
    base: { year: f.year, prevYear: f.prevYear, department: model.payload.meta.department },
    figures: model.set.figures ? offered.filter((id) => model.set.figures!.includes(id)) : offered,
    caption: options.caption,
  };
  const part = narrativeParts(model)[options.part ?? 0];
  if (!part) return { id: 'narrative', title: '', sections: [] };
  const sections: NarrativeSection[] = part.sections.map((key, i) => ({
    id: `${part.id}-${i + 1}`,
    title: fill(common.sectionHeading, { n: chineseNumeral(i + 1), title: fill(common.sectionTitles[key], ctx.base) }),
    blocks: SECTIONS[key](ctx),
  }));
  return { id: part.id, title: fill(part.title, ctx.base), sections };
}
