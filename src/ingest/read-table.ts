/**
 * One recognised sheet → figures at payload paths. The table's layout (templates/sets/<id>/layouts)
 * drives everything: its header words find the columns, its body segments say what the rows are —
 * 功能分类 rows by code, paired 收/支 lines by label, fixed rows by label, 经济分类 groups — and its
 * figure paths say where each amount goes in the payload. Nothing here knows a particular table.
 */
import { BUILT_IN_FUNCTIONAL, type LineSpec, type SegmentSpec, type TableLayout } from '../model/layout-schema';
import { chineseNumeral, fill } from '../model/text';
import { functionalSubject, type TableRef, type TemplateSet } from '../model/template-set';
import { readAmount, type SheetUnit } from './amounts';
import { isColumnNumbersRow, layoutPaths, norm, stripOrdinal, type HeaderMatch, type Placement } from './headers';
import type { Builder } from './builder';
import { address, type Sheet } from './workbook';

export interface SheetContext {
  sheet: Sheet;
  ref: TableRef;
  layout: TableLayout;
  set: TemplateSet;
  builder: Builder;
  unit: SheetUnit;
  /** Cells read into the payload or recognised as part of the table's frame (title, header, notes). */
  placed: Set<string>;
  /** Why a cell could not be placed, where we know better than "not recognised". */
  reasons: Map<string, string>;
  notes: { sheet?: string; cell?: string; message: string }[];
}

const BUILT_IN = new Set<string>(BUILT_IN_FUNCTIONAL);

/** A figure path of a layout ("summary.income.gpb", "custom.x.lines.total.budget") as a JSON pointer into the payload. */
export const figurePointer = (figure: string): string => `/tables/${figure.split('.').join('/')}`;

/** The header words over a layout column, as printed ("本年支出 › 小计"). */
function layoutHeaderWords(layout: TableLayout, key: string): string {
  const path = layoutPaths(layout).find((p) => p.spec.key === key);
  return path ? path.parts[0].join(' › ') : key;
}

function tableName(ctx: SheetContext): string {
  return `《${ctx.ref.title}》`;
}

export function readTable(ctx: SheetContext, header: HeaderMatch | null): void {
  const { sheet, layout } = ctx;
  if (!header) {
    for (let r = 0; r < sheet.rows; r++) {
      for (let c = 0; c < sheet.cols; c++) {
        const cell = sheet.at(r, c);
        if (cell && !ctx.placed.has(cell.address)) {
          ctx.reasons.set(cell.address, `没有找到${tableName(ctx)}的表头（如“${layout.header[0]?.cells[0]?.text ?? ''}”），无法判断各列的含义`);
        }
      }
    }
    return;
  }
  // Header rows, the 栏次 row, and every cell in them are the table's frame.
  for (let r = header.top; r < header.dataStart; r++) {
    for (let c = 0; c < sheet.cols; c++) {
      const cell = sheet.at(r, c);
      if (!cell) continue;
      const ambiguous = header.ambiguous.get(c);
      if (r <= header.bottom && ambiguous && !header.byCol.has(c)) {
        ctx.reasons.set(cell.address, `表头“${ambiguous.words}”既可以是${tableName(ctx)}的“${ambiguous.candidates.join('”，也可以是“')}”栏目，无法确定，这一列没有导入（请把表头写成其中一个）`);
        continue;
      }
      if (r <= header.bottom && header.unknown.has(c) && !header.byCol.has(c)) {
        ctx.reasons.set(cell.address, `表头“${cell.text}”不是${tableName(ctx)}的栏目，这一列没有导入`);
        continue;
      }
      ctx.placed.add(cell.address);
    }
  }
  // Columns of the table the sheet does not have: their figures stay blank, and the reader should know.
  const titles = new Map(layout.valueColumns.map((v) => [v.key, v.title]));
  for (const column of layout.columns) {
    if (column.kind !== 'amount' || header.columns.has(column.key)) continue;
    const words = titles.get(column.key) ?? layoutHeaderWords(layout, column.key);
    ctx.notes.push({ sheet: sheet.name, message: `没有找到${tableName(ctx)}的栏目“${words}”，这一栏的数没有导入` });
  }
  const rows = dataRows(ctx, header);
  for (const segment of layout.body) readSegment(ctx, header, rows, segment);
  // Cells in columns the layout does not have.
  for (const r of rows) {
    for (const [c, words] of header.unknown) {
      const cell = sheet.at(r, c);
      if (!cell || ctx.placed.has(cell.address)) continue;
      const ambiguous = header.ambiguous.get(c);
      ctx.reasons.set(
        cell.address,
        ambiguous
          ? `所在列的表头“${words}”既可以是“${ambiguous.candidates.join('”也可以是“')}”，无法确定`
          : `所在列的表头“${words}”不是${tableName(ctx)}的栏目`,
      );
    }
  }
}

/** Data rows: after the header, up to the notes under the table ("注：…"), which are frame. */
function dataRows(ctx: SheetContext, header: HeaderMatch): number[] {
  const { sheet } = ctx;
  const notes = ctx.layout.notes.map(norm);
  const emptyNote = ctx.layout.emptyNote ? norm(ctx.layout.emptyNote).replace(/\{year\}/g, '') : null;
  const rows: number[] = [];
  // A note, and the lines that continue it right under it in the same column ("2. 本套报表…").
  let note: { row: number; col: number } | null = null;
  for (let r = header.dataStart; r < sheet.rows; r++) {
    const cells: { c: number; text: string; numeric: boolean }[] = [];
    for (let c = 0; c < sheet.cols; c++) {
      const cell = sheet.at(r, c);
      if (cell) cells.push({ c, text: cell.text, numeric: cell.number !== undefined });
    }
    if (cells.length === 0) continue;
    const first = norm(cells[0].text);
    const textOnly = cells.length === 1 && !cells[0].numeric && !/^[-+]?[\d,]+(\.\d+)?$/.test(first);
    const continues = note !== null && note.row === r - 1 && cells[0].c === note.col;
    const isNote =
      textOnly &&
      (/^(注|说明|备注)[:：]?/.test(first) ||
        notes.some((n) => n === first || (n.includes(first) && first.length >= 8)) ||
        (emptyNote !== null && first.replace(/\d{4}/g, '') === emptyNote) ||
        continues);
    if (isNote) {
      note = { row: r, col: cells[0].c };
      ctx.placed.add(address(r, cells[0].c));
      continue;
    }
    if (isColumnNumbersRow(sheet, r) && r === header.dataStart) {
      for (const x of cells) ctx.placed.add(address(r, x.c));
      continue;
    }
    rows.push(r);
  }
  return rows;
}

function readSegment(ctx: SheetContext, header: HeaderMatch, rows: number[], segment: SegmentSpec): void {
  switch (segment.type) {
    case 'functional':
      functionalSegment(ctx, header, rows, segment);
      break;
    case 'paired':
      pairedSegment(ctx, header, rows, segment);
      break;
    case 'rows':
      rowsSegment(ctx, header, rows, segment);
      break;
    case 'economic':
      economicSegment(ctx, header, rows, segment);
      break;
  }
}

/** Reads the amount at (r, c) into the payload at `pointer`; reports what cannot be read. */
function placeAmount(ctx: SheetContext, r: number, c: number, pointer: string): void {
  const cell = ctx.sheet.at(r, c);
  if (!cell) return;
  const read = readAmount(cell, ctx.unit, ctx.set.zero === '-');
  if (read.kind === 'blank') {
    ctx.placed.add(cell.address);
    return;
  }
  if (read.kind === 'invalid') {
    ctx.reasons.set(cell.address, read.reason);
    return;
  }
  if (read.rounded) {
    ctx.notes.push({
      sheet: ctx.sheet.name,
      cell: cell.address,
      message: `“${cell.text}”${ctx.unit}超过 0.01 万元的精度，已四舍五入为 ${formatCents(read.cents)} 万元`,
    });
  }
  const conflict = ctx.builder.setAmount(pointer, read.cents, { sheet: ctx.sheet.name, cell: cell.address });
  if (conflict) ctx.reasons.set(cell.address, conflict);
  else ctx.placed.add(cell.address);
}

function formatCents(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const colOf = (header: HeaderMatch, key: string): number | undefined => {
  const p = header.columns.get(key);
  return p && !p.split && p.cols[0] >= 0 ? p.cols[0] : undefined;
};

// ---------------------------------------------------------------------------------------------
// 功能分类 rows

const JOINED_CODE = /^[[【［]?\s*(\d{3})\s*(\d{2})?\s*(\d{2})?\s*[\]】］]?\s*(.*)$/s;

/** A 功能分类 code from one cell: "2010301", "201 03 01", "[2010301]行政运行" (with the rest as the name, as written). */
function joinedCode(text: string): { code: string; rest: string } | null {
  const t = text.trim();
  const m = JOINED_CODE.exec(t);
  if (!m) return null;
  if (m[3] && !m[2]) return null;
  const rest = m[4].trim();
  // "201一般公共服务支出" is a code and a name, "2010" is not a code.
  if (/^\d/.test(rest)) return null;
  return { code: m[1] + (m[2] ?? '') + (m[3] ?? ''), rest: rest.replace(/^[-—:：.、\s]+/, '') };
}

function functionalSegment(ctx: SheetContext, header: HeaderMatch, rows: number[], seg: Extract<SegmentSpec, { type: 'functional' }>): void {
  const { sheet, layout } = ctx;
  const codeSpec = layout.columns.find((c) => c.kind === 'code');
  const nameSpec = layout.columns.find((c) => c.kind === 'name');
  const code: Placement | undefined = codeSpec ? header.columns.get(codeSpec.key) : undefined;
  const nameCol = nameSpec ? colOf(header, nameSpec.key) : undefined;
  const amountSpecs = layout.columns.filter((c) => c.kind === 'amount');
  const valueCols = seg.values.map((v, i) => ({ key: v, col: colOf(header, amountSpecs.find((a) => a.key === v)?.key ?? amountSpecs[i]?.key ?? v) }));
  const builtIn = BUILT_IN.has(seg.table);
  const base = builtIn ? `/tables/${seg.table}` : `/tables/custom/${seg.table}`;
  const total = norm(seg.totalLabel);
  const firstAmount = Math.min(...valueCols.map((v) => v.col ?? Number.POSITIVE_INFINITY));
  let context = { class: '', section: '' };

  for (const r of rows) {
    const textAt = (c: number | undefined) => (c === undefined || c < 0 ? '' : (sheet.at(r, c)?.text ?? ''));
    const labelCells: number[] = [];
    for (let c = 0; c < Math.min(sheet.cols, firstAmount); c++) if (sheet.at(r, c)) labelCells.push(c);
    // The 合计 row: its label may sit in the code or the name column (often merged over both).
    if (labelCells.some((c) => norm(sheet.at(r, c)!.text) === total)) {
      for (const c of labelCells) ctx.placed.add(address(r, c));
      for (const v of valueCols) if (v.col !== undefined) placeAmount(ctx, r, v.col, `${base}/total/${v.key}`);
      continue;
    }
    let parsed: { code: string; rest: string } | null = null;
    if (code?.split) {
      // A 款 or 项 typed as a number loses its leading zero in Excel (03 → 3).
      const parts = code.cols.map((c) => norm(textAt(c))).map((p, i) => (i > 0 && /^\d$/.test(p) ? `0${p}` : p));
      if (parts.every((p) => p === '' || /^\d+$/.test(p)) && parts.some((p) => p !== '')) {
        const [p0 = '', p1 = '', p2 = ''] = parts;
        if (/^\d{3}(\d{2}){0,2}$/.test(p0) && p0.length > 3 && p1 === '' && p2 === '') parsed = { code: p0, rest: '' };
        else if (/^\d{3}$/.test(p0) && /^(\d{2})?$/.test(p1) && /^(\d{2})?$/.test(p2) && !(p2 && !p1)) parsed = { code: p0 + p1 + p2, rest: '' };
        else if (p0 === '' && /^\d{2}$/.test(p1) && context.class) parsed = { code: context.class + p1 + (/^\d{2}$/.test(p2) ? p2 : ''), rest: '' };
        else if (p0 === '' && p1 === '' && /^\d{2}$/.test(p2) && context.section) parsed = { code: context.section + p2, rest: '' };
      } else if (parts[0] !== '') {
        parsed = joinedCode(textAt(code.cols[0]));
      }
    } else if (code) {
      parsed = joinedCode(textAt(code.cols[0]));
    }
    if (!parsed && nameCol !== undefined) parsed = joinedCode(textAt(nameCol));
    if (!parsed || !/^\d{3}(\d{2}(\d{2})?)?$/.test(parsed.code)) {
      // Digits where a code belongs that make no 功能分类 code: say so rather than "not recognised".
      const codeCells = code ? code.cols.filter((c) => c >= 0 && sheet.at(r, c)) : [];
      const digits = codeCells.map((c) => norm(textAt(c))).join('');
      if (codeCells.length > 0 && /^\d+$/.test(digits)) {
        const shown = codeCells.map((c) => textAt(c)).join(' ');
        for (const c of codeCells) {
          ctx.reasons.set(address(r, c), `科目编码“${shown}”不是 3 位（类）、5 位（款）或 7 位（项）的功能分类编码，这一行没有导入`);
        }
      }
      continue;
    }
    if (parsed.code.length >= 3) context = { class: parsed.code.slice(0, 3), section: parsed.code.length >= 5 ? parsed.code.slice(0, 5) : '' };
    let name = nameCol !== undefined ? textAt(nameCol).trim() : '';
    if (name === '' || joinedCode(name)?.code === parsed.code) name = parsed.rest || name.replace(/^\[?\s*[\d\s]+\]?\s*/, '');
    const first = code ? code.cols.find((c) => c >= 0 && sheet.at(r, c)) : undefined;
    const src = { sheet: sheet.name, cell: address(r, first ?? nameCol ?? 0) };
    if (name === '') {
      const known = functionalSubject(parsed.code)?.name;
      if (known) {
        name = known;
        ctx.notes.push({ sheet: sheet.name, cell: src.cell, message: `科目 ${parsed.code} 没有名称，按《政府收支分类科目》填为“${known}”` });
      } else if (builtIn) {
        ctx.reasons.set(src.cell, `科目 ${parsed.code} 没有科目名称，无法导入这一行`);
        continue;
      }
    }
    const index = ctx.builder.functionalRow(base, builtIn, parsed.code, name, src);
    const named = ctx.builder.rowName(base, index);
    if (named !== undefined && named !== name && name !== '') {
      ctx.notes.push({ sheet: sheet.name, cell: src.cell, message: `科目 ${parsed.code} 在这里名为“${name}”，前面的表中为“${named}”，采用“${named}”` });
    }
    if (code) for (const c of code.cols) if (c >= 0 && sheet.at(r, c)) ctx.placed.add(address(r, c));
    if (nameCol !== undefined && sheet.at(r, nameCol)) ctx.placed.add(address(r, nameCol));
    for (const v of valueCols) {
      if (v.col === undefined) continue;
      placeAmount(ctx, r, v.col, builtIn ? `${base}/rows/${index}/${v.key}` : `${base}/rows/${index}/values/${v.key}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Labelled lines: paired 收/支 halves and fixed rows

interface LineTarget {
  /** Normalised label, and without its numbering. */
  exact: string;
  bare: string;
  figures: string[];
}

function lineTargets(ctx: SheetContext, lines: LineSpec[]): LineTarget[] {
  const out: LineTarget[] = [];
  for (const line of lines) {
    if (!('classLines' in line)) {
      if (line.label === '' || !line.figures?.length) continue;
      const exact = norm(line.label);
      out.push({ exact, bare: stripOrdinal(exact), figures: line.figures });
      continue;
    }
    const { source, label, figures } = line.classLines;
    ctx.set.classLines.forEach((cls, index) => {
      const exact = norm(fill(label, { ordinal: chineseNumeral(index + 1), name: cls.name, code: cls.code }));
      out.push({ exact, bare: norm(cls.name), figures: figures.map((f) => `${source}.${fill(f, { code: cls.code })}`) });
    });
  }
  return out;
}

/** The line a printed label stands for: the exact label, else the only one with the same words after its numbering. */
function findLine(targets: LineTarget[], text: string): LineTarget | undefined {
  const t = norm(text);
  const exact = targets.find((x) => x.exact === t);
  if (exact) return exact;
  const bare = stripOrdinal(t);
  const same = targets.filter((x) => x.bare === bare || stripOrdinal(x.exact) === bare);
  return same.length === 1 ? same[0] : undefined;
}

/** 类 lines outside the set's fixed list ("229 其他支出" in a set without it): by their code. */
function classLineByCode(lines: LineSpec[], text: string): string[] | undefined {
  const m = /^\[?(\d{3})\]?\s*\S/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  for (const line of lines) {
    if ('classLines' in line) return line.classLines.figures.map((f) => `${line.classLines.source}.${fill(f, { code: m[1] })}`);
  }
  return undefined;
}

function pairedSegment(ctx: SheetContext, header: HeaderMatch, rows: number[], seg: Extract<SegmentSpec, { type: 'paired' }>): void {
  const { sheet, layout } = ctx;
  const labelIndexes = layout.columns.flatMap((c, i) => (c.kind === 'label' ? [i] : []));
  const halves = [0, 1].map((h) => {
    const start = labelIndexes[h] ?? 0;
    const end = h === 0 ? (labelIndexes[1] ?? layout.columns.length) : layout.columns.length;
    const specs = layout.columns.slice(start, end);
    const lines = seg.blocks.flatMap((b) => (h === 0 ? b.left : b.right));
    return {
      labelCol: colOf(header, specs.find((s) => s.kind === 'label')?.key ?? ''),
      lineCol: colOf(header, specs.find((s) => s.kind === 'line')?.key ?? ''),
      amountCols: specs.filter((s) => s.kind === 'amount').map((s) => colOf(header, s.key)),
      lines,
      targets: lineTargets(ctx, lines),
    };
  });
  for (const r of rows) {
    for (const half of halves) {
      if (half.lineCol !== undefined && sheet.at(r, half.lineCol)) ctx.placed.add(address(r, half.lineCol));
      if (half.labelCol === undefined) continue;
      const labelCell = sheet.at(r, half.labelCol);
      if (!labelCell) continue;
      const figures = findLine(half.targets, labelCell.text)?.figures ?? classLineByCode(half.lines, labelCell.text);
      if (!figures) {
        const hasAmount = half.amountCols.some((c) => c !== undefined && sheet.at(r, c));
        if (hasAmount) ctx.reasons.set(labelCell.address, `“${labelCell.text}”不是${tableName(ctx)}的项目，这一行的金额没有导入`);
        else ctx.reasons.set(labelCell.address, `“${labelCell.text}”不是${tableName(ctx)}的项目`);
        for (const c of half.amountCols) {
          const cell = c === undefined ? undefined : sheet.at(r, c);
          if (cell) ctx.reasons.set(cell.address, `所在行的项目“${labelCell.text}”不是${tableName(ctx)}的项目`);
        }
        continue;
      }
      ctx.placed.add(labelCell.address);
      figures.forEach((figure, j) => {
        const c = half.amountCols[j];
        if (c !== undefined) placeAmount(ctx, r, c, figurePointer(figure));
      });
    }
  }
}

function rowsSegment(ctx: SheetContext, header: HeaderMatch, rows: number[], seg: Extract<SegmentSpec, { type: 'rows' }>): void {
  const { sheet, layout } = ctx;
  const used = new Set<number>();
  for (const spec of seg.rows) {
    // Each figure with the label printed before it in the row (if any), at its logical column.
    let col = 0;
    let label: string | null = null;
    const figures: { figure: string; key: string; label: string | null }[] = [];
    for (const cell of spec.cells) {
      if ('text' in cell) label = cell.text;
      else figures.push({ figure: cell.figure, key: layout.columns[col]?.key ?? '', label });
      col += cell.span ?? 1;
    }
    const byLabel = new Map<string, typeof figures>();
    for (const f of figures) {
      const k = f.label ?? '';
      byLabel.set(k, [...(byLabel.get(k) ?? []), f]);
    }
    for (const [text, group] of byLabel) {
      let row: number | undefined;
      let labelCell: string | undefined;
      if (text !== '') {
        const want = norm(text);
        const bare = stripOrdinal(want);
        for (const r of rows) {
          for (let c = 0; c < sheet.cols; c++) {
            const cell = sheet.at(r, c);
            if (!cell || cell.number !== undefined) continue;
            const t = norm(cell.text);
            if (t === want || (bare !== '' && stripOrdinal(t) === bare)) {
              row = r;
              labelCell = cell.address;
              break;
            }
          }
          if (row !== undefined) break;
        }
      } else {
        // Figures without a label (公开09表's one row): the first data row not yet used with a figure in their columns.
        row = rows.find((r) => !used.has(r) && group.some((f) => {
          const c = colOf(header, f.key);
          return c !== undefined && sheet.at(r, c) !== undefined && !ctx.placed.has(address(r, c));
        }));
      }
      if (row === undefined) continue;
      used.add(row);
      if (labelCell) ctx.placed.add(labelCell);
      for (const f of group) {
        const c = colOf(header, f.key);
        if (c !== undefined) placeAmount(ctx, row, c, figurePointer(f.figure));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 经济分类 groups side by side (code, name, amount) × n

function economicSegment(ctx: SheetContext, header: HeaderMatch, rows: number[], seg: Extract<SegmentSpec, { type: 'economic' }>): void {
  const { sheet, layout } = ctx;
  // The payload keeps 经济分类 amounts by code in the table's `items` (the model calls them rows).
  const base = figurePointer(seg.source).replace(/\/[^/]+$/, '/items');
  const groups: { code?: number; name?: number; amount?: number }[] = [];
  for (const spec of layout.columns) {
    if (spec.kind === 'code') groups.push({ code: colOf(header, spec.key) });
    const g = groups[groups.length - 1];
    if (!g) continue;
    if (spec.kind === 'name' && g.name === undefined) g.name = colOf(header, spec.key);
    if (spec.kind === 'amount' && g.amount === undefined) g.amount = colOf(header, spec.key);
  }
  for (const r of rows) {
    for (const g of groups) {
      if (g.code === undefined) continue;
      const cell = sheet.at(r, g.code);
      if (!cell) continue;
      const m = /^\[?\s*(\d{3}(?:\s?\d{2})?)\s*\]?\s*(.*)$/.exec(cell.text.normalize('NFKC').trim());
      if (!m || /^\d/.test(m[2])) continue;
      const code = m[1].replace(/\s/g, '');
      ctx.placed.add(cell.address);
      if (g.name !== undefined && sheet.at(r, g.name)) ctx.placed.add(address(r, g.name));
      if (g.amount !== undefined) placeAmount(ctx, r, g.amount, `${base}/${code}`);
    }
  }
}
