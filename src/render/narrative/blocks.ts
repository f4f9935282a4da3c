/**
 * The narrative and the glossary are built as plain-text blocks first and turned into HTML last:
 * one place escapes payload text, and tests, the audit and the CLI can read the same words as text.
 */
import { escapeHtml } from '../html/escape';

export type Block =
  | { kind: 'heading'; text: string }
  /**
   * `marker` is the list number ("1.", "（1）"), kept apart so numbering is never mistaken for a figure.
   * `paths`: JSON pointers of the payload values the paragraph prints (its texts, reasons and last
   * year's figures), written as data-path for tools that point a finding at its sentence.
   */
  | { kind: 'paragraph'; text: string; marker?: { text: string; gap: string }; level?: 1 | 2; paths?: string[] }
  | { kind: 'figure'; id: string; caption: string; alt: string };

/**
 * The data-path attribute of an element printing payload values: their JSON pointers separated by
 * spaces (like class; pointers into the payload hold no spaces), or '' for none.
 * @example dataPath(['/explanation/reasons/income']) // ' data-path="/explanation/reasons/income"'
 */
export function dataPath(paths: readonly string[] | undefined): string {
  return paths?.length ? ` data-path="${escapeHtml(paths.join(' '))}"` : '';
}

export interface NarrativeSection {
  /** Element id, e.g. "part3-1". */
  id: string;
  title: string;
  blocks: Block[];
}

export interface NarrativePart {
  id: string;
  title: string;
  sections: NarrativeSection[];
}

/** How a figure block becomes HTML (depends on the render context). */
export type FigureRenderer = (block: Extract<Block, { kind: 'figure' }>) => string;

function blockHtml(block: Block, figure: FigureRenderer): string {
  switch (block.kind) {
    case 'heading':
      return `<h4>${escapeHtml(block.text)}</h4>`;
    case 'paragraph': {
      const cls = block.marker ? ` class="${block.level === 2 ? 'subitem' : 'item'}"` : '';
      const marker = block.marker ? `<span class="no">${escapeHtml(block.marker.text)}</span>${block.marker.gap}` : '';
      return `<p${cls}${dataPath(block.paths)}>${marker}${escapeHtml(block.text)}</p>`;
    }
    case 'figure':
      return figure(block);
  }
}

/** `<section id="partN">` with one nested `<section>` per numbered section. */
export function partHtml(part: NarrativePart, figure: FigureRenderer, className: string): string {
  const sections = part.sections
    .map((s) => {
      const heading = s.title ? `<h3>${escapeHtml(s.title)}</h3>\n` : '';
      const body = s.blocks.map((b) => blockHtml(b, figure)).join('\n');
      return `<section id="${escapeHtml(s.id)}">\n${heading}${body}\n</section>`;
    })
    .join('\n');
  return `<section id="${escapeHtml(part.id)}" class="${className}">\n<h2>${escapeHtml(part.title)}</h2>\n${sections}\n</section>`;
}

/** An entry of the document's 目录: a part or a section, with its element id. */
export interface TocEntry {
  id: string;
  title: string;
  children?: TocEntry[];
}

/** The 目录 entry of a part, from the same structure partHtml writes: its titled sections below it. */
export function partToc(part: NarrativePart): TocEntry {
  return { id: part.id, title: part.title, children: part.sections.filter((s) => s.title).map((s) => ({ id: s.id, title: s.title })) };
}

/** Plain text, one block a line; figures as "图 1：…（alt）". */
export function partText(part: NarrativePart): string {
  const lines: string[] = [part.title];
  for (const s of part.sections) {
    if (s.title) lines.push(s.title);
    for (const b of s.blocks) {
      if (b.kind === 'heading') lines.push(b.text);
      else if (b.kind === 'paragraph') lines.push(`${b.marker ? b.marker.text + b.marker.gap : ''}${b.text}`);
      else lines.push(`[${b.caption}：${b.alt}]`);
    }
  }
  return lines.join('\n');
}
