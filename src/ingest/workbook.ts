/**
 * A workbook as a neutral grid of cells: SheetJS (@e965/xlsx, 0.20.3) reads .xlsx and .xls (BIFF8,
 * also the HTML and XML "xls" some finance software writes); this module turns its sheets into
 * rows of cells with their address, displayed text, number, and merged ranges. Pure: no node:*,
 * so the same code runs in the browser.
 */
import { read, utils, type CellObject, type WorkSheet } from '@e965/xlsx';

/** A file we cannot read as a workbook: the message says why, in words a finance clerk understands. */
export class WorkbookError extends Error {
  override name = 'WorkbookError';
}

export interface Cell {
  /** "D7". */
  address: string;
  /** What the cell holds as text (a number as SheetJS displays it); trimmed. */
  text: string;
  /** For a numeric cell: its value. */
  number?: number;
  /** An Excel error value (#DIV/0! …). */
  error?: boolean;
}

export interface Range {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Sheet {
  name: string;
  /** Row count and column count of the used range, counted from A1. */
  rows: number;
  cols: number;
  /** The used range as Excel writes it ("A1:L20"), or "A1" for an empty sheet. */
  ref: string;
  /** The cell at (row, column), 0-based; undefined when empty. */
  at(r: number, c: number): Cell | undefined;
  /** The merged range a cell belongs to, if any. */
  mergeOf(r: number, c: number): Range | undefined;
}

export const address = (r: number, c: number): string => utils.encode_cell({ r, c });

/** Largest workbook the import reads: a department's 公开表 are a few hundred KB at most. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Largest sheet the import scans, in cells (a 2,000-row table of 20 columns is 40,000). */
const MAX_SHEET_CELLS = 200_000;

function kindOf(data: Uint8Array): 'zip' | 'cfb' | 'markup' | null {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5 || data[2] === 7)) return 'zip';
  if (data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) return 'cfb';
  // HTML or SpreadsheetML 2003 saved as ".xls" (common in exports): text that starts with "<".
  let i = 0;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) i = 3;
  while (i < data.length && i < 1024 && (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0a || data[i] === 0x0d)) i++;
  if (data[i] === 0x3c) return 'markup';
  return null;
}

/** Reads the workbook's sheets; throws WorkbookError for anything that is not a readable workbook. */
export function readSheets(data: Uint8Array): Sheet[] {
  if (!(data instanceof Uint8Array) || data.length === 0) throw new WorkbookError('文件是空的，不是 Excel 工作簿。');
  if (data.length > MAX_WORKBOOK_BYTES) {
    throw new WorkbookError(`文件太大（${(data.length / 1024 / 1024).toFixed(1)} MB），工作簿最大 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB。`);
  }
  const kind = kindOf(data);
  if (kind === null) {
    throw new WorkbookError('不是 Excel 工作簿（.xlsx 或 .xls）：文件开头既不是 xlsx 的压缩包格式，也不是 xls 的复合文档格式。请在 Excel 或 WPS 中另存为 .xlsx 后再导入。');
  }
  let workbook: ReturnType<typeof read>;
  try {
    workbook = read(data, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, dense: true });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new WorkbookError(`工作簿已损坏或无法读取（${why.slice(0, 120)}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`);
  }
  if (kind === 'zip' && !workbook.Workbook && workbook.SheetNames.length === 0) {
    throw new WorkbookError('压缩包中没有 Excel 工作表，不是 .xlsx 工作簿。');
  }
  if (workbook.SheetNames.length === 0) throw new WorkbookError('工作簿中没有工作表。');
  try {
    return workbook.SheetNames.map((name) => toSheet(name, workbook.Sheets[name]));
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`工作簿中的工作表无法读取（${error instanceof Error ? error.message.slice(0, 120) : String(error)}）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`);
  }
}

function cellText(cell: CellObject): string {
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 's') return String(cell.v).trim();
  if (cell.t === 'n') return (cell.w ?? String(cell.v)).trim();
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'd') return (cell.w ?? String(cell.v)).trim();
  if (cell.t === 'e') return (cell.w ?? '#ERROR').trim();
  return String(cell.v).trim();
}

function toSheet(name: string, ws: WorkSheet | undefined): Sheet {
  // The extent of what the sheet holds, not its declared range: a file formatted down to row
  // 1,048,576 still holds a table of a few dozen rows.
  const found: { r: number; c: number; entry: Cell }[] = [];
  let rows = 0;
  let cols = 0;
  const data = (ws as { '!data'?: (CellObject | undefined)[][] } | undefined)?.['!data'] ?? [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const text = cellText(cell);
      if (text === '') continue;
      if (found.length >= MAX_SHEET_CELLS) {
        throw new WorkbookError(`工作表“${name}”太大（超过 ${MAX_SHEET_CELLS.toLocaleString('en-US')} 个有内容的单元格），不像一张公开表。`);
      }
      const entry: Cell = { address: utils.encode_cell({ r, c }), text };
      if (cell.t === 'n' && typeof cell.v === 'number' && Number.isFinite(cell.v)) entry.number = cell.v;
      if (cell.t === 'e') entry.error = true;
      found.push({ r, c, entry });
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
  }
  if (rows * cols > MAX_SHEET_CELLS * 4) {
    throw new WorkbookError(`工作表“${name}”太大（${rows} 行 × ${cols} 列），不像一张公开表。`);
  }
  const cells = new Map<number, Cell>();
  for (const { r, c, entry } of found) cells.set(r * cols + c, entry);
  const ref = rows === 0 ? 'A1' : utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows - 1, c: cols - 1 } });
  const ranges: Range[] = [];
  for (const m of ws?.['!merges'] ?? []) {
    if (m.s.r < rows && m.s.c < cols) ranges.push({ r0: m.s.r, c0: m.s.c, r1: Math.min(m.e.r, rows - 1), c1: Math.min(m.e.c, cols - 1) });
  }
  const mergeIndex = new Map<number, Range>();
  for (const m of ranges) {
    for (let r = m.r0; r <= Math.min(m.r1, rows - 1); r++) {
      for (let c = m.c0; c <= Math.min(m.c1, cols - 1); c++) mergeIndex.set(r * cols + c, m);
    }
  }
  return {
    name,
    rows,
    cols,
    ref,
    at: (r, c) => (r < 0 || c < 0 || r >= rows || c >= cols ? undefined : cells.get(r * cols + c)),
    mergeOf: (r, c) => (r < 0 || c < 0 || r >= rows || c >= cols ? undefined : mergeIndex.get(r * cols + c)),
  };
}
