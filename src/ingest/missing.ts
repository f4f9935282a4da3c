/**
 * What a payload needs that a workbook of 公开表 does not hold: the web address and publication
 * date, the 概况 (职责, 机构), the 情况说明's inputs (上年数, reasons, 年初预算, 三公 details …), and any
 * table of the set the workbook lacks. Which of these apply follows the set's document parts and
 * 情况说明 sections (templates/sets/<id>/document.json); the paths are the payload schema's.
 */
import { BUILT_IN_FUNCTIONAL } from '../model/layout-schema';
import type { NarrativeSectionKey, TemplateSet } from '../model/template-set';
import type { Builder } from './builder';

export interface Missing {
  path: string;
  reason: string;
}

const BY_SECTION: Partial<Record<NarrativeSectionKey, Missing[]>> = {
  overall: [
    { path: '/explanation/previousYear', reason: '上年决算数（收、支总计，收入、支出合计，财政拨款等），情况说明写增减变化时需要；工作簿中只有本年数' },
    { path: '/explanation/reasons', reason: '各项增减变化的主要原因（文字），工作簿中没有' },
  ],
  gpb: [
    { path: '/explanation/annualBudget', reason: '一般公共预算财政拨款支出的年初预算数（按项级科目）、与决算差异的原因和主要用途，工作簿中没有' },
    { path: '/explanation/mainProjects', reason: '项目支出的主要项目（名称、执行数、预算数），工作簿中没有' },
  ],
  threePublic: [
    { path: '/explanation/threePublicDetail', reason: '“三公”经费的明细：出国团组和人次、公务用车数量、公务接待批次和人次、国内与外事接待，工作簿中没有' },
  ],
  operatingCosts: [{ path: '/explanation/operatingCosts', reason: '机关运行经费支出数（行政单位和参公事业单位必填），工作簿中没有' }],
  procurement: [{ path: '/explanation/procurement', reason: '政府采购支出（货物、工程、服务，授予中小企业合同金额），工作簿中没有' }],
  assets: [{ path: '/explanation/assets', reason: '国有资产占用情况（车辆、单价 100 万元以上设备），工作簿中没有' }],
  performance: [{ path: '/performance', reason: '预算绩效管理情况与绩效自评结果，工作簿中没有' }],
  generalExpense: [{ path: '/explanation/generalExpense', reason: '一般性支出（会议费、培训费）情况，工作簿中没有' }],
  otherMatters: [{ path: '/explanation/otherMatters', reason: '其他重要事项情况说明（文字），工作簿中没有' }],
  scopeNotes: [{ path: '/explanation/scopeNotes', reason: '相关口径说明（文字），工作簿中没有' }],
};

/** Where a table of the set keeps its data in the payload. */
function tablePath(set: TemplateSet, key: string): string {
  const layout = set.layouts[key];
  if ((BUILT_IN_FUNCTIONAL as readonly string[]).includes(key) || !layout?.data) {
    // A view of a built-in table (e.g. 项目支出 from 05's project column) lives where its segment reads from.
    const functional = layout?.body.find((s) => s.type === 'functional');
    if (functional && functional.type === 'functional' && !(BUILT_IN_FUNCTIONAL as readonly string[]).includes(key)) {
      return (BUILT_IN_FUNCTIONAL as readonly string[]).includes(functional.table) ? `/tables/${functional.table}` : `/tables/custom/${functional.table}`;
    }
    return `/tables/${key}`;
  }
  return `/tables/custom/${key}`;
}

export function missingInputs(set: TemplateSet, builder: Builder, found: Set<string>, meta: { department: boolean; year: boolean }): Missing[] {
  const out: Missing[] = [];
  const add = (m: Missing) => {
    if (!out.some((x) => x.path === m.path)) out.push(m);
  };
  if (!meta.department) add({ path: '/meta/department', reason: '部门（单位）全称：工作表中没有找到“编制单位：…”' });
  if (!meta.year) add({ path: '/meta/fiscalYear', reason: '会计年度：表的标题中没有找到“2024 年度”这样的年度' });
  add({ path: '/meta/slug', reason: '发布网址所用的英文别名（如 wuhan-jianghan-cyzx），工作簿中没有' });
  add({ path: '/meta/publishedOn', reason: '公开日期（如 2025-10-31），工作簿中没有' });
  add({ path: '/meta/unitType', reason: '单位性质（行政单位、参照公务员法管理事业单位、事业单位或其他），审核机关运行经费时需要，工作簿中没有' });
  for (const ref of set.tables) {
    if (found.has(ref.key)) continue;
    const label = set.layouts[ref.key]?.label;
    const no = label ? label.replace('{no}', ref.no) : `表${ref.no}`;
    add({ path: tablePath(set, ref.key), reason: `工作簿中没有《${ref.title}》（${no}）这张表` });
  }
  for (const part of set.document.parts) {
    if (part.kind === 'overview') {
      add({ path: '/overview/duties', reason: '部门主要职责（逐条），工作簿中没有' });
      add({ path: '/overview/organization', reason: '机构设置情况（可选），工作簿中没有' });
    }
    if (part.kind === 'narrative') {
      for (const section of part.sections) for (const m of BY_SECTION[section] ?? []) add(m);
      if (part.sections.includes('fund') && builder.rowCount('/tables/fund') > 0) {
        add({ path: '/explanation/fundBudget', reason: '政府性基金预算财政拨款支出的年初预算数和差异原因，工作簿中没有' });
      }
      if (part.sections.includes('stateCapital') && builder.rowCount('/tables/stateCapital') > 0) {
        add({ path: '/explanation/stateCapitalBudget', reason: '国有资本经营预算财政拨款支出的年初预算数和差异原因，工作簿中没有' });
      }
    }
    if (part.kind === 'keyWork') add({ path: '/keyWork', reason: '重点工作完成情况，工作簿中没有' });
    if (part.kind === 'attachments') add({ path: '/performance', reason: '预算绩效管理情况与绩效自评表，工作簿中没有' });
  }
  return out;
}
