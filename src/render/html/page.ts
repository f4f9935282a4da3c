/**
 * The page shell every HTML output shares: one self-contained document (inline CSS, no external
 * requests, system Chinese fonts), light/dark themes, print rules for A4, and an embed mode
 * without page chrome that reports its height to the host page.
 */
import type { Model } from '../../model/derive';
import { fill } from '../../model/text';
import { layoutSet } from '../layout';
import type { RenderContext } from '../types';
import { embedChildScript } from './embed';
import { escapeHtml } from './escape';

export interface PageOptions {
  ctx: RenderContext;
  /** Text of <title> (escaped here). */
  title: string;
  /** HTML inside <main>. */
  main: string;
  /** Page chrome above <main> (navigation, department line); dropped in embed mode. */
  header?: string;
  /** Page chrome below <main>; dropped in embed mode. */
  footer?: string;
  /** Name of the embed in Datawrapper's height message; defaults to the title. */
  embedId?: string;
  /** Extra CSS appended after the shared style sheet. */
  extraCss?: string;
  /** <meta name="description"> for search results and link previews (escaped here); defaults to the title. */
  description?: string;
}

/**
 * The navigation line of a stand-alone page of a report (a table, 情况说明, 名词解释): the
 * document's title and a link to the whole document, when the page knows where it lives.
 */
export function reportChrome(model: Model, ctx: RenderContext): string {
  // The template set's document title (documentTitle in document.ts, which imports this module).
  const { meta } = model.payload;
  const docTitle = fill(layoutSet(model.set.id).document.title, { year: meta.fiscalYear, department: meta.department });
  const back = ctx.links ? `<a href="${escapeHtml(ctx.links.document())}">查看完整公开文档</a>` : '';
  return `<header class="chrome"><span class="site">${escapeHtml(docTitle)}</span>${back}</header>`;
}

/**
 * The site icon, inline so a page asks nothing of the network (browsers otherwise request
 * /favicon.ico and log a 404): a ledger page with a bar, in the accent colour.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="4" y="2" width="24" height="28" rx="3" fill="#0b57a4"/><rect x="9" y="8" width="14" height="2.5" fill="#fff"/><rect x="9" y="14" width="14" height="2.5" fill="#fff"/><rect x="9" y="20" width="8" height="2.5" fill="#fff"/></svg>';

/** FAVICON_SVG as the href of <link rel="icon">. */
export const FAVICON_HREF = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;

/** Below this viewport width (CSS px) figures use their narrow (portrait) drawing. */
export const NARROW_MEDIA_MAX = 819;

const SANS = `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","Noto Sans SC",sans-serif`;
const SERIF = `"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun","Noto Serif SC",serif`;

const LIGHT = `--bg:#ffffff;--fg:#1b1b1b;--muted:#5c5c5c;--line:#4a4a4a;--rule:#d4d4d4;--head-bg:rgba(0,0,0,.05);--total-bg:rgba(0,0,0,.028);--accent:#0b57a4;--note-bg:rgba(0,0,0,.035)`;
const DARK = `--bg:#15171a;--fg:#e6e6e6;--muted:#a6a6a6;--line:#8d8d8d;--rule:#3d4248;--head-bg:rgba(255,255,255,.07);--total-bg:rgba(255,255,255,.04);--accent:#8fc2ff;--note-bg:rgba(255,255,255,.05)`;

/** The shared style sheet (exported so other renderers can reuse its classes). */
export const PAGE_CSS = `
:root{color-scheme:light;${LIGHT}}
@media (prefers-color-scheme:dark){:root:not(.theme-light){color-scheme:dark;${DARK}}}
:root.theme-dark{color-scheme:dark;${DARK}}
:root.theme-light{color-scheme:light;${LIGHT}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.75 ${SANS};font-kerning:normal}
html.embed,html.embed body,html.bg-transparent,html.bg-transparent body{background:transparent}
html.embed:not(.bg-transparent) .table-scroll{background-color:var(--bg)}
a{color:var(--accent)}
a:focus-visible,.table-scroll:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
main{max-width:1120px;margin:0 auto;padding:24px 20px 48px}
html.embed main{max-width:none;padding:1px}
html.embed .table-block{margin:0 0 4px}
html.embed h1:first-child{margin-top:0}
.chrome{max-width:1120px;margin:0 auto;padding:12px 20px;display:flex;flex-wrap:wrap;gap:4px 16px;align-items:baseline;justify-content:space-between;border-bottom:1px solid var(--rule);font-size:14px;color:var(--muted)}
.chrome .site{color:var(--fg);font-weight:600}
footer.chrome{border-bottom:0;border-top:1px solid var(--rule);margin-top:8px}
h1,h2,h3,h4{font-family:${SERIF};font-weight:700;line-height:1.4}
h1{font-size:28px;text-align:center;margin:24px 0 8px;text-wrap:balance}
h2{font-size:22px;margin:40px 0 16px;padding-bottom:6px;border-bottom:2px solid var(--fg)}
h3{font-size:18px;margin:28px 0 12px}
h4{font-size:16px;margin:20px 0 8px}
p{margin:0 0 12px}
.prose p,.prose li{text-indent:2em}
.prose ol,.prose ul{list-style:none;margin:0 0 12px;padding:0}
.prose li{margin:0 0 8px}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.muted{color:var(--muted)}
.pending{color:var(--muted);border:1px dashed var(--rule);padding:12px 16px;border-radius:4px;text-indent:0}
figure{margin:16px 0 28px}
figure.chart{margin:16px auto 28px;max-width:800px;text-align:center}
figure.chart svg,figure.chart img{display:block;max-width:100%;height:auto;margin:0 auto}
figure.chart .chart-narrow,figure.chart .print-only{display:none}
@media screen and (max-width:${NARROW_MEDIA_MAX}px){
  figure.chart{max-width:480px}
  figure.chart .chart-wide{display:none}
  figure.chart .chart-narrow{display:block}
  figure.chart .chart-narrow svg,figure.chart picture img{width:100%}
}
.table-block{margin:28px 0 36px}
/* position:relative keeps visually hidden text inside the box that clips it (else the page scrolls sideways). */
.table-scroll{position:relative;overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;container-type:inline-size scroll-state}
/* Where the browser can tell (scroll-state queries), a table wider than its box says so under its title. */
@container scroll-state(scrollable: inline){.jt caption .cap-title::after{content:"（表格较宽，可左右滑动查看）";display:block;font:400 12px/1.5 ${SANS};color:var(--muted)}}
/* Scroll hint: an edge shadow shows only while more table lies beyond that edge (embeds too). */
html:not(.bg-transparent) .table-scroll{background:linear-gradient(to right,var(--bg) 30%,transparent) left/24px 100% no-repeat local,linear-gradient(to left,var(--bg) 30%,transparent) right/24px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.3),transparent) left/14px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),transparent) right/14px 100% no-repeat scroll}
.jt{border-collapse:collapse;width:100%;min-width:640px;font-size:14px;line-height:1.45;font-variant-numeric:tabular-nums}
.jt.landscape{min-width:920px}
.jt.narrow{min-width:0}
.jt caption{caption-side:top;padding:0 0 8px;text-align:center}
/* Title and unit stay over the visible part of a table that scrolls sideways: as wide as the box, stuck to its left. */
.jt caption .cap-title,.jt caption .cap-meta{position:sticky;left:0;width:100cqw;max-width:100%}
.jt caption .cap-title{display:block;font:700 20px/1.45 ${SERIF};color:var(--fg);padding:0 0 6px}
.jt caption .cap-meta{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-end;gap:2px 16px;font-size:13px;color:var(--fg);text-align:left}
.jt caption .cap-meta .cap-right{margin-left:auto;text-align:right}
.jt caption .cap-label{display:block}
.jt th,.jt td{border:1px solid var(--line);padding:5px 7px;vertical-align:middle}
.jt thead th{background:var(--head-bg);font-weight:600;text-align:center}
.jt thead th{word-break:keep-all;overflow-wrap:normal}
.jt thead th .w{white-space:nowrap}
.jt thead th.nw{white-space:nowrap}
.jt thead tr.colno th{font-weight:400;font-size:12px;color:var(--muted);padding:2px 6px}
.jt tbody th{font-weight:400;text-align:left}
.jt td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums lining-nums}
/* An empty amount column keeps the width of an amount: it never collapses to one character of its header. */
.jt:not(.uniform) td.num{min-width:5.6em}
.jt td.line{text-align:center;white-space:nowrap;color:var(--muted)}
.jt col.c-line{width:3.6em}
.jt col.c-code3{width:2.4em}
.jt col.c-code{width:5.6em}
.jt col.c-amount{width:6.8em}
.jt.uniform{table-layout:fixed}
.jt tbody th.label{white-space:nowrap}
.jt td.code{white-space:nowrap;font-variant-numeric:tabular-nums}
.jt .stub{text-align:center!important}
.jt tbody tr.total th,.jt tbody tr.total td,.jt tbody tr.grand th,.jt tbody tr.grand td{font-weight:600;background:var(--total-bg)}
.jt tbody tr.lv-class th,.jt tbody tr.lv-class td{font-weight:600}
.jt .indent-1{padding-left:2em}
.jt .cell-text{text-align:left}
.jt.form th{background:var(--head-bg);font-weight:600;text-align:center}
.jt.form td{text-align:left}
.jt.form td.center{text-align:center}
.jt.form td.num{text-align:right}
.jt.form tr{height:2.3em}
.table-notes{font-size:13px;color:var(--fg);margin:8px 0 0}
.table-notes p{margin:0 0 2px;text-indent:0}
.table-notes p+p{padding-left:2em}
.empty-note{margin:10px 0 0;padding:8px 12px;font-size:15px;background:var(--note-bg);border-left:3px solid var(--line);text-indent:0}
.downloads{font-size:13px;margin:8px 0 0;color:var(--muted)}
.downloads a{margin-left:8px}
.form-meta{display:flex;flex-wrap:wrap;justify-content:space-between;gap:2px 16px;font-size:14px;margin:0 0 6px}
.check{font-family:${SANS};white-space:nowrap;margin-right:1.2em}
.fund-lines{display:grid;grid-template-columns:auto auto;gap:2px 1.5em;justify-content:start}
@media (max-width:640px){
  body{font-size:15px}
  main{padding:16px 12px 40px}
  h1{font-size:22px}
  h2{font-size:19px}
  .jt{font-size:13px;min-width:520px}
  .jt.landscape{min-width:720px}
  .jt col.c-amount{width:6.2em}
  .jt tbody th.name{min-width:9.5em}
  .jt caption .cap-title{font-size:17px}
}
@page{size:A4;margin:14mm 12mm}
@media print{
  :root:not(.theme-light),:root.theme-light,:root.theme-dark{color-scheme:light;${LIGHT};--line:#000;--head-bg:transparent;--total-bg:transparent}
  body{font-size:10.5pt;line-height:1.6;background:#fff}
  main{max-width:none;padding:0}
  h1{font-size:20pt}
  h2{font-size:15pt;margin:18pt 0 10pt}
  h3{font-size:12pt;margin:14pt 0 6pt}
  .chrome,.downloads{display:none}
  a{color:inherit;text-decoration:none}
  .table-scroll{overflow:visible;background:none!important;container-type:normal}
  .jt caption .cap-title,.jt caption .cap-meta{position:static;width:auto}
  .jt,.jt.landscape{min-width:0;font-size:8.5pt;line-height:1.3}
  .jt th,.jt td{padding:2px 4px}
  .jt caption .cap-title{font-size:13pt;padding:0 0 3px}
  .jt caption .cap-meta{font-size:9pt}
  .jt.form tr{height:auto}
  .table-notes{font-size:8.5pt}
  .table-block{margin:0 0 14pt}
  /* Each part starts a page; a table stays whole on one page when it fits (else it splits, headers repeated). */
  .doc .part{break-before:page}
  .table-block{break-inside:avoid}
  thead{display:table-header-group}
  tfoot{display:table-footer-group}
  tr{break-inside:avoid}
  h1,h2,h3,h4,caption{break-after:avoid}
  figure{break-inside:avoid}
  figure.chart{max-width:150mm}
  figure.chart picture,figure.chart.has-print .chart-svg:not(.print-only){display:none}
  figure.chart .print-only{display:block}
  p,li{orphans:2;widows:2}
}
`;

/**
 * Payload text inside an attribute: escaped, and '=' written as a reference too, so no run of
 * attribute text can even look like an attribute (a department named `x onerror=…`).
 */
function attributeText(text: string): string {
  return escapeHtml(text).replace(/=/g, '&#61;');
}

/**
 * Wraps a body in the shared shell.
 * @example renderPage({ ctx, title: '公开01表', main: '<p>…</p>' }) // "<!doctype html><html lang=\"zh-CN\" …"
 */
export function renderPage(options: PageOptions): string {
  const { ctx, title } = options;
  const { embed, background } = ctx.params;
  // An embed sits in someone else's page, light far more often than not: it is light unless the
  // host asks for dark (theme=dark) or for the reader's scheme (the host passes its own choice).
  const theme = embed && ctx.params.theme === 'auto' ? 'light' : ctx.params.theme;
  const classes = [
    theme === 'dark' ? 'theme-dark' : theme === 'light' ? 'theme-light' : '',
    embed ? 'embed' : '',
    background === 'transparent' ? 'bg-transparent' : '',
  ].filter(Boolean);
  const colorScheme = theme === 'auto' ? 'light dark' : theme;
  const header = !embed && options.header ? `${options.header}\n` : '';
  const footer = !embed && options.footer ? `\n${options.footer}` : '';
  const script = embed ? `\n<script>${embedChildScript(options.embedId ?? title)}</script>` : '';
  return `<!doctype html>
<html lang="zh-CN"${classes.length ? ` class="${classes.join(' ')}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${colorScheme}">
${embed ? '<meta name="robots" content="noindex">\n' : ''}<meta name="description" content="${attributeText(options.description ?? title)}">
<link rel="icon" href="${FAVICON_HREF}">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}${options.extraCss ?? ''}</style>
</head>
<body>
${header}<main>
${options.main}
</main>${footer}${script}
</body>
</html>
`;
}
