import { describe, expect, it } from 'vitest';
import { renderPage, PAGE_CSS } from '../../src/render/html/page';
import { EMBED_HOST_SNIPPET, embedChildScript } from '../../src/render/html/embed';
import { escapeHtml } from '../../src/render/html/escape';
import { chineseNumeral, fill, formatDate, TemplateError } from '../../src/model/text';
import { renderTableHtml } from '../../src/render/html/tables';
import { DEFAULT_PARAMS, type RenderParams } from '../../src/render/output';
import { relativeLinks } from '../../src/render/links';
import { modelOf, smallPayload } from '../golden/html/fixtures';

const page = (params: Partial<RenderParams>, extra: { header?: string; footer?: string } = {}) =>
  renderPage({ ctx: { params: { ...DEFAULT_PARAMS, ...params } }, title: '标题 <x>', main: '<p>正文</p>', embedId: 'demo-1', ...extra });

describe('page shell', () => {
  it('is a self-contained zh-CN document with viewport, inline CSS and no external requests', () => {
    const html = page({});
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>标题 &lt;x&gt;</title>');
    // The one <link> is the icon, inline as a data: URI.
    expect(html).not.toMatch(/<link\b(?![^>]*href="data:)|<script\b[^>]*src=|@import|url\(/);
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml,');
    expect(html).not.toMatch(/https?:\/\//);
    expect(PAGE_CSS).toContain('"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei"');
  });

  it('follows the reader’s colour scheme by default and can be forced', () => {
    const auto = page({ theme: 'auto' });
    expect(auto).toContain('<html lang="zh-CN">');
    expect(auto).toContain('content="light dark"');
    expect(auto).toContain('@media (prefers-color-scheme:dark){:root:not(.theme-light)');
    expect(page({ theme: 'dark' })).toContain('<html lang="zh-CN" class="theme-dark">');
    expect(page({ theme: 'light' })).toContain('<html lang="zh-CN" class="theme-light">');
    expect(page({ theme: 'dark' })).toContain('<meta name="color-scheme" content="dark">');
  });

  it('has print rules for A4 with repeating table headers', () => {
    expect(PAGE_CSS).toContain('@page{size:A4');
    expect(PAGE_CSS).toContain('thead{display:table-header-group}');
    expect(PAGE_CSS).toContain('tr{break-inside:avoid}');
    expect(PAGE_CSS).toMatch(/\.table-scroll\{[^}]*overflow-x:auto/);
  });

  it('drops chrome in embed mode and posts its height in both message shapes', () => {
    const chrome = { header: '<header class="chrome">站点</header>', footer: '<footer class="chrome">页脚</footer>' };
    const normal = page({}, chrome);
    expect(normal).toContain('站点');
    expect(normal).toContain('页脚');
    expect(normal).not.toContain('<script');
    const embed = page({ embed: true }, chrome);
    expect(embed).not.toContain('站点');
    expect(embed).not.toContain('页脚');
    // An embed is light inside a portal unless the host asks for dark.
    expect(embed).toContain('<html lang="zh-CN" class="theme-light embed">');
    expect(page({ embed: true, theme: 'dark' })).toContain('<html lang="zh-CN" class="theme-dark embed">');
    expect(embed).toContain('"datawrapper-height"');
    expect(embed).toContain('sentinel: "amp", type: "embed-size"');
    expect(embed).toContain('ResizeObserver');
    expect(embed).toContain('var id = "demo-1"');
    expect(page({ embed: true, theme: 'dark', background: 'transparent' })).toContain('class="theme-dark embed bg-transparent"');
  });

  it('keeps a hostile embed id inside its string', () => {
    const script = embedChildScript('</script><script>alert(1)</script>');
    expect(script).not.toContain('</script>');
    expect(script).toContain('\\u003c/script>');
  });

  it('offers a host snippet that resizes the iframe that sent the message', () => {
    expect(EMBED_HOST_SNIPPET).toMatch(/^<script>/);
    expect(EMBED_HOST_SNIPPET).toContain('datawrapper-height');
    expect(EMBED_HOST_SNIPPET).toContain('data.sentinel === "amp"');
    expect(EMBED_HOST_SNIPPET).toContain('contentWindow === event.source');
  });

  it('table pages change with the flags', () => {
    const model = modelOf(smallPayload());
    const links = relativeLinks('tables/01.html');
    const normal = renderTableHtml(model, '01', { params: DEFAULT_PARAMS, links });
    const embed = renderTableHtml(model, '01', { params: { ...DEFAULT_PARAMS, embed: true }, links });
    const dark = renderTableHtml(model, '01', { params: { ...DEFAULT_PARAMS, theme: 'dark' } });
    expect(normal).toContain('class="chrome"');
    expect(normal).toContain('下载数据');
    expect(embed).not.toContain('class="chrome"');
    expect(embed).not.toContain('下载数据');
    expect(embed).toContain('"test-bureau-2024-table-01"');
    expect(dark).toContain('class="theme-dark"');
  });
});

describe('text helpers', () => {
  it('escapes all five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes Chinese ordinals, fills patterns and formats dates', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 26].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '二十六']);
    expect(fill('{year} 年度{title}', { year: 2024, title: '收入决算表' })).toBe('2024 年度收入决算表');
    // The HTML pages had their own lenient fill that printed "{missing}" to the public; there is one
    // fill now, and a placeholder without a value is a template bug it reports.
    expect(() => fill('{year} 年度{title}{missing}', { year: 2024, title: '收入决算表' })).toThrow(TemplateError);
    expect(formatDate('2025-10-31')).toBe('2025 年 10 月 31 日');
    expect(formatDate('2025-04-10', { spaced: false })).toBe('2025年4月10日');
  });
});
