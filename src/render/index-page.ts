/**
 * The landing page listing reports with a link to every output: served at / by the Worker and
 * written as index.html by the CLI for a static site.
 */
import type { Model } from '../model/derive';
import { tableLabel } from '../model/template-set';
import { linkable, type Links, type OutputSpec } from './types';
import { figureData, figureIds } from './figures';
import { documentTitle } from './html/document';
import { FAVICON_HREF } from './html/page';
import { ALL_FORMATS, FORMATS, OUTPUT_FORMATS, type Format } from './formats';
import { escapeHtml } from './html/escape';

export interface IndexEntry {
  model: Model;
  links: Links;
  alias?: string;
  versions?: number;
  /** Outputs a static site did not write, or the Worker would refuse (images over the work bounds), with the reason in Chinese. */
  skipped?: { path: string; reason: string }[];
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1d2733;--muted:#5b6673;--line:#d5dbe3;--bg:#fff;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#e6ebf1;--muted:#a3adb9;--line:#3a4450;--bg:#14191f;--accent:#7fb6ff}}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:960px;margin:0 auto;padding:24px 16px}
h1{font-size:26px;margin:0 0 4px}
p.lead{color:var(--muted);margin:0 0 24px}
article{border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 16px}
h2{font-size:20px;margin:0 0 8px}
a{color:var(--accent)}
ul{margin:4px 0 12px;padding-left:20px}
.row{display:flex;flex-wrap:wrap;gap:6px 14px;margin:2px 0 10px}
.meta{color:var(--muted);font-size:14px}
h2 small.alias{font:400 14px/1.4 ui-monospace,monospace;color:var(--muted);margin-left:6px}
code{font-size:14px}
.skipped{border-left:3px solid var(--line);padding:2px 0 2px 12px}
.skipped li{margin:2px 0}
`;

/** `<a>` to an output, or nothing when the links say it does not exist (a static site without it). */
function anchor(links: Links, spec: OutputSpec, href: string, text: string): string {
  return linkable(links, spec) ? `<a href="${escapeHtml(href)}">${text}</a>` : '';
}

/** "名称：PNG · SVG" for the formats that exist, or nothing when none does. */
function formatItem(name: string, anchors: string[]): string {
  const present = anchors.filter(Boolean);
  return present.length ? `<li>${escapeHtml(name)}：${present.join(' · ')}</li>` : '';
}

/**
 * The landing page. `formats` (a static site's --formats) is named in the lead when it leaves
 * formats out, so a reader knows why a table has no PNG, say.
 */
export function renderIndexPage(entries: IndexEntry[], options: { apiLinks?: boolean; title?: string; formats?: readonly Format[] } = {}): string {
  const title = options.title ?? '部门决算公开';
  // Two reports of one department and year (a full and a minimal payload, say) are told apart by their address.
  const titles = entries.map(({ model }) => documentTitle(model));
  const articles = entries.map(({ model, links, alias, versions }, i) => {
    const { meta } = model.payload;
    const name = alias ?? `${meta.slug}-${meta.fiscalYear}`;
    const shared = titles.filter((t) => t === titles[i]).length > 1;
    const tables = model.set.tables
      .map((t) =>
        formatItem(
          [tableLabel(model.set, t.no), t.title].filter(Boolean).join(' '),
          OUTPUT_FORMATS.table.map((f) => anchor(links, { kind: 'table', id: t.no, format: f }, links.table(t.no, f), FORMATS[f].label)),
        ),
      )
      .join('');
    const figures = figureIds(model)
      .map((id) =>
        formatItem(
          figureData(model, id).caption,
          OUTPUT_FORMATS.figure.map((f) => anchor(links, { kind: 'figure', id, format: f }, links.figure(id, f), FORMATS[f].label)),
        ),
      )
      .join('');
    const pages = [
      anchor(links, { kind: 'document', format: 'html' }, links.document(), '完整文档'),
      anchor(links, { kind: 'narrative', format: 'html' }, links.narrative(), '情况说明'),
      anchor(links, { kind: 'glossary', format: 'html' }, links.glossary(), '名词解释'),
      anchor(links, { kind: 'workbook', format: 'xlsx' }, links.workbook(), `全部表格（${FORMATS.xlsx.label}）`),
    ].join('');
    const skipped = entries[i].skipped?.length
      ? `<div class="skipped"><p class="meta">${options.apiLinks ? '以下文件不提供' : '以下文件未生成'}：</p><ul class="meta">${entries[i]
          .skipped!.map(({ path, reason }) => `<li><code>${escapeHtml(path)}</code>：${escapeHtml(reason)}</li>`)
          .join('')}</ul></div>`
      : '';
    const api =
      options.apiLinks && alias
        ? `<p class="meta">数据：<a href="/v1/reports/${escapeHtml(alias)}"><code>/v1/reports/${escapeHtml(alias)}</code></a>${versions ? `（${versions} 个版本）` : ''}</p>`
        : '';
    // The Worker's index only: the embed-and-download view (/workbench/embed) is a page of the service.
    const embed = options.apiLinks && alias ? `<a href="/workbench/embed?report=${encodeURIComponent(alias)}">嵌入与下载</a>` : '';
    return `<article><h2>${escapeHtml(titles[i])}${shared ? ` <small class="alias">${escapeHtml(name)}</small>` : ''}</h2>
<p class="meta">公开日期 ${escapeHtml(meta.publishedOn)} · <code>${escapeHtml(name)}</code></p>
${pages || embed ? `<div class="row">${pages}${embed}</div>\n` : ''}${tables ? `<ul>${tables}</ul>` : ''}${figures ? `<ul>${figures}</ul>` : ''}${skipped}${api}</article>`;
  });
  const body = articles.length
    ? articles.join('\n')
    : '<p>尚未发布任何报告。用 <code>POST /v1/reports</code> 发布，或用 <code>POST /v1/render/document.html</code> 直接渲染。</p>';
  const left = options.formats ? ALL_FORMATS.filter((f) => !options.formats!.includes(f)) : [];
  const formatNote = left.length
    ? ` · 本站只生成了 ${options.formats!.map((f) => FORMATS[f].label).join('、')} 格式，未生成 ${left.map((f) => FORMATS[f].label).join('、')}（生成时的 --formats 选项）`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="${escapeHtml(`${title}：${entries.length} 份报告的公开表、情况说明、名词解释和图`)}">
<link rel="icon" href="${FAVICON_HREF}">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p class="lead">共 ${entries.length} 份报告${formatNote}${options.apiLinks ? ' · <a href="/workbench">工作台</a>：载入决算数据或报表，检查、预览、发布 · <a href="/docs/api">接口说明</a>：供其他程序调用' : ''}</p>
${body}
${options.apiLinks ? '<p class="meta">供其他程序调用：<a href="/docs/api">接口说明</a> · <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a>（OpenAPI 3.1）· <a href="/v1/schema.json"><code>/v1/schema.json</code></a>（数据格式）</p>\n' : ''}</main></body></html>`;
}
