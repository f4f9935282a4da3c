/**
 * From a table layout (data) and the model to a neutral grid of cells: the one place that knows
 * how layouts are read. HTML, CSV and JSON are three serialisations of the same grid, so they
 * cannot disagree about a figure.
 */
import type { EconomicRowModel, Figure, Model } from '../../model/derive';
import { perModel } from '../../model/per-model';
import { formatAmount } from '../../schema/money';
import { functionalSubject, type TableKey, type TableRef } from '../../model/template-set';
import { notFound } from '../errors';
import {
  layoutSet,
  type CellSpec,
  type ColumnKind,
  type ColumnSpec,
  type Emphasis,
  type HeaderRowSpec,
  type LineSpec,
  type SegmentSpec,
  type TableLayout,
} from '../layout';
import { chineseNumeral, fill } from '../../model/text';

export interface GridCell {
  /** Text as displayed (amounts with thousands separators). */
  text: string;
  /** Text for CSV (amounts without separators). */
  plain: string;
  /** `stub`: a label spanning code and name columns (合计, 栏次-like labels). */
  kind: ColumnKind | 'stub';
  /** Rendered as <th scope="row">. */
  rowHeader: boolean;
  /** Logical columns covered. */
  span: number;
  /** Physical (HTML) columns covered. */
  colspan: number;
  /** True for a figure cell (blank or not). */
  figure: boolean;
  /**
   * JSON pointer of the payload figure the cell prints (or, for a derived figure, where the payload
   * would type it): audit findings name the same pointers, so a finding can point at its cell.
   */
  path?: string;
  indent?: number;
}

export interface GridRow {
  cells: GridCell[];
  emphasis?: Emphasis;
  /** 功能分类 level of the row: class (类) / section (款) / item (项). */
  level?: string;
}

/** One machine-readable record of a table (a row of the JSON output). */
export interface TableRecord {
  code: string | null;
  name: string;
  level: string | null;
  section?: string;
  line?: number;
  /** Amounts as exact decimal strings without separators; null where the table prints blank. */
  values: Record<string, string | null>;
}

export interface BuiltTable {
  no: string;
  key: TableKey;
  title: string;
  label: string | null;
  department: string;
  fiscalYear: number;
  unit: string;
  layout: TableLayout;
  columns: ColumnSpec[];
  header: HeaderRowSpec[];
  rows: GridRow[];
  records: TableRecord[];
  notes: string[];
  /** True when every figure of the table is blank. */
  empty: boolean;
  /** The 空表说明, filled in, when the table is empty and the layout has one. */
  emptyNote: string | null;
  /** Physical column count. */
  width: number;
}

/** Finds a table by its published number; unknown numbers are the client's mistake (404). */
export function tableRef(model: Model, id: string): TableRef {
  const ref = model.set.tables.find((t) => t.no === id);
  if (!ref) {
    const known = model.set.tables.map((t) => t.no).join('、');
    throw notFound(`没有编号为“${id}”的表。本模板集的表编号为：${known}`);
  }
  return ref;
}

/** Blank for null and for zero: the national format leaves zero cells empty. */
function isBlank(value: number | null): value is null {
  return value === null || value === 0;
}

/**
 * The printed text of a figure. A 0 the payload typed prints as the template set prints zeros
 * (`zero`: "0.00", "0", "-", or blank); anything left out, or derived as 0, prints blank.
 */
export function displayAmount(figure: Figure, zero = ''): string {
  if (figure.value === 0 && figure.printed) return zero;
  return isBlank(figure.value) ? '' : formatAmount(figure.value);
}

/** CSV/JSON value: exact decimal without separators; a typed 0 is "0.00" where the set prints zeros. */
export function plainAmount(figure: Figure, zero = ''): string | null {
  if (figure.value === 0 && figure.printed && zero !== '') return formatAmount(0, { separators: false });
  return isBlank(figure.value) ? null : formatAmount(figure.value, { separators: false });
}

type FunctionalSource = { rows: { code: string; name: string; level: string; cells: Record<string, Figure> }[]; total: Record<string, Figure> };

/** The rows of a functional segment: a built-in table of the model, or a table the set declares. */
function functionalSource(model: Model, table: string): FunctionalSource {
  switch (table) {
    case 'income':
    case 'expense':
    case 'gpbExpense':
    case 'fund':
    case 'stateCapital':
      return model[table];
  }
  const declared = Object.hasOwn(model.custom, table) ? model.custom[table].functional : undefined;
  if (!declared) throw new Error(`layout functional table not found: ${table}`);
  return declared;
}

function isFigure(x: unknown): x is Figure {
  return typeof x === 'object' && x !== null && 'value' in x && 'printed' in x && 'path' in x;
}

/**
 * Resolves a layout's figure path against the model ("summary.expenseByClass.201"). Layouts are
 * our data, so a wrong path is a bug: it throws instead of printing a silent blank.
 */
export function resolveFigure(model: Model, path: string): Figure {
  const found = walk(model, path);
  if (!isFigure(found)) throw new Error(`layout figure path does not name a figure: ${path}`);
  return found;
}

function walk(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (current instanceof Map) {
      if (!current.has(segment)) throw new Error(`layout figure path not found: ${path}`);
      current = current.get(segment);
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      throw new Error(`layout figure path not found: ${path}`);
    }
  }
  return current;
}

class Builder {
  rows: GridRow[] = [];
  records: TableRecord[] = [];
  private readonly spans: number[];

  constructor(
    private readonly model: Model,
    private readonly layout: TableLayout,
  ) {
    this.spans = layout.columns.map((c) => c.span ?? 1);
  }

  /** Physical colspan of `span` logical columns starting at logical column `start`. */
  private colspan(start: number, span: number): number {
    let total = 0;
    for (let i = start; i < start + span; i++) total += this.spans[i] ?? 1;
    return total;
  }

  textCell(text: string, kind: GridCell['kind'], start: number, options: { rowHeader?: boolean; span?: number; indent?: number } = {}): GridCell {
    const span = options.span ?? 1;
    return {
      text,
      plain: text,
      kind,
      rowHeader: options.rowHeader ?? false,
      span,
      colspan: this.colspan(start, span),
      figure: false,
      ...(options.indent ? { indent: options.indent } : {}),
    };
  }

  /** CSV/JSON text of a figure under the set's zero rule. */
  plain(figure: Figure): string | null {
    return plainAmount(figure, this.model.set.zero);
  }

  figureCell(figure: Figure | null, start: number, span = 1): GridCell {
    return {
      text: figure ? displayAmount(figure, this.model.set.zero) : '',
      plain: figure ? (this.plain(figure) ?? '') : '',
      kind: 'amount',
      rowHeader: false,
      span,
      colspan: this.colspan(start, span),
      figure: true,
      ...(figure ? { path: figure.path } : {}),
    };
  }

  push(row: GridRow): void {
    const covered = row.cells.reduce((n, c) => n + c.span, 0);
    if (covered !== this.layout.columns.length) {
      throw new Error(`layout ${this.layout.key}: a body row covers ${covered} of ${this.layout.columns.length} columns`);
    }
    this.rows.push(row);
  }

  segment(spec: SegmentSpec): void {
    switch (spec.type) {
      case 'rows':
        this.explicitRows(spec);
        break;
      case 'functional':
        this.functional(spec);
        break;
      case 'paired':
        this.paired(spec);
        break;
      case 'economic':
        this.economic(spec);
        break;
    }
  }

  private explicitRows(spec: Extract<SegmentSpec, { type: 'rows' }>): void {
    for (const row of spec.rows) {
      let start = 0;
      const cells = row.cells.map((cell: CellSpec) => {
        const span = cell.span ?? 1;
        const built =
          'figure' in cell
            ? this.figureCell(resolveFigure(this.model, cell.figure), start, span)
            : this.textCell(cell.text, span > 1 ? 'stub' : 'label', start, { rowHeader: cell.rowHeader, span });
        start += span;
        return built;
      });
      this.push({ cells, ...(row.emphasis ? { emphasis: row.emphasis } : {}) });
      for (const record of row.records ?? []) {
        this.records.push({
          code: record.code ?? null,
          name: record.name,
          level: record.level ?? null,
          ...(record.section ? { section: record.section } : {}),
          values: Object.fromEntries(
            Object.entries(record.values).map(([key, path]) => [key, this.plain(resolveFigure(this.model, path))]),
          ),
        });
      }
    }
  }

  private functional(spec: Extract<SegmentSpec, { type: 'functional' }>): void {
    const table = functionalSource(this.model, spec.table);
    const valueCells = (cells: Record<string, Figure>) =>
      spec.values.map((key, i) => this.figureCell(cells[key] ?? null, 2 + i));
    const values = (cells: Record<string, Figure>) =>
      Object.fromEntries(spec.values.map((key) => [key, cells[key] ? this.plain(cells[key]) : null]));
    const totalRow = () => {
      this.push({
        cells: [this.textCell(spec.totalLabel, 'stub', 0, { rowHeader: true, span: 2 }), ...valueCells(table.total)],
        emphasis: 'total',
      });
      this.records.push({ code: null, name: spec.totalLabel, level: 'total', values: values(table.total) });
    };
    const position = spec.total ?? 'first';
    if (position === 'first') totalRow();
    for (const row of table.rows) {
      if (spec.rows === 'nonblank' && spec.values.every((key) => !row.cells[key] || row.cells[key].value === null || row.cells[key].value === 0))
        continue;
      this.push({
        cells: [
          this.textCell(row.code, 'code', 0),
          this.textCell(row.name, 'name', 1, { rowHeader: true }),
          ...valueCells(row.cells),
        ],
        level: row.level,
      });
      this.records.push({ code: row.code, name: row.name, level: row.level, values: values(row.cells) });
    }
    if (position === 'last') totalRow();
  }

  /** Expands a half's line specs: the fixed 类 lines come from the template set. */
  private expandLines(lines: LineSpec[]): ExpandedLine[] {
    const out: ExpandedLine[] = [];
    for (const line of lines) {
      if (!('classLines' in line)) {
        out.push({
          label: line.label,
          figures: (line.figures ?? []).map((p) => resolveFigure(this.model, p)),
          code: null,
          emphasis: line.emphasis,
          indent: line.indent,
        });
        continue;
      }
      const { source, label, figures } = line.classLines;
      const map = walk(this.model, source);
      if (!(map instanceof Map)) throw new Error(`layout classLines source is not a map: ${source}`);
      const fixed = this.model.set.classLines;
      const codes = fixed.map((c) => c.code);
      // A 类 outside the fixed list (a payload using an unusual code) still prints, after the
      // fixed lines, rather than vanishing from the total.
      for (const code of [...map.keys()].sort()) {
        if (codes.includes(code)) continue;
        const figs = figures.map((p) => resolveFigure(this.model, `${source}.${fill(p, { code })}`));
        if (figs.some((f) => !isBlank(f.value))) codes.push(code);
      }
      codes.forEach((code, index) => {
        const name = fixed.find((c) => c.code === code)?.name ?? functionalSubject(code)?.name ?? code;
        out.push({
          label: fill(label, { ordinal: chineseNumeral(index + 1), name, code }),
          figures: figures.map((p) => resolveFigure(this.model, `${source}.${fill(p, { code })}`)),
          code,
        });
      });
    }
    return out;
  }

  private paired(spec: Extract<SegmentSpec, { type: 'paired' }>): void {
    const [leftHalf, rightHalf] = spec.halves;
    const blocks = spec.blocks.map((block) => {
      const left = this.expandLines(block.left);
      const right = this.expandLines(block.right);
      const n = Math.max(left.length, right.length);
      const pad = (lines: ExpandedLine[]) => [
        ...lines,
        ...Array.from({ length: n - lines.length }, (): ExpandedLine => ({ label: '', figures: [], code: null })),
      ];
      return { left: pad(left), right: pad(right) };
    });
    const leftCount = blocks.reduce((n, b) => n + b.left.length, 0);
    let leftLine = 1;
    let rightLine = leftCount + 1;
    // 行次: a column after each half's label, unless the set's format prints none.
    const numbered = spec.lineNumbers !== false;
    const lead = numbered ? 2 : 1;
    const leftWidth = lead + leftHalf.values.length;

    const halfCells = (line: ExpandedLine, lineNo: number, values: string[], start: number): GridCell[] => [
      line.label
        ? this.textCell(line.label, 'label', start, { rowHeader: true, indent: line.indent })
        : this.textCell('', 'label', start),
      ...(numbered ? [this.textCell(String(lineNo), 'line', start + 1)] : []),
      ...values.map((_, i) => this.figureCell(line.figures[i] ?? null, start + lead + i)),
    ];
    const record = (line: ExpandedLine, lineNo: number, half: typeof leftHalf): void => {
      if (!line.label) return;
      this.records.push({
        code: line.code,
        name: line.label,
        level: line.code ? 'class' : line.emphasis ? 'total' : null,
        section: half.section,
        ...(numbered ? { line: lineNo } : {}),
        values: Object.fromEntries(
          half.values.map((key, i) => [key, line.figures[i] ? this.plain(line.figures[i]) : null]),
        ),
      });
    };

    const leftRecords: [ExpandedLine, number][] = [];
    const rightRecords: [ExpandedLine, number][] = [];
    for (const block of blocks) {
      block.left.forEach((left, i) => {
        const right = block.right[i];
        const emphasis = left.emphasis ?? right.emphasis;
        this.push({
          cells: [
            ...halfCells(left, leftLine, leftHalf.values, 0),
            ...halfCells(right, rightLine, rightHalf.values, leftWidth),
          ],
          ...(emphasis ? { emphasis } : {}),
        });
        leftRecords.push([left, leftLine++]);
        rightRecords.push([right, rightLine++]);
      });
    }
    for (const [line, no] of leftRecords) record(line, no, leftHalf);
    for (const [line, no] of rightRecords) record(line, no, rightHalf);
  }

  private economic(spec: Extract<SegmentSpec, { type: 'economic' }>): void {
    const map = walk(this.model, spec.source);
    if (!(map instanceof Map)) throw new Error(`layout economic source is not a map: ${spec.source}`);
    const rows = map as Map<string, EconomicRowModel>;
    const groups = this.model.set.economic.columns.map((column) => ({
      title: column.title,
      codes: column.rows.map((r) => r.code),
    }));
    if (groups.length * 3 !== this.layout.columns.length) {
      throw new Error(`layout ${this.layout.key}: ${groups.length} economic groups need ${groups.length * 3} columns`);
    }
    // Codes the template set does not list still print, next to their 类 (or in the last group).
    for (const row of rows.values()) {
      if (groups.some((g) => g.codes.includes(row.code))) continue;
      const prefix = row.code.slice(0, 3);
      const group = groups.find((g) => g.codes.includes(prefix)) ?? groups[groups.length - 1];
      const lastSame = group.codes.map((c) => c.slice(0, 3)).lastIndexOf(prefix);
      group.codes.splice(lastSame === -1 ? group.codes.length : lastSame + 1, 0, row.code);
    }
    const height = Math.max(...groups.map((g) => g.codes.length));
    for (let i = 0; i < height; i++) {
      const cells: GridCell[] = [];
      groups.forEach((group, g) => {
        const code = group.codes[i];
        const row = code ? rows.get(code) : undefined;
        const start = g * 3;
        if (!code || !row) {
          cells.push(this.textCell('', 'code', start), this.textCell('', 'name', start + 1), this.figureCell(null, start + 2));
          return;
        }
        cells.push(
          this.textCell(code, 'code', start),
          this.textCell(row.name, 'name', start + 1, { rowHeader: true }),
          this.figureCell(row.figure, start + 2),
        );
      });
      this.push({ cells });
    }
    for (const group of groups) {
      for (const code of group.codes) {
        const row = rows.get(code);
        if (!row) continue;
        this.records.push({
          code,
          name: row.name,
          level: code.length === 3 ? 'class' : 'section',
          section: group.title,
          values: Object.fromEntries(spec.values.map((key) => [key, this.plain(row.figure)])),
        });
      }
    }
  }
}

interface ExpandedLine {
  label: string;
  figures: Figure[];
  code: string | null;
  emphasis?: Emphasis;
  indent?: number;
}

/**
 * Builds table `id` ("01".."09", as numbered by the template set) from the model.
 * @example buildTable(model, '05').rows[0].cells.map((c) => c.text) // ["合计", "1,519.58", "355.89", "1,163.69"]
 */
export function buildTable(model: Model, id: string): BuiltTable {
  // A model never changes once derived: each table is built once per model (content id) and
  // shared by its HTML, CSV, JSON and image (read-only from here on).
  return builtTables(model, id, () => build(model, id));
}

const builtTables = perModel<BuiltTable>();

function build(model: Model, id: string): BuiltTable {
  const ref = tableRef(model, id);
  const layouts = layoutSet(model.set.id);
  const layout = layouts.tables[ref.key];
  if (!layout) throw new Error(`no layout for table ${ref.key} in template set ${model.set.id}`);
  const { meta } = model.payload;
  const builder = new Builder(model, layout);
  for (const segment of layout.body) builder.segment(segment);
  const empty = builder.rows.every((row) => row.cells.every((c) => !c.figure || c.text === ''));
  const values = { year: meta.fiscalYear, no: ref.no, title: ref.title, department: meta.department };
  return {
    no: ref.no,
    key: ref.key,
    title: fill(layout.title, values),
    label: layout.label === null ? null : fill(layout.label, values),
    department: meta.department,
    fiscalYear: meta.fiscalYear,
    unit: meta.unit,
    layout,
    columns: layout.columns,
    header: layout.header,
    rows: builder.rows,
    records: builder.records,
    notes: layout.notes.map((n) => fill(n, values)),
    empty,
    emptyNote: empty && layout.emptyNote ? fill(layout.emptyNote, values) : null,
    width: layout.columns.reduce((n, c) => n + (c.span ?? 1), 0),
  };
}

export interface PlacedHeaderCell {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  columnNumbers: boolean;
}

/** Places header cells on a grid, honouring rowspan/colspan (the HTML table algorithm). */
export function placeHeader(header: HeaderRowSpec[], width: number): PlacedHeaderCell[] {
  const taken: boolean[][] = header.map(() => Array<boolean>(width).fill(false));
  const placed: PlacedHeaderCell[] = [];
  header.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (col < width && taken[r][col]) col++;
      const rowspan = cell.rowspan ?? 1;
      const colspan = cell.colspan ?? 1;
      for (let dr = 0; dr < rowspan && r + dr < header.length; dr++) {
        for (let dc = 0; dc < colspan; dc++) taken[r + dr][col + dc] = true;
      }
      placed.push({ text: cell.text, row: r, col, rowspan, colspan, columnNumbers: row.role === 'columnNumbers' });
      col += colspan;
    }
  });
  return placed;
}

/**
 * Flattened header of each logical column for CSV: the texts of the header cells spanning the
 * whole column, top to bottom ("本年支出/基本支出"), without the 栏次 row.
 */
export function flatHeaders(table: BuiltTable): string[] {
  const placed = placeHeader(table.header, table.width).filter((c) => !c.columnNumbers);
  let start = 0;
  return table.columns.map((column) => {
    const end = start + (column.span ?? 1);
    const parts = placed
      .filter((c) => c.col <= start && c.col + c.colspan >= end && c.text !== '')
      .sort((a, b) => a.row - b.row)
      .map((c) => c.text);
    start = end;
    return parts.filter((p, i) => p !== parts[i - 1]).join('/');
  });
}
