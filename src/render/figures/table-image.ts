/**
 * A 公开表 as an image, drawn from the same grid as the HTML table (src/render/table/grid.ts builds
 * it from the set's layouts/): same title, 公开NN表 label, 编制单位 and unit, multi-level headers,
 * 合计 rows and notes, so the image and the page cannot disagree about a figure.
 *
 * Width: the requested width is honoured. Columns of amounts, codes and 行次 get the width of
 * their widest entry; names share what is left and wrap. When even that does not fit, the type
 * steps down from 13 to 11 px and then the drawing gets wider and is scaled down to the width.
 * Height: grows with the rows (tall tables such as 01, 04 and 06 are as tall as they need to be).
 */
import type { Model } from '../../model/derive';
import { buildTable, placeHeader, type BuiltTable, type GridCell } from '../table/grid';
import { rectPath } from './marks';
import { checkTableWork } from './params';
import { wrap, type Measure } from './measure';
import type { Scene, TextItem } from './scene';
import type { Theme } from './theme';

export interface TableImageContext {
  /** Requested output width: the drawing is laid out for it. */
  width: number;
  theme: Theme;
  measure: Measure;
  idPrefix: string;
}

const MARGIN = 24;
const PAD_X = 6;
const PAD_Y = 5;
/** Layout width range: a narrow request gets a 720-wide drawing scaled down, not squeezed columns. */
const MIN_DESIGN_WIDTH = 720;
const MAX_DESIGN_WIDTH = 1600;
const FONT_STEPS = [13, 12, 11];

type Kind = GridCell['kind'];

interface Sizes {
  body: number;
  header: number;
  columnNumbers: number;
  line: number;
}

function sizesFor(body: number): Sizes {
  return { body, header: body - 0.5, columnNumbers: body - 1.5, line: Math.round(body * 1.45) };
}

/** The kind of each physical column, from the layout's logical columns. */
function physicalKinds(table: BuiltTable): Kind[] {
  return table.columns.flatMap((c) => Array<Kind>(c.span ?? 1).fill(c.kind));
}

/**
 * Column widths (physical columns) for a drawing of `width`, or null when the fixed columns alone
 * do not leave the names a readable minimum.
 */
function columnWidths(table: BuiltTable, sizes: Sizes, width: number, measure: Measure): number[] | null {
  const kinds = physicalKinds(table);
  const spans = table.columns.flatMap((c) => Array<number>(c.span ?? 1).fill(c.span ?? 1));
  const need = kinds.map(() => 0);
  const natural = kinds.map(() => 0);
  // Body cells that sit in one logical column set that column's need.
  for (const row of table.rows) {
    let col = 0;
    for (const cell of row.cells) {
      const bold = row.emphasis !== undefined || row.level === 'class';
      // Amounts get breathing room beyond the padding: a bold 1,519.58 must not touch the rule.
      const extra = cell.kind === 'amount' ? 6 : 0;
      const w = measure(cell.text, sizes.body, bold ? 700 : 400) + 2 * PAD_X + extra + (cell.indent ?? 0) * 2 * sizes.body;
      const single = cell.colspan === spans[col];
      if (single) {
        const per = w / cell.colspan;
        for (let i = col; i < col + cell.colspan; i++) {
          if (cell.kind === 'name' || cell.kind === 'label') natural[i] = Math.max(natural[i], per);
          else need[i] = Math.max(need[i], per);
        }
      }
      col += cell.colspan;
    }
  }
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === 'amount') need[i] = Math.max(need[i], 4.2 * sizes.header + 2 * PAD_X);
    if (kinds[i] === 'line') need[i] = Math.max(need[i], 2.4 * sizes.header + 2 * PAD_X);
    if (kinds[i] === 'code') need[i] = Math.max(need[i], (3.2 * sizes.body) / spans[i] + PAD_X);
  }
  const flexible = kinds.map((k) => k === 'name' || k === 'label');
  const fixed = need.reduce((sum, w, i) => sum + (flexible[i] ? 0 : w), 0);
  const minName = 7 * sizes.body + 2 * PAD_X;
  const flexCount = flexible.filter(Boolean).length;
  const room = width - 2 * MARGIN - fixed;
  if (room < minName * flexCount) return null;
  if (flexCount === 0) {
    // All amounts (09): spread the room evenly.
    return need.map((w) => w + room / need.length);
  }
  // Names share the room in proportion to their natural width, never below the minimum. Room
  // beyond what the names need (a wide image) is spread over every column, so amounts do not end
  // up crammed at the right edge of a table with one huge name column.
  const desired = need.map((w, i) => (flexible[i] ? Math.max(natural[i], minName) : w));
  const naturalSum = flexible.reduce((sum, f, i) => sum + (f ? desired[i] : 0), 0);
  if (naturalSum >= room) return need.map((w, i) => (flexible[i] ? (desired[i] / naturalSum) * room : w));
  const total = desired.reduce((a, b) => a + b, 0);
  const spare = width - 2 * MARGIN - total;
  return desired.map((w) => w + (spare * w) / total);
}

function layoutFor(table: BuiltTable, requested: number, measure: Measure): { width: number; sizes: Sizes; columns: number[] } {
  const width = Math.min(MAX_DESIGN_WIDTH, Math.max(MIN_DESIGN_WIDTH, requested));
  for (const body of FONT_STEPS) {
    const sizes = sizesFor(body);
    const columns = columnWidths(table, sizes, width, measure);
    if (columns) return { width, sizes, columns };
  }
  // Still too wide at the smallest type: draw wider and let the output scale it down.
  const sizes = sizesFor(FONT_STEPS[FONT_STEPS.length - 1]);
  for (let w = width + 40; ; w += 40) {
    const columns = columnWidths(table, sizes, w, measure);
    if (columns) return { width: w, sizes, columns };
  }
}

/**
 * The scene of table `id` ("01".."09"). Throws a 404 problem for an unknown table number.
 * @example tableScene(model, '05', { width: 800, theme, measure, idPrefix: 'jst05' }).height
 */
export function tableScene(model: Model, id: string, ctx: TableImageContext): Scene {
  const table = buildTable(model, id);
  checkTableWork(table);
  const { theme, measure } = ctx;
  const { width: W, sizes, columns } = layoutFor(table, ctx.width, measure);
  const x0 = MARGIN;
  const colX = [x0];
  for (const w of columns) colX.push(colX[colX.length - 1] + w);
  const tableRight = colX[colX.length - 1];
  const texts: TextItem[] = [];
  const marks: string[] = [];
  const ink = theme.text;
  const rule = theme.axis;

  // Caption: title, then 编制单位 on the left and 公开NN表 / 单位 on the right.
  let y = MARGIN;
  const titleSize = Math.min(18, (18 * (W - 2 * MARGIN)) / measure(table.title, 18, 700));
  texts.push({ x: W / 2, y: y + 11, text: table.title, size: titleSize, weight: 700, color: ink, anchor: 'middle' });
  y += 34;
  const right = [table.label, `单位：${table.unit}`].filter(Boolean).join('    ');
  const rightWidth = measure(right, 12.5);
  const org = `编制单位：${table.department}`;
  const orgLines = wrap(org, tableRight - x0 - rightWidth - 24, 12.5, measure);
  orgLines.forEach((text, i) => texts.push({ x: x0, y: y + 8 + i * 18, text, size: 12.5, color: ink }));
  texts.push({ x: tableRight, y: y + 8, text: right, size: 12.5, color: ink, anchor: 'end' });
  y += orgLines.length * 18 + 8;

  // Header: wrap every cell into its span, then size rows so each cell fits its rows.
  const headerTop = y;
  const placed = placeHeader(table.header, columns.length);
  const span = (col: number, colspan: number) => colX[col + colspan] - colX[col];
  const headerCells = placed.map((cell) => {
    const size = cell.columnNumbers ? sizes.columnNumbers : sizes.header;
    const lines = cell.text ? wrap(cell.text, span(cell.col, cell.colspan) - 2 * PAD_X, size, measure, 700) : [];
    return { ...cell, size, lines, need: Math.max(1, lines.length) * Math.round(size * 1.35) + 2 * PAD_Y };
  });
  const rowHeights = table.header.map((row) => (row.role === 'columnNumbers' ? sizes.columnNumbers + 10 : sizes.line + 2 * PAD_Y));
  for (const cell of headerCells.filter((c) => c.rowspan === 1)) {
    rowHeights[cell.row] = Math.max(rowHeights[cell.row], cell.need);
  }
  for (const cell of headerCells.filter((c) => c.rowspan > 1)) {
    const have = rowHeights.slice(cell.row, cell.row + cell.rowspan).reduce((a, b) => a + b, 0);
    if (have < cell.need) rowHeights[cell.row + cell.rowspan - 1] += cell.need - have;
  }
  const rowY = [headerTop];
  for (const h of rowHeights) rowY.push(rowY[rowY.length - 1] + h);
  const headerBottom = rowY[rowY.length - 1];
  marks.push(`<path d="${rectPath(x0, headerTop, tableRight - x0, headerBottom - headerTop)}" fill="${theme.panel}"/>`);
  for (const cell of headerCells) {
    const left = colX[cell.col];
    const top = rowY[cell.row];
    const w = span(cell.col, cell.colspan);
    const h = rowY[cell.row + cell.rowspan] - top;
    marks.push(`<path d="${rectPath(left, top, w, h)}" fill="none" stroke="${rule}" stroke-width="0.8"/>`);
    const lineHeight = Math.round(cell.size * 1.35);
    cell.lines.forEach((text, k) => {
      texts.push({
        x: left + w / 2,
        y: top + h / 2 - ((cell.lines.length - 1) * lineHeight) / 2 + k * lineHeight,
        text,
        size: cell.size,
        weight: cell.columnNumbers ? 400 : 700,
        color: cell.columnNumbers ? theme.muted : ink,
        anchor: 'middle',
      });
    });
  }

  // Body.
  y = headerBottom;
  for (const row of table.rows) {
    const bold = row.emphasis !== undefined || row.level === 'class';
    const weight = bold ? 700 : 400;
    let col = 0;
    const cells = row.cells.map((cell) => {
      const start = col;
      col += cell.colspan;
      const w = span(start, cell.colspan);
      const indent = (cell.indent ?? 0) * 2 * sizes.body;
      const wraps = cell.kind === 'name' || cell.kind === 'label' || cell.kind === 'stub';
      const lines = cell.text === '' ? [] : wraps ? wrap(cell.text, w - 2 * PAD_X - indent, sizes.body, measure, weight) : [cell.text];
      return { cell, start, w, indent, lines };
    });
    const h = Math.max(1, ...cells.map((c) => c.lines.length)) * sizes.line + 2 * PAD_Y - (sizes.line - sizes.body * 1.3);
    if (row.emphasis) marks.push(`<path d="${rectPath(x0, y, tableRight - x0, h)}" fill="${theme.panel}"/>`);
    for (const { cell, start, w, indent, lines } of cells) {
      const left = colX[start];
      marks.push(`<path d="${rectPath(left, y, w, h)}" fill="none" stroke="${rule}" stroke-width="0.8"/>`);
      const lineHeight = sizes.line;
      lines.forEach((text, k) => {
        const ty = y + h / 2 - ((lines.length - 1) * lineHeight) / 2 + k * lineHeight;
        const align = alignment(cell.kind);
        const x = align === 'end' ? left + w - PAD_X : align === 'middle' ? left + w / 2 : left + PAD_X + indent;
        texts.push({ x, y: ty, text, size: sizes.body, weight, color: ink, anchor: align });
      });
    }
    y += h;
  }
  marks.push(`<path d="${rectPath(x0, headerTop, tableRight - x0, y - headerTop)}" fill="none" stroke="${ink}" stroke-opacity="0.7" stroke-width="1.2"/>`);

  // Notes and the 空表说明.
  y += 10;
  for (const note of [...table.notes, ...(table.emptyNote ? [table.emptyNote] : [])]) {
    for (const text of wrap(note, tableRight - x0, 12, measure, 400, { balance: false })) {
      texts.push({ x: x0, y: y + 8, text, size: 12, color: theme.muted });
      y += 18;
    }
  }
  const height = Math.ceil(y + MARGIN - 6);

  return {
    width: W,
    height,
    idPrefix: ctx.idPrefix,
    theme,
    defs: '',
    marks,
    texts,
    title: `${table.title}（${table.label ?? table.key}）`,
    desc: describe(table),
  };
}

/**
 * At least as many characters as tableScene draws for the table at any width: every text it places
 * (title, 编制单位 and 单位 lines, header and body cells, notes), before wrapping, which only
 * splits lines and drops the spaces at a break. Lets a caller skip the layout when the table is
 * far under LIMITS.maxImageChars.
 */
export function tableTextBound(table: BuiltTable): number {
  const length = (texts: string[]) => texts.reduce((sum, t) => sum + t.length, 0);
  return length([
    table.title,
    `编制单位：${table.department}`,
    [table.label, `单位：${table.unit}`].filter(Boolean).join('    '),
    ...placeHeader(table.header, table.width).map((c) => c.text ?? ''),
    ...table.rows.flatMap((row) => row.cells.map((c) => c.text)),
    ...table.notes,
    table.emptyNote ?? '',
  ]);
}

function alignment(kind: Kind): 'start' | 'middle' | 'end' {
  if (kind === 'amount') return 'end';
  if (kind === 'line' || kind === 'stub') return 'middle';
  return 'start';
}

/** The table in words for <desc>: every row's non-blank cells, as a screen reader would want them. */
function describe(table: BuiltTable): string {
  const rows = table.rows
    .map((row) => row.cells.map((c) => c.text).filter((t) => t !== '').join(' '))
    .filter((t) => t !== '');
  const notes = [...table.notes, ...(table.emptyNote ? [table.emptyNote] : [])].join(' ');
  return `编制单位：${table.department}；单位：${table.unit}。${rows.join('；')}。${notes}`;
}
