/**
 * 第三部分 情况说明 and 第五部分 名词解释: full pages (narrative.html, glossary.html) and the
 * `<section id="part3">` / `<section id="part5">` fragments the whole-document page embeds.
 *
 * Figures inside the narrative: an inline SVG when the context carries one (stateless renders),
 * else an <img> pointing at the figure output (stored reports), else the caption with the
 * figure's numbers written out (so no reader is left with an empty frame).
 */
import type { Model } from '../../model/derive';
import { figureData, figureIds } from '../figures';
import { escapeHtml } from '../html/escape';
import { NARROW_MEDIA_MAX, renderPage, reportChrome } from '../html/page';
import { linkable, type FigureVariant, type RenderContext, type Theme } from '../types';
import { partHtml, partText, partToc, type Block, type FigureRenderer, type TocEntry } from './blocks';
import { buildGlossary } from './glossary';
import { buildNarrative, narrativeParts } from './narrative';

export { buildNarrative } from './narrative';
export { buildGlossary } from './glossary';
export { subjectExplanation, usedItemCodes } from '../../model/glossary';
export type { TocEntry } from './blocks';

/** What the shared shell does not style: the written-out figure and its visible caption. */
export const NARRATIVE_CSS = `
.narrative figure.chart figcaption{font-size:14px;color:var(--muted);text-indent:0;margin-top:6px}
.narrative figure.chart-text .chart-alt{border:1px dashed var(--rule);border-radius:4px;padding:12px 16px;text-indent:0;color:var(--fg)}
`;

/**
 * The <picture> sources of a linked figure, first match wins: phones get the narrow drawing; the
 * page follows the reader's colour scheme (auto) or the one asked for, and so do its figures — on
 * screen only: print is always light. The CLI writes a file for each variant listed here.
 * @example figureSources('light') // [{ media: 'screen and (max-width: 819px)', variant: { layout: 'narrow' } }]
 */
export function figureSources(theme: Theme): { media: string; variant: FigureVariant }[] {
  const small = `screen and (max-width: ${NARROW_MEDIA_MAX}px)`;
  const dark = 'screen and (prefers-color-scheme: dark)';
  const narrow = { layout: 'narrow' } as const;
  const narrowDark = { layout: 'narrow', theme: 'dark' } as const;
  if (theme === 'auto') {
    return [
      { media: `${small} and (prefers-color-scheme: dark)`, variant: narrowDark },
      { media: small, variant: narrow },
      { media: dark, variant: { theme: 'dark' } },
    ];
  }
  if (theme === 'dark') {
    return [
      { media: small, variant: narrowDark },
      { media: 'screen', variant: { theme: 'dark' } },
    ];
  }
  return [{ media: small, variant: narrow }];
}

/**
 * The drawing a page prints beside its screen ones: the plain figure, except on a dark page, whose
 * plain figure (in a static site written with --theme dark) is dark — paper gets the light one.
 * @example printVariant('dark') // { theme: 'light' }
 */
export function printVariant(theme: Theme): FigureVariant | undefined {
  return theme === 'dark' ? { theme: 'light' } : undefined;
}

function figureRenderer(ctx: RenderContext): FigureRenderer {
  return (block: Extract<Block, { kind: 'figure' }>) => {
    const id = escapeHtml(block.id);
    const alt = escapeHtml(block.alt);
    // The chart draws its caption itself; the figcaption stays for screen readers and text copies.
    const caption = `<figcaption class="visually-hidden">${escapeHtml(block.caption)}</figcaption>`;
    const svg = ctx.inlineFigures?.get(block.id);
    if (svg) {
      // Our own renderer's SVG (text drawn as paths): inserted as is; the narrow drawing, when
      // there is one, replaces the wide one on small screens (CSS in PAGE_CSS).
      const narrow = ctx.inlineNarrowFigures?.get(block.id);
      const wide = `<div class="chart-svg${narrow ? ' chart-wide' : ''}" role="img" aria-label="${alt}">${svg}</div>`;
      const small = narrow ? `<div class="chart-svg chart-narrow" role="img" aria-label="${alt}">${narrow}</div>` : '';
      // A dark page's figures are dark: paper gets the light drawing instead (shown only in print).
      const light = ctx.inlinePrintFigures?.get(block.id);
      const print = light ? `<div class="chart-svg print-only" aria-hidden="true">${light}</div>` : '';
      return `<figure class="chart${light ? ' has-print' : ''}" id="figure-${id}">${wide}${small}${print}${caption}</figure>`;
    }
    const links = ctx.links;
    const spec = { kind: 'figure', id: block.id, format: 'svg' } as const;
    if (links && linkable(links, spec)) {
      const url = links.figure(block.id, 'svg');
      const img = (src: string) => `<img src="${escapeHtml(src)}" alt="${alt}" loading="lazy" decoding="async">`;
      const sources = figureSources(ctx.params.theme)
        .filter(({ variant }) => linkable(links, spec, variant))
        .map(({ media, variant }) => `<source srcset="${escapeHtml(links.figure(block.id, 'svg', variant))}" media="${media}">`)
        .join('');
      // Browsers keep the <picture> source chosen for the screen when they print (a dark or narrow
      // drawing on paper): the wide light drawing is loaded beside it and shown in print instead.
      const light = printVariant(ctx.params.theme);
      const printUrl = light && linkable(links, spec, light) ? links.figure(block.id, 'svg', light) : url;
      const print = `<img class="print-only" src="${escapeHtml(printUrl)}" alt="" aria-hidden="true" decoding="async">`;
      return `<figure class="chart" id="figure-${id}"><picture>${sources}${img(url)}</picture>${print}${caption}</figure>`;
    }
    const png = { kind: 'figure', id: block.id, format: 'png' } as const;
    if (links && ctx.params.theme !== 'dark' && linkable(links, png)) {
      // A site written without SVG: the PNG, on screen and on paper alike (a light one).
      return `<figure class="chart" id="figure-${id}"><img src="${escapeHtml(links.figure(block.id, 'png'))}" alt="${alt}" loading="lazy" decoding="async">${caption}</figure>`;
    }
    return `<figure class="chart chart-text" id="figure-${id}"><p class="chart-alt">${alt}</p><figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
  };
}

/** The figures the figure renderer offers for this payload, with its captions ("图1：…"). */
function figureOptions(model: Model): { figures: string[]; caption: (id: string) => string | undefined } {
  return {
    figures: figureIds(model),
    caption: (id) => {
      // figureData throws for a figure that does not apply; our own caption is the fallback.
      try {
        return figureData(model, id).caption;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * `<section id="part3" class="part prose narrative">` with sections 一 to 十三 and the figures.
 * @example renderNarrativeSection(model, { params: DEFAULT_PARAMS }) // '<section id="part3" …'
 */
export function renderNarrativeSection(model: Model, ctx: RenderContext, part = 0): string {
  return narrativeSectionWithToc(model, ctx, part).html;
}

/** A 情况说明 part as HTML and as its 目录 entry, both from one built structure. */
export function narrativeSectionWithToc(model: Model, ctx: RenderContext, part = 0): { html: string; toc: TocEntry } {
  const built = buildNarrative(model, { ...figureOptions(model), part });
  return { html: partHtml(built, figureRenderer(ctx), 'part prose narrative'), toc: partToc(built) };
}

/** Every 情况说明 part of the template set's document, in order (national: 第三部分 only). */
function allNarrativeSections(model: Model, ctx: RenderContext): string {
  return narrativeParts(model)
    .map((_, i) => renderNarrativeSection(model, ctx, i))
    .join('\n');
}

/**
 * `<section id="part5" class="part prose glossary">` with the entries and the 咨询电话 line.
 * @example renderGlossarySection(model, { params: DEFAULT_PARAMS }) // '<section id="part5" …'
 */
export function renderGlossarySection(model: Model, ctx: RenderContext): string {
  return glossarySectionWithToc(model, ctx).html;
}

/** 名词解释 as HTML and as its 目录 entry, both from one built structure. */
export function glossarySectionWithToc(model: Model, ctx: RenderContext): { html: string; toc: TocEntry } {
  const built = buildGlossary(model);
  return { html: partHtml(built, figureRenderer(ctx), 'part prose glossary'), toc: partToc(built) };
}

function page(model: Model, ctx: RenderContext, kind: 'narrative' | 'glossary', title: string, main: string): string {
  const { meta } = model.payload;
  return renderPage({
    ctx,
    title: `${meta.fiscalYear} 年度${meta.department} ${title}`,
    // A reader who opens 情况说明 or 名词解释 on its own finds the way to the whole document, as a table page does.
    header: reportChrome(model, ctx),
    main,
    embedId: `${meta.slug}-${meta.fiscalYear}-${kind}`,
    extraCss: NARRATIVE_CSS,
  });
}

/** narrative.html: 第三部分 as a page of its own. */
export function renderNarrativeHtml(model: Model, ctx: RenderContext): string {
  return page(model, ctx, 'narrative', '部门决算情况说明', allNarrativeSections(model, ctx));
}

/** glossary.html: 第五部分 as a page of its own. */
export function renderGlossaryHtml(model: Model, ctx: RenderContext): string {
  return page(model, ctx, 'glossary', '名词解释', renderGlossarySection(model, ctx));
}

/** 第三部分 as plain text (one paragraph a line), for the CLI, the audit and tests. */
export function narrativeText(model: Model): string {
  return narrativeParts(model)
    .map((_, part) => partText(buildNarrative(model, { ...figureOptions(model), part })))
    .join('\n');
}

/** 第五部分 as plain text. */
export function glossaryText(model: Model): string {
  return partText(buildGlossary(model));
}
