/**
 * 第六部分 附件: the 部门整体支出绩效自评表 and the 项目支出绩效自评表, drawn as real tables in the
 * layout of the published forms (6 columns; label cells span two; indicator levels grouped with
 * rowspan). 执行率 is computed here from the amounts, never typed by hand.
 */
import type { Model } from '../../model/derive';
import { formatAmount, percent, type Cents } from '../../schema/money';
import type { Payload } from '../../schema/payload';
import { escapeHtml, escapeMultiline } from './escape';
import type { DocumentTexts } from '../layout';
import { chineseNumeral, fill, formatDate } from '../../model/text';

type Performance = NonNullable<Payload['performance']>;
type Indicator = Performance['projects'][number]['indicators'][number];
type Overall = NonNullable<Performance['overall']>;
type Project = Performance['projects'][number];

function amount(cents: Cents | null | undefined): string {
  return cents === null || cents === undefined || cents === 0 ? '' : formatAmount(cents);
}

/** 执行率 (B/A) to `decimals` places, half-up; blank when there is no budget to divide by. */
export function executionRate(executed: Cents | null | undefined, budget: Cents | null | undefined, decimals: number): string {
  if (executed === null || executed === undefined || !budget) return '';
  const rate = percent(executed, budget, decimals);
  return rate === null ? '' : `${rate}%`;
}

const COLGROUP = '<colgroup><col style="width:9%"><col style="width:13%"><col style="width:16%"><col style="width:24%"><col style="width:19%"><col style="width:19%"></colgroup>';

/** Indicator rows with 一级/二级 cells merged over consecutive equal values. */
function indicatorRows(indicators: Indicator[], label: string, targetTitle: string, prefix: string, pointer: string): string {
  const n = indicators.length;
  const head = `<tr><th scope="rowgroup" rowspan="${n + 1}" id="${prefix}-ind">${escapeHtml(label)}</th><th scope="col">一级指标</th><th scope="col">二级指标</th><th scope="col">三级指标</th><th scope="col">${escapeHtml(targetTitle)}</th><th scope="col">实际完成值（B）</th></tr>`;
  const runLength = (i: number, same: (a: Indicator, b: Indicator) => boolean) => {
    let j = i + 1;
    while (j < n && same(indicators[i], indicators[j])) j++;
    return j - i;
  };
  const rows: string[] = [];
  let level1Left = 0;
  let level2Left = 0;
  indicators.forEach((ind, i) => {
    const cells: string[] = [];
    if (level1Left === 0) {
      level1Left = ind.level1 ? runLength(i, (a, b) => b.level1 === a.level1) : 1;
      cells.push(`<td class="center"${level1Left > 1 ? ` rowspan="${level1Left}"` : ''}>${escapeHtml(ind.level1)}</td>`);
    }
    if (level2Left === 0) {
      const limit = level1Left;
      level2Left = ind.level2
        ? Math.min(limit, runLength(i, (a, b) => b.level2 === a.level2 && b.level1 === a.level1))
        : 1;
      cells.push(`<td class="center"${level2Left > 1 ? ` rowspan="${level2Left}"` : ''}>${escapeHtml(ind.level2)}</td>`);
    }
    level1Left--;
    level2Left--;
    cells.push(`<td>${escapeHtml(ind.level3)}</td><td>${escapeHtml(ind.target)}</td><td>${escapeHtml(ind.actual)}</td>`);
    // data-path: the indicator's JSON pointer, for tools that point a finding at its row (the workbench).
    rows.push(`<tr data-path="${pointer}/indicators/${i}">${cells.join('')}</tr>`);
  });
  return [head, ...rows].join('\n');
}

function formCaption(title: string, hidden: string, unit: string, date: string | undefined, texts: DocumentTexts['attachments']): string {
  const dateLine = date ? `<span class="cap-right">${escapeHtml(fill(texts.dateLine, { date: formatDate(date, { spaced: false }) }))}</span>` : '';
  return `<caption><span class="cap-title">${escapeHtml(title)}${hidden ? `<span class="visually-hidden">（${escapeHtml(hidden)}）</span>` : ''}</span><span class="cap-meta"><span>${escapeHtml(fill(texts.unitLine, { unit }))}</span>${dateLine}</span></caption>`;
}

function notesHtml(notes: string[]): string {
  return `<div class="table-notes"><p>备注：</p>${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`;
}

function wideRow(label: string, value: string): string {
  return `<tr><th scope="row" colspan="2">${escapeHtml(label)}</th><td colspan="4">${value}</td></tr>`;
}

function overallTable(
  model: Model,
  overall: Overall,
  texts: DocumentTexts['attachments'],
  decimals: number,
  rateNote: string | null,
): string {
  const year = model.payload.meta.fiscalYear;
  const goals = overall.goals.length ? overall.goals : [''];
  const rows = [
    wideRow('单位名称', escapeHtml(overall.unitName)),
    `<tr><th scope="row" colspan="2">${escapeHtml(basisLabel('基本支出总额', overall.basicExpenseBasis, texts))}</th><td class="num" data-path="/performance/overall/basicExpense">${amount(overall.basicExpense)}</td><th scope="row">${escapeHtml(basisLabel('项目支出总额', overall.projectExpenseBasis, texts))}</th><td class="num" colspan="2" data-path="/performance/overall/projectExpense">${amount(overall.projectExpense)}</td></tr>`,
    `<tr><th scope="rowgroup" rowspan="2" colspan="2">预算执行情况（万元）</th><td></td><th scope="col">预算数（A）</th><th scope="col">执行数（B）</th><th scope="col">执行率（B/A）</th></tr>`,
    `<tr><th scope="row">部门整体支出总额</th><td class="num" data-path="/performance/overall/budget">${amount(overall.budget)}</td><td class="num" data-path="/performance/overall/executed">${amount(overall.executed)}</td><td class="num">${escapeHtml(executionRate(overall.executed, overall.budget, decimals))}</td></tr>`,
    ...goals.map((goal, i) => wideRow(`年度目标${i + 1}：`, escapeMultiline(goal))),
    indicatorRows(overall.indicators, '年度绩效指标', '年初目标（A）', 'overall', '/performance/overall'),
    wideRow('偏差大或目标未完成原因分析', escapeMultiline(overall.deviationReason)),
    wideRow('改进措施及结果应用方案', escapeMultiline(overall.improvement)),
  ];
  const title = fill(texts.overall.title, { year });
  return formBlock('attachment-overall', title, formCaption(title, '', overall.unitName, overall.filledOn, texts), rows, overallNotes(overall, texts, rateNote));
}

/** "项目支出总额（预算数）" when the figure is a budget: a label never calls a budget 实际支出数. */
function basisLabel(label: string, basis: 'actual' | 'budget', texts: DocumentTexts['attachments']): string {
  return basis === 'budget' ? fill(texts.expenseBasis.budgetLabel, { label }) : label;
}

/** The form's 备注, note 2 rewritten when either total is a budget, plus the rate note when needed. */
function overallNotes(overall: Overall, texts: DocumentTexts['attachments'], rateNote: string | null): string[] {
  const notes = [...texts.overallNotes];
  const b = texts.expenseBasis;
  if (overall.basicExpenseBasis !== 'actual' || overall.projectExpenseBasis !== 'actual') {
    notes[b.noteIndex] = fill(b.note, { basic: b.names[overall.basicExpenseBasis], project: b.names[overall.projectExpenseBasis] });
  }
  return withRateNote(notes, rateNote);
}

function withRateNote(notes: string[], rateNote: string | null): string[] {
  return rateNote ? [...notes, rateNote.replace('{n}', String(notes.length + 1))] : notes;
}

/** One self-evaluation form: a scrollable, labelled table with its caption, rows and 备注. */
function formBlock(id: string, label: string, caption: string, rows: string[], notes: string[]): string {
  return `<div class="table-block" id="${id}">
<div class="table-scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">
<table class="jt form">
${caption}
${COLGROUP}
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
${notesHtml(notes)}
</div>`;
}

/** "1、经常性项目 ☑" — the form's tick box, with words for screen readers. */
function checkMark(index: number, option: string, on: boolean): string {
  return `<span class="check">${index + 1}、${escapeHtml(option)} <span aria-hidden="true">${on ? '☑' : '☐'}</span><span class="visually-hidden">${on ? '（是）' : '（否）'}</span></span>`;
}

function checks(options: string[], selected: string): string {
  return options.map((option, i) => checkMark(i, option, option === selected)).join(' ');
}

function projectTable(
  model: Model,
  project: Project,
  index: number,
  texts: DocumentTexts['attachments'],
  decimals: number,
  rateNote: string | null,
): string {
  const { payload } = model;
  const year = payload.meta.fiscalYear;
  const pointer = `/performance/projects/${index - 1}`;
  const unit = project.unitName ?? payload.performance?.overall?.unitName ?? payload.meta.department;
  const funding = texts.fundingSources
    .map((source, i) => {
      const on = source === project.fundingSource;
      const money = on ? amount(project.fundingAmount ?? project.budget) : '';
      return `${checkMark(i, source, on)}<span>资金量：${money}</span>`;
    })
    .join('');
  const rows = [
    wideRow('项目名称', escapeHtml(project.name)),
    `<tr><th scope="row" colspan="2">主管部门</th><td>${escapeHtml(project.supervisor)}</td><th scope="row">项目实施单位</th><td colspan="2">${escapeHtml(project.implementer)}</td></tr>`,
    wideRow('项目类型', checks(texts.projectTypes, project.projectType)),
    wideRow('预算来源及资金规模', `<div class="fund-lines">${funding}</div>`),
    `<tr><th scope="rowgroup" rowspan="2" colspan="2">预算执行情况（万元）</th><td></td><th scope="col">预算数（A）</th><th scope="col">执行数（B）</th><th scope="col">执行率（B/A）</th></tr>`,
    `<tr><th scope="row">年度财政资金总额</th><td class="num" data-path="${pointer}/budget">${amount(project.budget)}</td><td class="num" data-path="${pointer}/executed">${amount(project.executed)}</td><td class="num">${escapeHtml(executionRate(project.executed, project.budget, decimals))}</td></tr>`,
    indicatorRows(project.indicators, '项目年度绩效指标', '年初目标值（A）', `project-${index}`, pointer),
    wideRow('偏差大或目标未完成原因分析', escapeMultiline(project.deviationReason)),
    wideRow('改进措施及结果应用方案', escapeMultiline(project.improvement)),
  ];
  const title = fill(texts.projects.title, { year });
  return formBlock(
    `attachment-project-${index}`,
    `${title}（${project.name}）`,
    formCaption(title, project.name, unit, project.filledOn, texts),
    rows,
    withRateNote(texts.projectNotes, rateNote),
  );
}

export interface AttachmentHeading {
  id: string;
  title: string;
}

/** Headings of 第六部分 (for the 目录), in order. */
export function attachmentHeadings(model: Model, texts: DocumentTexts): AttachmentHeading[] {
  const perf = model.payload.performance;
  const { fiscalYear: year, department } = model.payload.meta;
  const out: AttachmentHeading[] = [];
  if (perf?.overall) {
    out.push({ id: 'part6-overall', title: fill(texts.attachments.overall.heading, { ordinal: chineseNumeral(out.length + 1), year, department }) });
  }
  if (perf && perf.projects.length) {
    out.push({ id: 'part6-projects', title: fill(texts.attachments.projects.heading, { ordinal: chineseNumeral(out.length + 1), year, department }) });
  }
  return out;
}

/** Body of 第六部分 (without its part heading). Empty string when there are no self-evaluations. */
export function attachmentsHtml(model: Model, texts: DocumentTexts): string {
  const perf = model.payload.performance;
  if (!perf) return '';
  const headings = attachmentHeadings(model, texts);
  const p = texts.attachments.precision;
  const precision = (d: number) => (d === 0 ? p.integer : fill(p.decimals, { decimals: d }));
  // One precision rule for the document; a form convention that differs is stated in the forms' 备注.
  const textDecimals = model.payload.options.percentDecimals;
  const decimals = perf.rateDecimals ?? textDecimals;
  const rateNote =
    decimals === textDecimals
      ? null
      : fill(texts.attachments.rateNote, { n: '{n}', formPrecision: precision(decimals), textPrecision: precision(textDecimals) });
  const parts: string[] = [];
  let h = 0;
  if (perf.overall) {
    const heading = headings[h++];
    parts.push(`<section id="${heading.id}"><h3>${escapeHtml(heading.title)}</h3>\n${overallTable(model, perf.overall, texts.attachments, decimals, rateNote)}\n</section>`);
  }
  if (perf.projects.length) {
    const heading = headings[h++];
    const tables = perf.projects.map((p, i) => projectTable(model, p, i + 1, texts.attachments, decimals, rateNote));
    parts.push(`<section id="${heading.id}"><h3>${escapeHtml(heading.title)}</h3>\n${tables.join('\n')}\n</section>`);
  }
  return parts.join('\n');
}
