import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../src/model/derive';
import { Payload } from '../../src/schema/payload';
import {
  renderGlossaryHtml,
  renderGlossarySection,
  renderNarrativeHtml,
  renderNarrativeSection,
} from '../../src/render/narrative';
import { DEFAULT_PARAMS, type Links, type RenderContext } from '../../src/render/output';
import { linksUnder } from '../../src/render/links';
import example from '../../examples/wuhan-jianghan-cyzx-2024.json';

const model = deriveModel(Payload.parse(example));
const plain: RenderContext = { params: DEFAULT_PARAMS };
// The Worker's link builder (figure variants as query strings), under a short prefix.
const links: Links = linksUnder('/r/');

describe('renderNarrativeSection', () => {
  const html = renderNarrativeSection(model, plain);

  it('is the <section id="part3"> fragment with one section per 一…十三', () => {
    expect(html.startsWith('<section id="part3" class="part prose narrative">\n<h2>第三部分 武汉市江汉区城市运行管理中心 2024 年度部门决算情况说明</h2>')).toBe(true);
    expect(html.trimEnd().endsWith('</section>')).toBe(true);
    for (let i = 1; i <= 13; i++) expect(html).toContain(`<section id="part3-${i}">`);
    expect(html).toContain('<h3>十三、预算绩效情况说明</h3>');
    expect(html).toContain('<h4>（一）一般公共预算财政拨款支出决算总体情况</h4>');
    // data-path: the payload's words the paragraph prints (here the class's uses), for the workbench.
    expect(html).toContain('<p class="item" data-path="/explanation/classUses/201"><span class="no">1.</span> 一般公共服务支出（类）1415.08 万元，占 93.12%。');
    expect(html).toContain('<p class="subitem" data-path="/explanation/annualBudget/items/2010302"><span class="no">（1）</span>一般公共服务支出（类）');
    expect(html).not.toContain('<script');
  });

  it('without links or inline SVG, writes each figure’s numbers out with its caption', () => {
    expect(html).toContain(
      '<figure class="chart chart-text" id="figure-1"><p class="chart-alt">2023 年度收、支总计 3087.79 万元，2024 年度 1519.58 万元</p><figcaption>图1：收、支决算总计变动情况</figcaption></figure>',
    );
    expect(html).toContain('<p class="chart-alt">2024 年度支出决算结构：基本支出 355.89 万元，占 23.42%；项目支出 1163.69 万元，占 76.58%</p>');
  });

  it('with links, points an <img> at the figure output with the numbers as alt text', () => {
    const linked = renderNarrativeSection(model, { params: DEFAULT_PARAMS, links });
    // Phones get the narrow drawing; dark only on screen (print stays light).
    expect(linked).toContain(
      '<figure class="chart" id="figure-2"><picture><source srcset="/r/figures/2.svg?layout=narrow&amp;theme=dark" media="screen and (max-width: 819px) and (prefers-color-scheme: dark)"><source srcset="/r/figures/2.svg?layout=narrow" media="screen and (max-width: 819px)"><source srcset="/r/figures/2.svg?theme=dark" media="screen and (prefers-color-scheme: dark)"><img src="/r/figures/2.svg" alt="2024 年度收入决算结构：财政拨款收入 1519.58 万元，占 100.00%" loading="lazy" decoding="async"></picture><img class="print-only" src="/r/figures/2.svg" alt="" aria-hidden="true" decoding="async"><figcaption class="visually-hidden">图2：收入决算结构</figcaption></figure>',
    );
  });

  it('links figures in the theme the page was asked for', () => {
    const dark = renderNarrativeSection(model, { params: { ...DEFAULT_PARAMS, theme: 'dark' }, links });
    expect(dark).toContain('<source srcset="/r/figures/2.svg?theme=dark" media="screen">');
    expect(dark).toContain('<source srcset="/r/figures/2.svg?layout=narrow&amp;theme=dark" media="screen and (max-width: 819px)">');
    // Printed, even a dark page's figures are light.
    expect(dark).toContain('<img src="/r/figures/2.svg" alt=');
    const light = renderNarrativeSection(model, { params: { ...DEFAULT_PARAMS, theme: 'light' }, links });
    expect(light).toContain('<img src="/r/figures/2.svg" alt=');
    expect(light).not.toContain('theme=dark');
  });

  it('inlines pre-rendered SVG when the context carries it', () => {
    const inlineFigures = new Map([['4', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 5"><rect width="8" height="5"/></svg>']]);
    const inlined = renderNarrativeSection(model, { params: DEFAULT_PARAMS, inlineFigures });
    expect(inlined).toContain(
      '<figure class="chart" id="figure-4"><div class="chart-svg" role="img" aria-label="2023 年度财政拨款收、支总计 3087.79 万元，2024 年度 1519.58 万元"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 5"><rect width="8" height="5"/></svg></div>',
    );
    // Figures without an inline SVG fall back to the written-out numbers.
    expect(inlined).toContain('<figure class="chart chart-text" id="figure-1">');
  });

  it('places 图1–图4 after sections 一–四', () => {
    for (let i = 1; i <= 4; i++) {
      const section = html.slice(html.indexOf(`<section id="part3-${i}">`), html.indexOf(`<section id="part3-${i + 1}">`));
      expect(section).toMatch(new RegExp(`<figure [^>]*id="figure-${i}">.*</figure>\\n</section>`, 's'));
    }
  });

  it('escapes every payload string', () => {
    const payload = structuredClone(example);
    payload.meta.department = '<script>alert("x")</script>&局';
    payload.explanation.reasons.grandTotal = '<img src=x onerror=alert(1)>';
    payload.explanation.mainProjects[0].name = '"引号" & <项目>';
    const evil = deriveModel(Payload.parse(payload));
    const out = renderNarrativeSection(evil, { params: DEFAULT_PARAMS, links });
    expect(out).not.toMatch(/<script|<img src=x|<项目>/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;局');
    expect(out).toContain('主要原因是&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&quot;引号&quot; &amp; &lt;项目&gt;支出 1030.64 万元（全年预算 1053.83 万元）');
  });
});

describe('renderGlossarySection', () => {
  it('is the <section id="part5"> fragment', () => {
    const html = renderGlossarySection(model, plain);
    expect(html.startsWith('<section id="part5" class="part prose glossary">\n<h2>第五部分 名词解释</h2>')).toBe(true);
    expect(html).toContain('<p>（一）一般公共预算财政拨款收入：指区级财政一般公共预算当年拨付的资金。</p>');
    expect(html).toContain('<p class="item" data-path="/glossary/subjectExplanations/2210203"><span class="no">10.</span> 住房保障支出（类）住房改革支出（款）购房补贴（项），');
    expect(html).toContain('<p>本单位咨询电话：027-85481838</p>');
  });
});

describe('full pages', () => {
  it('narrative.html uses the page shell with theme and title', () => {
    const html = renderNarrativeHtml(model, { params: { ...DEFAULT_PARAMS, theme: 'dark' } });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN" class="theme-dark">');
    expect(html).toContain('<title>2024 年度武汉市江汉区城市运行管理中心 部门决算情况说明</title>');
    expect(html).toContain('<section id="part3" class="part prose narrative">');
  });

  it('glossary.html in embed mode drops chrome and reports its height', () => {
    const html = renderGlossaryHtml(model, { params: { ...DEFAULT_PARAMS, embed: true } });
    expect(html).toContain('class="theme-light embed"');
    expect(html).toContain('wuhan-jianghan-cyzx-2024-glossary');
    expect(html).toContain('<section id="part5" class="part prose glossary">');
  });

  it('is deterministic', () => {
    expect(renderNarrativeHtml(model, plain)).toBe(renderNarrativeHtml(deriveModel(Payload.parse(example)), plain));
  });
});
