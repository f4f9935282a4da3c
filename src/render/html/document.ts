/**
 * The whole publication as one HTML page: cover and 目录, then the parts in the template set's
 * order (document.json `parts`; national: 第一部分 概况, 第二部分 the tables, 第三部分 情况说明,
 * 第四部分 重点工作, 第五部分 名词解释 and 咨询电话, 第六部分 附件 绩效自评表).
 */
import { auditReport } from '../../audit';
import type { Model } from '../../model/derive';
import { tableName } from '../../model/template-set';
import type { RenderContext } from '../types';
import { glossarySectionWithToc, narrativeSectionWithToc, type TocEntry } from '../narrative';
import { escapeHtml, escapeMultiline } from './escape';
import { spaceNumbers } from '../narrative/text';
import { dataPath } from '../narrative/blocks';
import { layoutSet, type DocumentTexts } from '../layout';
import { renderPage } from './page';
import { attachmentHeadings, attachmentsHtml } from './performance';
import { renderTableSection } from './tables';
import { chineseNumeral, fill, formatDate } from '../../model/text';


/** Drops a leading "1、" / "一、" the clerk may have typed, since we number lists ourselves. */
function stripNumbering(text: string): string {
  return text.replace(/^\s*(?:\d+|[一二三四五六七八九十]+)\s*[、.．]\s*/, '');
}

/** Typed text, one paragraph a line; `pointer`: where it is in the payload, written as data-path. */
function paragraphs(text: string, spaced: (text: string) => string, pointer: string): string {
  return text
    .split(/\r?\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p${dataPath([pointer])}>${escapeHtml(spaced(p))}</p>`)
    .join('\n');
}

/** Typed prose follows the set's one spacing rule for numbers, like the generated 情况说明. */
function spacer(model: Model): (text: string) => string {
  const mode = model.set.narrative.common.numberSpacing as 'space' | 'none';
  return (text) => spaceNumbers(text, mode);
}

function tocHtml(entries: TocEntry[], title: string): string {
  const list = (items: TocEntry[]): string =>
    `<ol>${items
      .map((e) => `<li><a href="#${e.id}">${escapeHtml(e.title)}</a>${e.children?.length ? list(e.children) : ''}</li>`)
      .join('')}</ol>`;
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(title)}</h2>${list(entries)}</nav>`;
}

function overviewHtml(model: Model, texts: DocumentTexts): string {
  const { meta, overview } = model.payload;
  const o = texts.overview;
  const duties = overview.duties.length
    ? `<ol class="duties">${overview.duties
        .map((d, i) => `<li${dataPath([`/overview/duties/${i}`])}><span class="num">${i + 1}、</span>${escapeMultiline(spacer(model)(stripNumbering(d)))}</li>`)
        .join('\n')}</ol>`
    : '';
  const composition = fill(o.composition, { department: meta.department, count: meta.subordinateUnits.length });
  const unitList = meta.subordinateUnits.map((u) => (typeof u === 'string' ? { name: u, note: undefined } : u));
  const intro = `<p>${escapeHtml(fill(o.unitsIntro, { department: meta.department, year: meta.fiscalYear }))}</p>`;
  let units = '';
  if (unitList.length && o.unitsTable) {
    // The set prints the units as a table with a 备注 column.
    const head = o.unitsTable.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
    const rows = unitList
      .map((u, i) => `<tr><td class="center">${i + 1}</td><th scope="row">${escapeHtml(u.name)}</th><td>${escapeHtml(u.note ?? '')}</td></tr>`)
      .join('\n');
    units = `${intro}<div class="table-block"><table class="jt form units-table"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>`;
  } else if (unitList.length) {
    units = `${intro}<ol class="units">${unitList
      .map((unit, i) => {
        // A unit is a name, or a name with its 备注 ("预算不单列，并入本级").
        const text = unit.note ? fill(o.unitWithNote, { name: unit.name, note: unit.note }) : fill(o.unit, { name: unit.name });
        return `<li>${i + 1}. ${escapeHtml(text)}</li>`;
      })
      .join('')}</ol>`;
  }
  const organization = overview.organization ? paragraphs(overview.organization, spacer(model), '/overview/organization') : '';
  return `<section id="${o.duties.id}"><h3>${escapeHtml(o.duties.title)}</h3>
${duties}
</section>
<section id="${o.organization.id}"><h3>${escapeHtml(o.organization.title)}</h3>
<p>${escapeHtml(composition)}</p>
${units}${organization}
</section>`;
}

function keyWorkHtml(model: Model, texts: DocumentTexts): string {
  const keyWork = model.payload.keyWork;
  const year = model.payload.meta.fiscalYear;
  if (!keyWork || (!keyWork.sections.length && !keyWork.table.length)) {
    return `<p class="pending">${escapeHtml(texts.keyWork.none)}</p>`;
  }
  const sections = keyWork.sections
    .map(
      (s, i) => `<section id="part4-${i + 1}"><h3>${chineseNumeral(i + 1)}、${escapeHtml(stripNumbering(s.title))}</h3>
${paragraphs(s.text, spacer(model), `/keyWork/sections/${i}/text`)}
</section>`,
    )
    .join('\n');
  if (!keyWork.table.length) return sections;
  const head = texts.keyWork.tableHeader.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = keyWork.table
    .map(
      (r, i) =>
        `<tr${dataPath([`/keyWork/table/${i}`])}><td class="center">${i + 1}</td><th scope="row">${escapeHtml(r.item)}</th><td>${escapeMultiline(spacer(model)(r.content))}</td><td>${escapeMultiline(spacer(model)(r.result))}</td></tr>`,
    )
    .join('\n');
  return `${sections}
<div class="table-block" id="part4-table">
<div class="table-scroll" role="region" aria-labelledby="part4-table-caption" tabindex="0">
<table class="jt form keywork">
<caption id="part4-table-caption"><span class="cap-title">${escapeHtml(fill(texts.keyWork.tableTitle, { year }))}</span></caption>
<colgroup><col style="width:7%"><col style="width:18%"><col style="width:40%"><col style="width:35%"></colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</div>`;
}

/**
 * The publication's title as the template set words it.
 * @example documentTitle(model) // "2024 年度武汉市江汉区城市运行管理中心 部门决算公开"
 */
export function documentTitle(model: Model): string {
  const { meta } = model.payload;
  return fill(layoutSet(model.set.id).document.title, { year: meta.fiscalYear, department: meta.department });
}

/**
 * 数据说明 (a template-set option, document.json `dataNote`): one line per acknowledged finding with
 * the reason the payload gives, so the document goes out with the truth attached. Empty when the
 * set has no such note or nothing is acknowledged.
 */
function dataNoteHtml(model: Model, texts: DocumentTexts): string {
  const note = texts.dataNote;
  // Only acknowledged findings are listed: without acknowledgements there is nothing to audit for.
  if (!note || !model.payload.audit?.acknowledged?.length) return '';
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const finding of auditReport(model).acknowledged) {
    if (seen.has(finding.acknowledgement)) continue;
    seen.add(finding.acknowledgement);
    const table = model.set.tables.find((t) => finding.paths[0].startsWith(`/tables/${t.key}/`));
    const where = table ? tableName(model.set, table.key) : note.elsewhere;
    lines.push(fill(note.item, { n: lines.length + 1, table: where, reason: finding.reason }));
  }
  if (lines.length === 0) return '';
  return `
<section class="data-note" id="data-note" aria-labelledby="data-note-title">
<h3 id="data-note-title">${escapeHtml(note.title)}</h3>
<p>${escapeHtml(note.intro)}</p>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
</section>`;
}

/**
 * The full publication as one HTML page.
 * @example renderDocumentHtml(model, { params: DEFAULT_PARAMS }) // "<!doctype html>…第一部分…"
 */
export function renderDocumentHtml(model: Model, ctx: RenderContext): string {
  const texts = layoutSet(model.set.id).document;
  const { meta } = model.payload;
  const values = { year: meta.fiscalYear, department: meta.department };
  const title = fill(texts.title, values);
  const section = (p: { id: string; title: string }, body: string, extraClass = '') =>
    `<section class="part${extraClass}" id="${p.id}" aria-labelledby="${p.id}-title">
<h2 id="${p.id}-title">${escapeHtml(p.title)}</h2>
${body}
</section>`;

  // The parts in the template set's order; the 目录 follows them.
  const toc: TocEntry[] = [];
  const bodies: string[] = [];
  let narrativeIndex = 0;
  for (const part of texts.parts) {
    const p = { id: part.id, title: fill(part.title, values) };
    switch (part.kind) {
      case 'overview':
        toc.push({
          ...p,
          children: [
            { id: texts.overview.duties.id, title: texts.overview.duties.title },
            { id: texts.overview.organization.id, title: texts.overview.organization.title },
          ],
        });
        bodies.push(section(p, overviewHtml(model, texts), ' prose'));
        break;
      case 'tables': {
        // {n}: 一、二、… by position; {no}: the table's own number.
        const heading = (i: number, t: { no: string; title: string }) =>
          fill(texts.tableHeading, { n: chineseNumeral(i + 1), no: t.no, title: t.title });
        toc.push({ ...p, children: model.set.tables.map((t, i) => ({ id: `table-${t.no}`, title: heading(i, t) })) });
        const tables = model.set.tables
          .map((t, i) => `<h3 class="visually-hidden">${escapeHtml(heading(i, t))}</h3>\n${renderTableSection(model, t.no, ctx)}`)
          .join('\n');
        bodies.push(section(p, tables + dataNoteHtml(model, texts)));
        break;
      }
      case 'narrative': {
        // The narrative renderer returns a whole <section class="part"> (heading included).
        const { html, toc: entry } = narrativeSectionWithToc(model, ctx, narrativeIndex++);
        toc.push(entry);
        bodies.push(html);
        break;
      }
      case 'keyWork':
        toc.push(p);
        bodies.push(section(p, keyWorkHtml(model, texts), ' prose'));
        break;
      case 'glossary': {
        // With the 咨询电话 line inside.
        const { html, toc: entry } = glossarySectionWithToc(model, ctx);
        toc.push(entry);
        bodies.push(html);
        break;
      }
      case 'attachments': {
        toc.push({ ...p, children: attachmentHeadings(model, texts) });
        const body = attachmentsHtml(model, texts) || `<p class="pending">${escapeHtml(texts.attachmentsNone)}</p>`;
        bodies.push(section(p, body));
        break;
      }
    }
  }

  const main = `<article class="doc">
<header class="cover">
<h1>${escapeHtml(title)}</h1>
<p class="date">${escapeHtml(formatDate(meta.publishedOn))}</p>
</header>
${tocHtml(toc, texts.tocTitle)}
${bodies.join('\n')}
</article>`;

  return renderPage({
    ctx,
    title,
    main,
    embedId: `${meta.slug}-${meta.fiscalYear}-document`,
    extraCss: DOCUMENT_CSS,
    // What the publication holds, in the set's own part titles.
    description: `${title}：${texts.parts.map((part) => fill(part.title, values)).join('；')}`,
  });
}

const DOCUMENT_CSS = `
.cover{text-align:center;margin:8px 0 32px}
.cover h1{margin-bottom:4px}
.cover .date{color:var(--muted);text-indent:0}
.toc{border:1px solid var(--rule);border-radius:4px;padding:8px 24px 16px;margin:0 0 32px}
.toc h2{border:0;text-align:center;margin:12px 0 8px;letter-spacing:.5em}
.toc ol{list-style:none;margin:0;padding:0}
.toc ol ol{padding-left:2em;font-size:15px}
.toc li{margin:2px 0}
.toc a{text-decoration:none}
.toc a:hover{text-decoration:underline}
.duties .num{margin-right:.1em}
.contact{margin-top:20px;font-weight:600}
.prose .table-block p,.prose table p,.prose .pending{text-indent:0}
.prose td li,.prose .toc li{text-indent:0}
@media (max-width:640px){.toc{padding:4px 14px 12px}.toc ol ol{padding-left:1.2em}}
@media print{.toc{border:0;padding:0;margin:0;break-after:page;font-size:10pt;line-height:1.45}.toc ol ol{font-size:10pt}.toc h2{margin:0 0 6pt}.cover{margin:6mm 0 8mm}.cover h1{font-size:20pt}}
`;
