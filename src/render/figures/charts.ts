/**
 * Chart layouts: from a figure's data to a Scene (shapes + positioned text) in design pixels.
 * Every label position is computed here from measured text widths, so nothing overlaps:
 * bars get room for their value labels, pie shares go into a legend table beside the ring, and
 * row labels wrap instead of running into the bars. A chart whose content needs more height than
 * it was given returns a taller scene rather than cramming (see `grow` in the callers).
 */
import { formatAmount, type Cents } from '../../schema/money';
import type { BarFigure, DonutFigure, FigureData, HBarFigure } from './data';
import { filledPath, line, rectPath, ringSlice, roundedRect, swatch } from './marks';
import { wrap, type Measure } from './measure';
import type { Scene, TextItem } from './scene';
import { categoryFill, seriesFill, type Fill, type Theme } from './theme';

export interface ChartContext {
  /** Design size. */
  width: number;
  height: number;
  theme: Theme;
  measure: Measure;
  idPrefix: string;
  /**
   * The phone layout: a portrait drawing NARROW_WIDTH wide, shown at about its own size, so its
   * type stays at 12 px or more; captions and source lines wrap, legends go under the chart, and
   * bars become a list of labelled horizontal bars. Its height follows the content.
   */
  narrow?: boolean;
}

/** Design width of the narrow layout (CSS px): a phone's column less the page margins. */
export const NARROW_WIDTH = 360;

const PAD = 24;
const SIZE = {
  caption: 22,
  legend: 14,
  unit: 13,
  tick: 12,
  value: 13,
  category: 14,
  note: 12.5,
  source: 12,
  table: 14,
};
const LEGEND_Y = 76;

interface Frame {
  texts: TextItem[];
  marks: string[];
  /** First free y below the caption and legend row. */
  top: number;
  /** Last free y above the source line. */
  bottom: number;
}

/** Where the plot may go: below the caption (and the legend row when wide), above the footer. */
interface FrameMetrics {
  top: number;
  /** Space the footer takes at the bottom (legend rows when narrow, source lines). */
  footer: number;
  captionLines: string[];
  sourceLines: string[];
  legendRows: { label: string; fill: Fill; x: number; row: number }[][];
}

const NARROW = { caption: 18, captionLine: 24, unit: 12.5, legend: 13, legendRow: 22, source: 12, sourceLine: 16 };

function frameMetrics(data: FigureData, ctx: ChartContext, legend: { label: string; fill: Fill }[], unitInHeader = true): FrameMetrics {
  const { width: W, measure } = ctx;
  if (!ctx.narrow) return { top: LEGEND_Y + 22, footer: PAD + 18, captionLines: [data.caption], sourceLines: [data.source], legendRows: [] };
  const captionLines = wrap(data.caption, W - 2 * PAD, NARROW.caption, measure, 700, { words: true });
  const sourceLines = wrap(data.source, W - 2 * PAD, NARROW.source, measure, 400, { words: true });
  const legendRows: FrameMetrics['legendRows'] = [];
  if (!data.empty && unitInHeader) {
    let x = PAD;
    let row: FrameMetrics['legendRows'][number] = [];
    for (const item of legend) {
      const w = 14 + 6 + measure(item.label, NARROW.legend);
      if (row.length && x + w > W - PAD) {
        legendRows.push(row);
        row = [];
        x = PAD;
      }
      row.push({ ...item, x, row: legendRows.length });
      x += w + 18;
    }
    if (row.length) legendRows.push(row);
  }
  const captionBottom = PAD + captionLines.length * NARROW.captionLine;
  const top = captionBottom + (!data.empty && unitInHeader ? 30 : 12);
  const footer = PAD + sourceLines.length * NARROW.sourceLine + legendRows.length * NARROW.legendRow + 12;
  return { top, footer, captionLines, sourceLines, legendRows };
}

/**
 * Caption on top, source line at the bottom, unit label and legend in the row under the caption
 * (narrow: caption and source wrap, the unit under the caption, the legend above the source).
 */
function frame(
  data: FigureData,
  ctx: ChartContext,
  legend: { label: string; fill: Fill }[],
  height = ctx.height,
  unitInHeader = true,
): Frame {
  const { width: W, theme, measure } = ctx;
  const texts: TextItem[] = [];
  const marks: string[] = [];
  if (ctx.narrow) {
    const m = frameMetrics(data, ctx, legend, unitInHeader);
    m.captionLines.forEach((text, i) =>
      texts.push({ x: W / 2, y: PAD + 10 + i * NARROW.captionLine, text, size: NARROW.caption, weight: 700, color: theme.text, anchor: 'middle' }),
    );
    if (!data.empty && unitInHeader) {
      texts.push({ x: PAD, y: m.top - 14, text: data.unitLabel, size: NARROW.unit, color: theme.muted });
    }
    const sourceTop = height - PAD - (m.sourceLines.length - 1) * NARROW.sourceLine;
    m.sourceLines.forEach((text, i) =>
      texts.push({ x: PAD, y: sourceTop + i * NARROW.sourceLine, text, size: NARROW.source, color: theme.muted }),
    );
    const legendTop = sourceTop - 8 - m.legendRows.length * NARROW.legendRow;
    for (const row of m.legendRows) {
      for (const item of row) {
        const y = legendTop + item.row * NARROW.legendRow + NARROW.legendRow / 2;
        marks.push(swatch(item.x, y - 7, 14, item.fill, theme.text));
        texts.push({ x: item.x + 20, y, text: item.label, size: NARROW.legend, color: theme.text });
      }
    }
    return { texts, marks, top: m.top, bottom: height - m.footer };
  }
  const captionWidth = measure(data.caption, SIZE.caption, 700);
  const captionSize = Math.min(SIZE.caption, (SIZE.caption * (W - 2 * PAD)) / captionWidth);
  texts.push({ x: W / 2, y: PAD + 14, text: data.caption, size: captionSize, weight: 700, color: theme.text, anchor: 'middle' });
  // A long department name shrinks the source line rather than running off the image.
  const sourceSize = Math.max(8, Math.min(SIZE.source, (SIZE.source * (W - 2 * PAD)) / measure(data.source, SIZE.source)));
  texts.push({ x: PAD, y: height - PAD + 6, text: data.source, size: sourceSize, color: theme.muted });
  if (!data.empty && unitInHeader) {
    texts.push({ x: PAD, y: LEGEND_Y, text: data.unitLabel, size: SIZE.unit, color: theme.muted });
    // Legend right-aligned in the same row as the unit label.
    const items = legend.map((item) => ({ ...item, w: measure(item.label, SIZE.legend) }));
    let x = W - PAD - items.reduce((sum, item) => sum + 14 + 6 + item.w, 0) - 20 * Math.max(0, items.length - 1);
    for (const item of items) {
      marks.push(swatch(x, LEGEND_Y - 7, 14, item.fill, theme.text));
      texts.push({ x: x + 20, y: LEGEND_Y, text: item.label, size: SIZE.legend, color: theme.text });
      x += 14 + 6 + item.w + 20;
    }
  }
  return { texts, marks, top: LEGEND_Y + 22, bottom: height - PAD - 18 };
}

/** Height of a narrow empty figure. */
const NARROW_EMPTY_HEIGHT = 300;

function emptyPanel(ctx: ChartContext, f: Frame, text: string): void {
  const { width: W, theme } = ctx;
  const inset = ctx.narrow ? 0 : 40;
  const x = PAD + inset;
  const w = W - 2 * (PAD + inset);
  const y = f.top;
  const h = f.bottom - f.top - 10;
  f.marks.push(roundedRect(x, y, w, h, 8, theme.panel, ` stroke="${theme.axis}" stroke-width="1" stroke-dasharray="6 4"`));
  f.texts.push({ x: W / 2, y: y + h / 2, text, size: 20, color: theme.muted, anchor: 'middle' });
}

function scene(ctx: ChartContext, data: FigureData, f: Frame, height = ctx.height): Scene {
  return {
    width: ctx.width,
    height,
    idPrefix: ctx.idPrefix,
    theme: ctx.theme,
    defs: '',
    marks: f.marks,
    texts: f.texts,
    title: data.caption,
    desc: `${data.description}（${data.unitLabel}）`,
  };
}

/** Ticks for an axis over [min, max] cents: a step of 1, 2, 2.5 or 5 × 10^k, about `count` of them. */
export function niceTicks(min: Cents, max: Cents, count = 5): { lo: Cents; hi: Cents; step: Cents } {
  const lo0 = Math.min(0, min);
  const hi0 = Math.max(0, max);
  const span = hi0 - lo0 || 100;
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!);
  const lo = Math.floor(lo0 / step) * step;
  const hi = Math.max(Math.ceil(hi0 / step) * step, lo + step);
  return { lo, hi, step };
}

function tickLabel(cents: Cents, step: Cents): string {
  const text = formatAmount(cents);
  return step % 100 === 0 ? text.slice(0, -3) : text;
}

function tickValues(lo: Cents, hi: Cents, step: Cents): Cents[] {
  const values: Cents[] = [];
  for (let v = lo; v <= hi + step / 1000; v += step) values.push(Math.round(v));
  return values;
}

/** Grouped vertical bars (图1, 图4, 图6). */
export function barsScene(data: BarFigure, ctx: ChartContext): Scene {
  const { width: W, theme, measure } = ctx;
  const fills = data.series.map((_, i) => seriesFill(theme, i));
  if (ctx.narrow) {
    return barListScene(
      data,
      ctx,
      data.series,
      data.groups.map((g) => ({ label: g.label, note: g.note, values: g.values, texts: g.values.map((v) => formatAmount(v)) })),
    );
  }
  const f = frame(data, ctx, data.series.map((label, i) => ({ label, fill: fills[i] })));
  if (data.empty) {
    emptyPanel(ctx, f, data.empty);
    return scene(ctx, data, f);
  }
  const all = data.groups.flatMap((g) => g.values);
  const { lo, hi, step } = niceTicks(Math.min(...all), Math.max(...all));
  const ticks = tickValues(lo, hi, step);
  const tickWidth = Math.max(...ticks.map((t) => measure(tickLabel(t, step), SIZE.tick)));
  const plotLeft = PAD + tickWidth + 10;
  const plotRight = W - PAD;
  const groupWidth = (plotRight - plotLeft) / data.groups.length;

  const labelLines = data.groups.map((g) => wrap(g.label, groupWidth - 12, SIZE.category, measure));
  const noteLines = data.groups.map((g) => (g.note ? wrap(g.note, groupWidth - 8, SIZE.note, measure) : []));
  const maxLabel = Math.max(...labelLines.map((l) => l.length));
  const maxNote = Math.max(...noteLines.map((l) => l.length));
  const categoryHeight = maxLabel * 19 + maxNote * 17 + 12;
  const plotTop = f.top + 22; // headroom for the value labels of the tallest bar
  const plotBottom = f.bottom - categoryHeight;
  const y = (v: Cents) => plotBottom - ((v - lo) / (hi - lo)) * (plotBottom - plotTop);

  for (const t of ticks) {
    const ty = y(t);
    f.marks.push(line(plotLeft, ty, plotRight, ty, t === 0 ? theme.axis : theme.grid, t === 0 ? 1.2 : 1));
    f.texts.push({ x: plotLeft - 8, y: ty, text: tickLabel(t, step), size: SIZE.tick, color: theme.muted, anchor: 'end' });
  }

  // Bars wide enough to read, spaced so that neighbouring value labels cannot touch.
  const series = data.series.length;
  let valueSize = SIZE.value;
  const labelWidth = (size: number) => Math.max(...all.map((v) => measure(formatAmount(v), size)));
  const barWidth = Math.min(64, Math.max(14, (groupWidth * 0.5) / series));
  let gap = Math.max(6, labelWidth(valueSize) + 8 - barWidth);
  const fits = () => series * barWidth + (series - 1) * gap <= groupWidth - 10;
  if (!fits()) {
    valueSize = 11;
    gap = Math.max(4, labelWidth(valueSize) + 6 - barWidth);
  }
  const stagger = !fits();
  if (stagger) gap = Math.max(4, (groupWidth - 10 - series * barWidth) / Math.max(1, series - 1));
  const zero = y(0);

  data.groups.forEach((group, g) => {
    const center = plotLeft + groupWidth * (g + 0.5);
    const total = series * barWidth + (series - 1) * gap;
    group.values.forEach((value, s) => {
      const x = center - total / 2 + s * (barWidth + gap);
      const top = Math.min(y(value), zero);
      const height = Math.abs(y(value) - zero);
      if (height >= 0.5) {
        f.marks.push(filledPath(rectPath(x, top, barWidth, height), fills[s]));
      } else {
        // A zero bar is a visible stub, so "0.00" labels a mark rather than empty space.
        f.marks.push(`<path d="${rectPath(x, zero - 1.5, barWidth, 1.5)}" fill="${fills[s].color}"/>`);
      }
      const lift = stagger && s % 2 === 1 ? valueSize + 4 : 0;
      const labelY = value >= 0 ? top - 10 - lift : top + height + 10 + lift;
      f.texts.push({ x: x + barWidth / 2, y: labelY, text: formatAmount(value), size: valueSize, color: theme.text, anchor: 'middle' });
    });
    let ty = plotBottom + 16;
    for (const text of labelLines[g]) {
      f.texts.push({ x: center, y: ty, text, size: SIZE.category, color: theme.text, anchor: 'middle' });
      ty += 19;
    }
    for (const text of noteLines[g]) {
      f.texts.push({ x: center, y: ty, text, size: SIZE.note, color: theme.muted, anchor: 'middle' });
      ty += 17;
    }
  });
  return scene(ctx, data, f);
}

/** The texts of a donut besides the names: each amount, the total, and "100" at the shares' precision. */
interface DonutTexts {
  amounts: string[];
  total: string;
  hundred: string;
}

function donutTexts(data: DonutFigure): DonutTexts {
  return {
    amounts: data.slices.map((s) => formatAmount(s.value)),
    total: formatAmount(data.total),
    hundred: data.slices[0].percent.includes('.') ? `100.${'0'.repeat(data.slices[0].percent.split('.')[1].length)}` : '100',
  };
}

/** The donut's legend table at one type size: its columns, wrapped names, row heights and height. */
function donutLegendLayout(data: DonutFigure, measure: Measure, texts: DonutTexts, tableLeft: number, tableRight: number, fontSize: number) {
  const percentWidth = Math.max(measure(`${texts.hundred}%`, fontSize, 700), ...data.slices.map((s) => measure(`${s.percent}%`, fontSize, 700)));
  const amountWidth = Math.max(measure(texts.total, fontSize, 700), ...texts.amounts.map((t) => measure(t, fontSize)));
  const percentX = tableRight;
  const amountX = percentX - percentWidth - 16;
  const nameX = tableLeft + 22;
  const nameWidth = amountX - amountWidth - 14 - nameX;
  const lineHeight = fontSize + 4;
  const rowHeight = (lines: number) => Math.max(fontSize * 2, lines * lineHeight + 8);
  const rows = data.slices.map((s) => wrap(s.label, nameWidth, fontSize, measure));
  const tableHeight = 26 + rows.reduce((sum, lines) => sum + rowHeight(lines.length), 0) + rowHeight(1) + 8;
  return { percentX, amountX, nameX, rows, rowHeight, lineHeight, height: tableHeight };
}

type DonutLegendLayout = ReturnType<typeof donutLegendLayout>;

/**
 * The legend table decides the height: shrink its type first, then grow the figure. Narrow: exactly
 * as tall as the ring and the table need.
 */
function donutSizing(
  data: DonutFigure,
  ctx: ChartContext,
  stacked: boolean,
  hasNote: boolean,
  tableLayout: (fontSize: number) => DonutLegendLayout,
): { height: number; size: number; layout: DonutLegendLayout } {
  let height = ctx.narrow ? Math.max(ctx.height, 300) : ctx.height;
  const metrics = frameMetrics(data, ctx, [], false);
  const MIN_RING = ctx.narrow ? 200 : 220;
  let size = SIZE.table;
  let layout = tableLayout(size);
  const available = () =>
    height - metrics.footer - metrics.top - (hasNote ? 20 : 0) - (stacked ? MIN_RING + 30 : 0);
  if (layout.height > available() && !ctx.narrow) {
    size = 12;
    layout = tableLayout(size);
  }
  if (layout.height > available()) height = Math.ceil(height + layout.height - available());
  if (ctx.narrow && layout.height < available()) height = Math.ceil(height - (available() - layout.height));
  return { height, size, layout };
}

/** Where the ring is drawn: its centre and radii. */
interface Ring {
  cx: number;
  cy: number;
  outer: number;
  inner: number;
}

/** The ring's slices, with separators in the background colour between neighbouring slices. */
function drawRing(f: Frame, data: DonutFigure, fills: Fill[], ring: Ring, theme: Theme): void {
  const { cx, cy, outer, inner } = ring;
  let angle = 0;
  const total = data.total;
  data.slices.forEach((slice, i) => {
    const sweep = (slice.value / total) * Math.PI * 2;
    const d = ringSlice(cx, cy, outer, inner, angle, angle + sweep);
    f.marks.push(filledPath(d, fills[i], ' fill-rule="evenodd"'));
    angle += sweep;
  });
  if (data.slices.length > 1) {
    angle = 0;
    for (const slice of data.slices) {
      const a = angle;
      f.marks.push(
        line(cx + inner * Math.sin(a), cy - inner * Math.cos(a), cx + outer * Math.sin(a), cy - outer * Math.cos(a), theme.background, 1.5),
      );
      angle += (slice.value / total) * Math.PI * 2;
    }
  }
}

/** Shares on the ring where the slice is wide enough; the legend table always has all of them. */
function drawRingShares(f: Frame, data: DonutFigure, ring: Ring, ctx: ChartContext): void {
  const { cx, cy, outer, inner } = ring;
  const { theme, measure } = ctx;
  const total = data.total;
  let angle = 0;
  const mid = (outer + inner) / 2;
  data.slices.forEach((slice) => {
    const sweep = (slice.value / total) * Math.PI * 2;
    const text = `${slice.percent}%`;
    const w = measure(text, SIZE.value, 700) + 10;
    if (sweep * mid >= w + 10 && outer - inner >= 22) {
      const a = angle + sweep / 2;
      const x = cx + mid * Math.sin(a);
      const y = cy - mid * Math.cos(a);
      f.marks.push(roundedRect(x - w / 2, y - 10, w, 20, 10, theme.background, ' fill-opacity="0.88"'));
      f.texts.push({ x, y, text, size: SIZE.value, weight: 700, color: theme.text, anchor: 'middle' });
    }
    angle += sweep;
  });
}

/** The ring's centre: what the whole is, and how much. */
function drawRingCentre(f: Frame, data: DonutFigure, ring: Ring, totalText: string, ctx: ChartContext): void {
  const { cx, cy, inner } = ring;
  const { theme, measure } = ctx;
  const centerLines = wrap(data.centerLabel, inner * 1.5, 13, measure);
  const valueSize = Math.min(22, (22 * inner * 1.6) / measure(totalText, 22, 700));
  const blockHeight = centerLines.length * 17 + valueSize * 1.3 + 16;
  let cyText = cy - blockHeight / 2 + 8;
  for (const text of centerLines) {
    f.texts.push({ x: cx, y: cyText, text, size: 13, color: theme.muted, anchor: 'middle' });
    cyText += 17;
  }
  cyText += valueSize * 0.65 - 4;
  f.texts.push({ x: cx, y: cyText, text: totalText, size: valueSize, weight: 700, color: theme.text, anchor: 'middle' });
  f.texts.push({ x: cx, y: cyText + valueSize * 0.65 + 9, text: '万元', size: 12, color: theme.muted, anchor: 'middle' });
}

/** Where the legend table goes and how it is set. */
interface DonutTable {
  left: number;
  right: number;
  headerY: number;
  size: number;
  layout: DonutLegendLayout;
}

/** The legend table: header, one row per slice (swatch, name, amount, share), then 合计. */
function drawDonutLegend(f: Frame, data: DonutFigure, fills: Fill[], table: DonutTable, texts: DonutTexts, theme: Theme): void {
  const { left: tableLeft, right: tableRight, headerY, size } = table;
  const { amountX, percentX, nameX, rows, rowHeight, lineHeight } = table.layout;
  f.texts.push({ x: tableRight, y: headerY - 24, text: data.unitLabel, size: SIZE.unit, color: theme.muted, anchor: 'end' });
  f.texts.push({ x: nameX, y: headerY, text: '项目', size: size - 1, color: theme.muted });
  f.texts.push({ x: amountX, y: headerY, text: '金额', size: size - 1, color: theme.muted, anchor: 'end' });
  f.texts.push({ x: percentX, y: headerY, text: '占比', size: size - 1, color: theme.muted, anchor: 'end' });
  f.marks.push(line(tableLeft, headerY + 13, tableRight, headerY + 13, theme.axis, 1));
  let rowY = headerY + 13;
  rows.forEach((lines, i) => {
    const h = rowHeight(lines.length);
    const centerY = rowY + h / 2;
    f.marks.push(swatch(tableLeft, centerY - 7, 14, fills[i], theme.text));
    lines.forEach((text, k) => {
      const ly = centerY - ((lines.length - 1) * lineHeight) / 2 + k * lineHeight;
      f.texts.push({ x: nameX, y: ly, text, size, color: theme.text });
    });
    f.texts.push({ x: amountX, y: centerY, text: texts.amounts[i], size, color: theme.text, anchor: 'end' });
    f.texts.push({ x: percentX, y: centerY, text: `${data.slices[i].percent}%`, size, weight: 700, color: theme.text, anchor: 'end' });
    rowY += h;
    f.marks.push(line(tableLeft, rowY, tableRight, rowY, theme.grid, 1));
  });
  const totalY = rowY + rowHeight(1) / 2;
  f.texts.push({ x: nameX, y: totalY, text: '合计', size, weight: 700, color: theme.text });
  f.texts.push({ x: amountX, y: totalY, text: texts.total, size, weight: 700, color: theme.text, anchor: 'end' });
  f.texts.push({ x: percentX, y: totalY, text: `${texts.hundred}%`, size, weight: 700, color: theme.text, anchor: 'end' });
  f.marks.push(line(tableLeft, rowY + rowHeight(1), tableRight, rowY + rowHeight(1), theme.axis, 1));
}

/** A ring with its legend table: name, amount, share (图2, 图3, 图5). */
export function donutScene(data: DonutFigure, ctx: ChartContext): Scene {
  const { width: W, theme } = ctx;
  if (data.empty) {
    const height = ctx.narrow ? NARROW_EMPTY_HEIGHT : ctx.height;
    const f = frame(data, ctx, [], height);
    emptyPanel(ctx, f, data.empty);
    return scene(ctx, data, f, height);
  }
  // One category is the whole: a ring closed on itself says nothing a sentence would not.
  if (data.slices.length === 1) return statementScene(data, ctx);
  const fills = data.slices.map((_, i) => categoryFill(theme, i));

  // Side by side in landscape; in a portrait or square image (and narrow) the table goes under the ring.
  const stacked = ctx.narrow || ctx.height >= ctx.width * 0.95;
  const leftWidth = stacked ? W - 2 * PAD : Math.round(W * 0.4);
  const tableLeft = stacked ? PAD : PAD + leftWidth + 20;
  const tableRight = W - PAD;
  const texts = donutTexts(data);
  const omittedNote = data.omitted.length ? `注：${data.omitted.join('、')}为负数，未在图中列示。` : '';
  const { height, size, layout } = donutSizing(data, ctx, stacked, omittedNote !== '', (fontSize) =>
    donutLegendLayout(data, ctx.measure, texts, tableLeft, tableRight, fontSize),
  );

  const f = frame(data, ctx, [], height, false);
  const top = f.top;
  const bottom = f.bottom - (omittedNote ? 20 : 0);
  if (omittedNote) f.texts.push({ x: PAD, y: bottom + 8, text: omittedNote, size: SIZE.note, color: theme.muted });

  // Ring: left half, or the space above the table.
  const ringBottom = stacked ? bottom - layout.height - 30 : bottom;
  const cy = (top + ringBottom) / 2;
  const outer = Math.max(40, Math.min(leftWidth / 2 - 24, (ringBottom - top) / 2 - 10));
  const ring: Ring = { cx: PAD + leftWidth / 2, cy, outer, inner: outer * 0.58 };
  drawRing(f, data, fills, ring, theme);
  drawRingShares(f, data, ring, ctx);
  drawRingCentre(f, data, ring, texts.total, ctx);

  const headerY = stacked ? ringBottom + 40 : Math.max(top + 26, cy - layout.height / 2 + 14);
  drawDonutLegend(f, data, fills, { left: tableLeft, right: tableRight, headerY, size, layout }, texts, theme);
  return scene(ctx, data, f, height);
}

/** Horizontal paired bars per 项-level subject: 年初预算数 vs 决算数 and the completion rate (图7). */
export function hbarsScene(data: HBarFigure, ctx: ChartContext): Scene {
  const { width: W, theme, measure } = ctx;
  const fills = data.series.map((_, i) => seriesFill(theme, i));
  if (ctx.narrow) {
    return barListScene(
      data,
      ctx,
      data.series,
      data.rows.map((r) => ({
        label: [r.code, r.name].filter(Boolean).join(' '),
        right: r.rate === null ? '—' : `${r.rate}%`,
        values: r.values,
        texts: r.values.map((v) => (v === null ? '未填列' : formatAmount(v))),
      })),
      data.rateHeader,
    );
  }
  if (data.empty) {
    const f = frame(data, ctx, data.series.map((label, i) => ({ label, fill: fills[i] })));
    emptyPanel(ctx, f, data.empty);
    return scene(ctx, data, f);
  }
  const nameSize = 13;
  const codeSize = 11.5;
  const codeWidth = Math.max(...data.rows.map((r) => measure(r.code, codeSize)));
  const nameMax = Math.min(W * 0.3, Math.max(1, ...data.rows.map((r) => measure(r.name, nameSize))));
  const names = data.rows.map((r) => wrap(r.name, nameMax, nameSize, measure));
  const nameWidth = Math.max(0, ...names.flat().map((l) => measure(l, nameSize)));
  const rateTexts = data.rows.map((r) => (r.rate === null ? '—' : `${r.rate}%`));
  const rateWidth = Math.max(measure(data.rateHeader, 12), ...rateTexts.map((t) => measure(t, 13, 700)));
  const valueTexts = data.rows.map((r) => r.values.map((v) => (v === null ? '未填列' : formatAmount(v))));
  const valueWidth = Math.max(...valueTexts.flat().map((t) => measure(t, 11.5)));

  const labelLeft = PAD;
  const barLeft = labelLeft + codeWidth + 8 + nameWidth + 14;
  const rateRight = W - PAD;
  const barRight = rateRight - rateWidth - 18;
  const barSpan = barRight - barLeft - valueWidth - 8;
  const barHeight = 10;
  const pitch = (lines: number) => Math.max(36, lines * 17 + 12);
  const rowsHeight = names.reduce((sum, lines) => sum + pitch(lines.length), 0);
  const headerTop = LEGEND_Y + 24;
  const needed = headerTop + 22 + rowsHeight + 26 + PAD + 24;
  const height = Math.max(ctx.height, Math.ceil(needed));
  const f = frame(data, ctx, data.series.map((label, i) => ({ label, fill: fills[i] })), height);

  const max = Math.max(1, ...data.rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const { hi, step } = niceTicks(0, max, 4);
  const x = (v: Cents) => barLeft + (Math.max(0, v) / hi) * barSpan;
  const rowsTop = headerTop + 22;
  const rowsBottom = rowsTop + rowsHeight;
  // Header row.
  f.texts.push({ x: labelLeft, y: headerTop + 6, text: '项级科目', size: 12, color: theme.muted });
  f.texts.push({ x: rateRight, y: headerTop + 6, text: data.rateHeader, size: 12, color: theme.muted, anchor: 'end' });
  for (const t of tickValues(0, hi, step)) {
    f.marks.push(line(x(t), rowsTop - 4, x(t), rowsBottom, t === 0 ? theme.axis : theme.grid, t === 0 ? 1.2 : 1));
    f.texts.push({ x: x(t), y: rowsBottom + 12, text: tickLabel(t, step), size: SIZE.tick, color: theme.muted, anchor: 'middle' });
  }
  let rowY = rowsTop;
  data.rows.forEach((row, i) => {
    const h = pitch(names[i].length);
    const cy = rowY + h / 2;
    if (i % 2 === 1) f.marks.push(`<path d="${rectPath(labelLeft - 6, rowY, rateRight - labelLeft + 12, h)}" fill="${theme.panel}" fill-opacity="0.6"/>`);
    const firstLine = cy - ((Math.max(1, names[i].length) - 1) * 17) / 2;
    f.texts.push({ x: labelLeft, y: firstLine, text: row.code, size: codeSize, color: theme.muted });
    names[i].forEach((text, k) => {
      f.texts.push({ x: labelLeft + codeWidth + 8, y: firstLine + k * 17, text, size: nameSize, color: theme.text });
    });
    row.values.forEach((value, s) => {
      const by = cy - barHeight - 1 + s * (barHeight + 2);
      const w = x(value ?? 0) - barLeft;
      // A value too small to see at this scale still gets a 2 px bar, so its label names a mark.
      const drawn = value !== null && value > 0 ? Math.max(2, w) : 0;
      if (drawn > 0) f.marks.push(filledPath(rectPath(barLeft, by, drawn, barHeight), fills[s]));
      f.texts.push({ x: barLeft + drawn + 5, y: by + barHeight / 2, text: valueTexts[i][s], size: 11.5, color: value === null ? theme.muted : theme.text });
    });
    f.texts.push({ x: rateRight, y: cy, text: rateTexts[i], size: 13, weight: 700, color: theme.text, anchor: 'end' });
    rowY += h;
  });
  f.marks.push(line(labelLeft - 6, rowsTop - 4, rateRight + 6, rowsTop - 4, theme.axis, 1));
  f.marks.push(line(labelLeft - 6, rowsBottom, rateRight + 6, rowsBottom, theme.axis, 1));
  return scene(ctx, data, f, height);
}

interface ListItem {
  label: string;
  /** Bold text at the right end of the label line (a completion rate). */
  right?: string;
  note?: string;
  /** One value per series; null is "not given" (no bar). */
  values: (Cents | null)[];
  texts: string[];
}

/**
 * The narrow form of bar charts: one block per category — its label (and rate) on a line, a note
 * under it, then one labelled horizontal bar per series. Every value is printed next to its bar,
 * so a value too small to draw still reads; the legend goes under the list.
 */
function barListScene(data: FigureData, ctx: ChartContext, series: string[], items: ListItem[], rightHeader?: string): Scene {
  const { width: W, theme, measure } = ctx;
  const fills = series.map((_, i) => seriesFill(theme, i));
  const legend = series.map((label, i) => ({ label, fill: fills[i] }));
  const m = frameMetrics(data, ctx, legend);
  if (data.empty) {
    const f = frame(data, ctx, legend, NARROW_EMPTY_HEIGHT);
    emptyPanel(ctx, f, data.empty);
    return scene(ctx, data, f, NARROW_EMPTY_HEIGHT);
  }
  const S = { label: 14, right: 14, note: 12.5, value: 13, bar: 13, barGap: 5, labelLine: 19, noteLine: 17, gap: 14 };
  const rightWidth = Math.max(0, ...items.map((it) => (it.right ? measure(it.right, S.right, 700) : 0)));
  const laid = items.map((it) => ({
    ...it,
    lines: wrap(it.label, W - 2 * PAD - (rightWidth ? rightWidth + 10 : 0), S.label, measure, 400, { words: true }),
    notes: it.note ? wrap(it.note, W - 2 * PAD, S.note, measure, 400, { words: true }) : [],
  }));
  const blockHeight = (it: (typeof laid)[number]) =>
    it.lines.length * S.labelLine + it.notes.length * S.noteLine + 4 + it.values.length * (S.bar + S.barGap) + S.gap;
  const headerHeight = rightHeader ? 20 : 0;
  const height = Math.ceil(m.top + headerHeight + laid.reduce((sum, it) => sum + blockHeight(it), 0) + m.footer);
  const f = frame(data, ctx, legend, height);
  const valueWidth = Math.max(...items.flatMap((it) => it.texts.map((t) => measure(t, S.value))));
  const barLeft = PAD;
  const barSpan = W - 2 * PAD - valueWidth - 8;
  const max = Math.max(1, ...items.flatMap((it) => it.values.map((v) => Math.abs(v ?? 0))));
  let y = f.top;
  if (rightHeader) {
    f.texts.push({ x: W - PAD, y: y + 4, text: rightHeader, size: 12.5, color: theme.muted, anchor: 'end' });
    y += headerHeight;
  }
  laid.forEach((it, i) => {
    if (i > 0) f.marks.push(line(PAD, y - S.gap / 2, W - PAD, y - S.gap / 2, theme.grid, 1));
    it.lines.forEach((text, k) => {
      f.texts.push({ x: PAD, y: y + S.labelLine / 2 + k * S.labelLine, text, size: S.label, color: theme.text });
    });
    if (it.right) f.texts.push({ x: W - PAD, y: y + S.labelLine / 2, text: it.right, size: S.right, weight: 700, color: theme.text, anchor: 'end' });
    y += it.lines.length * S.labelLine;
    for (const text of it.notes) {
      f.texts.push({ x: PAD, y: y + S.noteLine / 2, text, size: S.note, color: theme.muted });
      y += S.noteLine;
    }
    y += 4;
    it.values.forEach((value, k) => {
      const w = value === null ? 0 : (Math.abs(value) / max) * barSpan;
      if (value !== null && value !== 0) {
        // A value too small to see still gets a 2 px bar, so the mark and its label meet.
        f.marks.push(filledPath(rectPath(barLeft, y, Math.max(2, w), S.bar), fills[k]));
      } else if (value === 0) {
        f.marks.push(`<path d="${rectPath(barLeft, y, 1.5, S.bar)}" fill="${fills[k].color}"/>`);
      }
      const muted = value === null;
      f.texts.push({ x: barLeft + Math.max(2, w) + 6, y: y + S.bar / 2, text: it.texts[k], size: S.value, color: muted ? theme.muted : theme.text });
      y += S.bar + S.barGap;
    });
    y += S.gap;
  });
  return scene(ctx, data, f, height);
}

/**
 * A structure figure with a single category: a card that states it — the whole, its amount, and
 * that it is all one category — instead of a ring closed on itself (图2 of a fully funded unit).
 */
function statementScene(data: DonutFigure, ctx: ChartContext): Scene {
  const { width: W, theme, measure } = ctx;
  const slice = data.slices[0];
  const metrics = frameMetrics(data, ctx, [], false);
  const statement = data.statement ?? `${slice.label}（${slice.percent}%）`;
  const amount = formatAmount(data.total);
  const inner = W - 2 * PAD - 32;
  const amountSize = Math.min(ctx.narrow ? 34 : 44, (44 * inner) / measure(`${amount} 万元`, 44, 700));
  const statementLines = wrap(statement, inner, ctx.narrow ? 15 : 18, measure, 400, { words: true });
  const omitted = data.omitted.length ? wrap(`注：${data.omitted.join('、')}为负数，未在图中列示。`, inner, SIZE.note, measure) : [];
  const cardHeight = 28 + 22 + 14 + amountSize * 1.2 + 18 + statementLines.length * (ctx.narrow ? 21 : 26) + 24;
  const height = ctx.narrow ? Math.ceil(metrics.top + cardHeight + omitted.length * 17 + metrics.footer + 8) : ctx.height;
  const f = frame(data, ctx, [], height, false);
  const cardTop = ctx.narrow ? f.top : Math.max(f.top, (f.top + f.bottom - cardHeight - omitted.length * 17) / 2);
  const cardLeft = PAD + (ctx.narrow ? 0 : 40);
  const cardWidth = W - 2 * cardLeft;
  f.marks.push(roundedRect(cardLeft, cardTop, cardWidth, cardHeight, 8, theme.panel));
  f.marks.push(`<path d="${rectPath(cardLeft, cardTop, 6, cardHeight)}" fill="${categoryFill(theme, 0).color}"/>`);
  let y = cardTop + 28;
  f.texts.push({ x: W / 2, y, text: data.centerLabel, size: ctx.narrow ? 15 : 18, color: theme.muted, anchor: 'middle' });
  y += 22 + 14 + (amountSize * 1.2) / 2;
  f.texts.push({ x: W / 2, y, text: `${amount} 万元`, size: amountSize, weight: 700, color: theme.text, anchor: 'middle' });
  y += (amountSize * 1.2) / 2 + 18;
  for (const text of statementLines) {
    f.texts.push({ x: W / 2, y: y + 8, text, size: ctx.narrow ? 15 : 18, color: theme.text, anchor: 'middle' });
    y += ctx.narrow ? 21 : 26;
  }
  y = cardTop + cardHeight + 16;
  for (const text of omitted) {
    f.texts.push({ x: cardLeft, y, text, size: SIZE.note, color: theme.muted });
    y += 17;
  }
  return scene(ctx, data, f, height);
}

/** The chart for any figure. */
export function chartScene(data: FigureData, ctx: ChartContext): Scene {
  switch (data.kind) {
    case 'bars':
      return barsScene(data, ctx);
    case 'donut':
      return donutScene(data, ctx);
    case 'hbars':
      return hbarsScene(data, ctx);
  }
}

