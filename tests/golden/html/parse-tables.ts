/**
 * A small HTML table reader for tests: turns each <table> of a page back into a grid of cell
 * texts, honouring rowspan and colspan (a spanned cell's text is repeated in every position it
 * covers), so rendered tables can be compared cell by cell with the published ones.
 * It reads the markup our renderer writes (well-formed, no nested tables); it is not a general
 * HTML parser.
 */

export interface ParsedCell {
  tag: 'th' | 'td';
  text: string;
  attrs: Record<string, string>;
  colspan: number;
  rowspan: number;
}

export interface ParsedTable {
  id: string | null;
  classes: string[];
  caption: string;
  /** Expanded grid of the <thead> rows. */
  header: string[][];
  /** Expanded grid of the <tbody> rows. */
  body: string[][];
  /** Raw cells of the <tbody> rows, as written. */
  bodyCells: ParsedCell[][];
  headerCells: ParsedCell[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Visible text of an HTML fragment (tags dropped, entities decoded, whitespace collapsed). */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\r\n\u00a0]+/g, ' ')
    .trim();
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attrs[m[1]] = decodeEntities(m[2] ?? '');
  return attrs;
}

function rowsOf(section: string): ParsedCell[][] {
  return [...section.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => {
      const attrs = attributes(m[2]);
      return {
        tag: m[1] as 'th' | 'td',
        text: textOf(m[3]),
        attrs,
        colspan: Number(attrs.colspan ?? 1),
        rowspan: Number(attrs.rowspan ?? 1),
      };
    }),
  );
}

/** The HTML table algorithm, reduced: place cells left to right, skipping slots taken by rowspans. */
export function expand(rows: ParsedCell[][]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr][col + dc] = cell.text;
      }
      col += cell.colspan;
    }
  });
  return grid.map((row) => Array.from(row, (c) => c ?? ''));
}

/** Every <table> of a page, in order. */
export function parseTables(html: string): ParsedTable[] {
  return [...html.matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/g)].map((m) => {
    const attrs = attributes(m[1]);
    const inner = m[2];
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(inner);
    const thead = /<thead\b[^>]*>([\s\S]*?)<\/thead>/.exec(inner);
    const tbody = /<tbody\b[^>]*>([\s\S]*?)<\/tbody>/.exec(inner);
    const headerCells = thead ? rowsOf(thead[1]) : [];
    const bodyCells = tbody ? rowsOf(tbody[1]) : [];
    return {
      id: attrs.id ?? null,
      classes: (attrs.class ?? '').split(/\s+/).filter(Boolean),
      caption: caption ? textOf(caption[1]) : '',
      header: expand(headerCells),
      body: expand(bodyCells),
      bodyCells,
      headerCells,
    };
  });
}

/** Comparison key for cell text: the reference text has stray spaces and mixed-width brackets. */
export function normalizeCell(text: string): string {
  return text.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}
