/**
 * One table of 第二部分 as HTML: a full page or a section of the document. CSV and JSON are in
 * ../table/; all three come from the same built grid (../table/grid.ts).
 */
import type { Model } from '../../model/derive';
import { linkable, type RenderContext, type TableFormat } from '../types';
import { escapeHtml } from './escape';
import { buildTable } from '../table/grid';
import { renderPage, reportChrome } from './page';
import { tableSectionHtml } from './table-html';

/** Links to the Excel, CSV and JSON of a table, when the page knows where they live. */
export function downloadLinks(no: string, ctx: RenderContext): string {
  const links = ctx.links;
  if (!links || ctx.params.embed) return '';
  const offered: [TableFormat, string, string][] = [
    ['xlsx', 'Excel', ' download'],
    ['csv', 'CSV', ' download'],
    ['json', 'JSON', ''],
  ];
  // A static site written without some of these formats links only the files it has.
  const anchors = offered
    .filter(([format]) => linkable(links, { kind: 'table', id: no, format }))
    .map(([format, label, download]) => `<a href="${escapeHtml(links.table(no, format))}"${download}>${label}</a>`);
  return anchors.length ? `\n<p class="downloads">下载数据：${anchors.join('')}</p>` : '';
}

/** The table as an HTML fragment (<section>) for use inside a larger page. */
export function renderTableSection(model: Model, id: string, ctx: RenderContext): string {
  return tableSectionHtml(buildTable(model, id), { after: downloadLinks(id, ctx) });
}

/**
 * Table `id` ("01".."09") as a full HTML page. Unknown ids throw ProblemError(404).
 * @example renderTableHtml(model, '01', { params: DEFAULT_PARAMS })
 */
export function renderTableHtml(model: Model, id: string, ctx: RenderContext): string {
  const table = buildTable(model, id);
  const { meta } = model.payload;
  const header = reportChrome(model, ctx);
  const heading = ctx.params.embed ? '' : `<h1 class="visually-hidden">${escapeHtml(table.title)}</h1>\n`;
  return renderPage({
    ctx,
    title: `${table.title}${table.label ? `（${table.label}）` : ''} — ${meta.department}`,
    header,
    main: heading + tableSectionHtml(table, { after: downloadLinks(id, ctx) }),
    embedId: `${meta.slug}-${meta.fiscalYear}-table-${table.no}`,
  });
}
