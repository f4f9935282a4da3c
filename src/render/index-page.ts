/**
 * The landing page listing reports with a link to every output: served at / by the Worker and
 * written as index.html by the CLI for a static site.
 */
import type { Model } from '../model/derive';
import { tableLabel } from '../model/template-set';
import type { Links } from './types';
import { figureData, figureIds } from './figures';
import { documentTitle } from './html/document';
import { FAVICON_HREF } from './html/page';
import { FORMATS, OUTPUT_FORMATS } from './formats';
import { escapeHtml } from './html/escape';

export interface IndexEntry {
  model: Model;
  links: Links;
  alias?: string;
  versions?: number;
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
`;

export function renderIndexPage(entries: IndexEntry[], options: { apiLinks?: boolean; title?: string } = {}): string {
  const title = options.title ?? '部门决算公开';
  // Two reports of one department and year (a full and a minimal payload, say) are told apart by their address.
  const titles = entries.map(({ model }) => documentTitle(model));
  const articles = entries.map(({ model, links, alias, versions }, i) => {
    const { meta } = model.payload;
    const name = alias ?? `${meta.slug}-${meta.fiscalYear}`;
    const shared = titles.filter((t) => t === titles[i]).length > 1;
    const tables = model.set.tables
      .map(
        (t) =>
          `<li>${escapeHtml([tableLabel(model.set, t.no), t.title].filter(Boolean).join(' '))}：${OUTPUT_FORMATS.table.map((f) => `<a href="${escapeHtml(links.table(t.no, f))}">${FORMATS[f].label}</a>`).join(' · ')}</li>`,
      )
      .join('');
    const figures = figureIds(model)
      .map(
        (id) =>
          `<li>${escapeHtml(figureData(model, id).caption)}：${OUTPUT_FORMATS.figure.map((f) => `<a href="${escapeHtml(links.figure(id, f))}">${FORMATS[f].label}</a>`).join(' · ')}</li>`,
      )
      .join('');
    const api =
      options.apiLinks && alias
        ? `<p class="meta">数据：<a href="/v1/reports/${escapeHtml(alias)}"><code>/v1/reports/${escapeHtml(alias)}</code></a>${versions ? `（${versions} 个版本）` : ''}</p>`
        : '';
    // The Worker's index only: the embed-and-download view (/workbench/embed) is a page of the service.
    const embed = options.apiLinks && alias ? `<a href="/workbench/embed?report=${encodeURIComponent(alias)}">嵌入与下载</a>` : '';
    return `<article><h2>${escapeHtml(titles[i])}${shared ? ` <small class="alias">${escapeHtml(name)}</small>` : ''}</h2>
<p class="meta">公开日期 ${escapeHtml(meta.publishedOn)} · <code>${escapeHtml(name)}</code></p>
<div class="row"><a href="${escapeHtml(links.document())}">完整文档</a><a href="${escapeHtml(links.narrative())}">情况说明</a><a href="${escapeHtml(links.glossary())}">名词解释</a><a href="${escapeHtml(links.workbook())}">全部表格（${FORMATS.xlsx.label}）</a>${embed}</div>
<ul>${tables}</ul>${figures ? `<ul>${figures}</ul>` : ''}${api}</article>`;
  });
  const body = articles.length
    ? articles.join('\n')
    : '<p>尚未发布任何报告。用 <code>POST /v1/reports</code> 发布，或用 <code>POST /v1/render/document.html</code> 直接渲染。</p>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="${escapeHtml(`${title}：${entries.length} 份报告的公开表、情况说明、名词解释和图`)}">
<link rel="icon" href="${FAVICON_HREF}">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p class="lead">共 ${entries.length} 份报告${options.apiLinks ? ' · <a href="/workbench">工作台</a>：载入决算数据或报表，检查、预览、发布 · <a href="/docs/api">接口说明</a>：供其他程序调用' : ''}</p>
${body}
${options.apiLinks ? '<p class="meta">供其他程序调用：<a href="/docs/api">接口说明</a> · <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a>（OpenAPI 3.1）· <a href="/v1/schema.json"><code>/v1/schema.json</code></a>（数据格式）</p>\n' : ''}</main></body></html>`;
}
