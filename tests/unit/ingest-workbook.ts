/**
 * Workbooks shaped like 决算 software exports, generated from a payload for the ingest tests: one
 * sheet per table with the 公开NN表 label, a title row, the 编制单位/单位 line, the multi-row header
 * with merged cells as the template set prints it, a 栏次 row, the body, and the notes. Variants
 * cover what real exports differ in: 功能分类 codes split over 类/款/项 (every part, or only the new
 * part per row) or joined ("2010302", "201 03 02", "[2010302]一般行政管理事务" with no name column
 * text), amounts as numbers or as text with separators, a sheet in 元, sheet order and names.
 *
 * Written independently of src/ (it reads the layouts as data, as a exporter would read the
 * official format), so the import is tested against the format, not against its own code.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export type CodeStyle = 'split-full' | 'split-sparse' | 'joined' | 'spaced' | 'bracket';

export interface Variant {
  codes?: CodeStyle;
  amounts?: 'number' | 'text';
  /** Tables (by number) written in 元 instead of 万元. */
  yuan?: string[];
  /** Merge title, header and 合计 cells (default true). */
  merges?: boolean;
  /** Sheet names: the label ("公开01表"), or "Sheet1", "Sheet2" … */
  names?: 'label' | 'generic';
  /** Sheet order: as the set lists the tables, or reversed. */
  order?: 'set' | 'reversed';
  bookType?: 'xlsx' | 'biff8';
  /** Split code parts typed as numbers (Excel then shows 款 "03" as 3). */
  numericCodes?: boolean;
}

interface Layout {
  title: string;
  label: string | null;
  columns: { key: string; kind: string; span?: number }[];
  header: { role?: string; cells: { text: string; colspan?: number; rowspan?: number }[] }[];
  body: any[];
  notes: string[];
  like?: string;
}

interface SetData {
  id: string;
  extends?: string;
  tables: { no: string; key: string; title: string }[];
  classLines: { code: string; name: string }[];
  economic: { columns: { title: string; rows: { code: string; name: string }[] }[] };
  tableLabel?: string | null;
  zero?: string;
}

function readJson(path: string): any {
  try {
    return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
  } catch {
    return undefined;
  }
}

/** A template set as data, with `extends` and layout `like` resolved (shallow, as the registry merges them). */
export function loadSet(id: string): SetData & { layouts: Record<string, Layout> } {
  const own = readJson(`templates/sets/${id}/set.json`) as SetData;
  const base = own.extends ? loadSet(own.extends) : undefined;
  const set = { ...(base ?? {}), ...own } as SetData & { layouts: Record<string, Layout> };
  set.layouts = {};
  for (const ref of set.tables) {
    const file = readJson(`templates/sets/${id}/layouts/${ref.key}.json`) as Layout | undefined;
    const inherited = base?.layouts[ref.key] ?? readJson(`templates/sets/${own.extends ?? id}/layouts/${ref.key}.json`);
    let layout = file ? { ...(file.like ? set.layouts[file.like] ?? readJson(`templates/sets/${id}/layouts/${file.like}.json`) : inherited ?? {}), ...file } : inherited;
    if (file?.like) layout = { ...layout, like: undefined };
    set.layouts[ref.key] = layout as Layout;
  }
  return set;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function ordinal(n: number): string {
  if (n <= 10) return CN[n - 1];
  if (n < 20) return `十${CN[n - 11]}`;
  return `${CN[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? '' : CN[(n % 10) - 1]}`;
}

function get(obj: any, path: string[]): any {
  let node = obj;
  for (const key of path) {
    if (node === undefined || node === null) return undefined;
    node = node[key];
  }
  return node;
}

/** An amount of the payload ("1,519.58", 1519.58, null) as cents, or null when blank. */
function cents(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const text = String(value).replace(/,/g, '');
  const [whole, frac = ''] = text.replace('-', '').split('.');
  const c = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return text.startsWith('-') ? -c : c;
}

type Grid = { aoa: (string | number | null)[][]; merges: XLSX.Range[] };

function amountCell(value: unknown, variant: Variant, yuan: boolean): string | number | null {
  const c = cents(value);
  if (c === null) return null;
  // 元: cents of 万元 × 100 = 元 (exact integers).
  const scaled = yuan ? c * 100 : c;
  if ((variant.amounts ?? 'number') === 'number') return yuan ? scaled : scaled / 100;
  const abs = Math.abs(scaled);
  const whole = yuan ? String(abs) : String(Math.floor(abs / 100));
  const frac = yuan ? '00' : String(abs % 100).padStart(2, '0');
  return `${scaled < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function figure(payload: any, path: string): unknown {
  return get(payload.tables, path.split('.'));
}

/** Builds one table's sheet. */
export function tableSheet(set: ReturnType<typeof loadSet>, no: string, payload: any, variant: Variant): Grid {
  const ref = set.tables.find((t) => t.no === no)!;
  const layout = set.layouts[ref.key];
  const merges = variant.merges ?? true;
  const yuan = variant.yuan?.includes(no) ?? false;
  const codes = variant.codes ?? 'split-full';
  const joined = codes === 'joined' || codes === 'spaced' || codes === 'bracket';
  // Physical columns: the code column has 3 parts when split, 1 when joined.
  const widths = layout.columns.map((c) => (c.kind === 'code' && (c.span ?? 1) > 1 && joined ? 1 : (c.span ?? 1)));
  const width = widths.reduce((a, b) => a + b, 0);
  const aoa: (string | number | null)[][] = [];
  const ranges: XLSX.Range[] = [];
  const row = () => {
    const r = new Array(width).fill(null);
    aoa.push(r);
    return r;
  };
  const merge = (r0: number, c0: number, r1: number, c1: number) => {
    if (merges && (r1 > r0 || c1 > c0)) ranges.push({ s: { r: r0, c: c0 }, e: { r: r1, c: c1 } });
  };
  // The set's own layout file may give the label; else the set's tableLabel; else the base layout's.
  const own = readJson(`templates/sets/${set.id}/layouts/${ref.key}.json`) as Layout | undefined;
  const label = own && 'label' in own ? own.label : set.tableLabel !== undefined ? set.tableLabel : layout.label;
  const labelText = label === null || label === undefined ? null : label.replace('{no}', no);
  if (labelText) row()[width - 1] = labelText;
  const title = row();
  title[0] = layout.title.replace('{year}', String(payload.meta.fiscalYear)).replace('{title}', ref.title);
  merge(aoa.length - 1, 0, aoa.length - 1, width - 1);
  const unitLine = row();
  unitLine[0] = `编制单位：${payload.meta.department}`;
  unitLine[width - 1] = yuan ? '单位：元' : '单位：万元';

  // Header rows laid out like HTML; a joined code column drops 款/项 and its 类 cell joins the cell above.
  const logicalOfPhysical: number[] = [];
  layout.columns.forEach((c, i) => {
    for (let k = 0; k < (c.span ?? 1); k++) logicalOfPhysical.push(i);
  });
  const fullWidth = logicalOfPhysical.length;
  const keep = logicalOfPhysical.map((l, p) => !(joined && layout.columns[l].kind === 'code' && (layout.columns[l].span ?? 1) > 1 && p !== logicalOfPhysical.indexOf(l)));
  const toSheetCol = (p: number) => keep.slice(0, p).filter(Boolean).length;
  const headerStart = aoa.length;
  const occupied: boolean[][] = [];
  layout.header.forEach((h, r) => {
    const cells = row();
    occupied[r] ??= new Array(fullWidth).fill(false);
    let p = 0;
    for (const cell of h.cells) {
      while (p < fullWidth && occupied[r][p]) p++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        occupied[r + dr] ??= new Array(fullWidth).fill(false);
        for (let dc = 0; dc < cs; dc++) occupied[r + dr][p + dc] = true;
      }
      const kept = Array.from({ length: cs }, (_, k) => p + k).filter((x) => keep[x]);
      if (kept.length === 0) {
        p += cs;
        continue;
      }
      const c0 = toSheetCol(kept[0]);
      const c1 = toSheetCol(kept[kept.length - 1]);
      // A joined code column: the 类 cell under 功能分类科目编码 is absorbed by it.
      const codeLeaf = joined && layout.columns[logicalOfPhysical[p]].kind === 'code' && (layout.columns[logicalOfPhysical[p]].span ?? 1) > 1 && cs === 1 && h.role !== 'columnNumbers';
      if (codeLeaf) {
        const above = ranges.find((m) => m.s.c === c0 && m.e.r === headerStart + r - 1);
        if (above) above.e.r += 1;
        else merge(headerStart + r - 1, c0, headerStart + r, c0);
      } else {
        cells[c0] = cell.text;
        merge(headerStart + r, c0, headerStart + r + rs - 1, c1);
      }
      p += cs;
    }
  });

  const physicalStart = (logical: number) => toSheetCol(logicalOfPhysical.indexOf(logical));
  const colOf = (key: string) => physicalStart(layout.columns.findIndex((c) => c.key === key));
  const amount = (value: unknown) => amountCell(value, variant, yuan);

  for (const seg of layout.body) {
    if (seg.type === 'functional') {
      const builtIn = ['income', 'expense', 'gpbExpense', 'fund', 'stateCapital'].includes(seg.table);
      const table = builtIn ? payload.tables[seg.table] : payload.tables.custom?.[seg.table];
      const cellValue = (r: any, key: string) => (builtIn ? r?.[key] : r?.values?.[key]);
      const amountCols = layout.columns.filter((c) => c.kind === 'amount');
      const codeCol = physicalStart(layout.columns.findIndex((c) => c.kind === 'code'));
      const nameCol = colOf(layout.columns.find((c) => c.kind === 'name')!.key);
      const printTotal = seg.total !== 'none';
      const totalRow = () => {
        const t = row();
        t[codeCol] = seg.totalLabel;
        merge(aoa.length - 1, codeCol, aoa.length - 1, nameCol);
        seg.values.forEach((v: string, i: number) => (t[colOf(amountCols.find((a) => a.key === v)?.key ?? amountCols[i].key)] = amount(cellValue(table?.total, v))));
      };
      if (printTotal && seg.total !== 'last') totalRow();
      for (const r of table?.rows ?? []) {
        if (seg.rows === 'nonblank' && seg.values.every((v: string) => cents(cellValue(r, v)) === null)) continue;
        const cells = row();
        const code: string = r.code;
        const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
        const part = (p: string) => (variant.numericCodes ? Number(p) : p);
        if (codes === 'split-full') parts.forEach((p, i) => (cells[codeCol + i] = p === '' ? null : part(p)));
        else if (codes === 'split-sparse') {
          // Only the new part when the parent row was printed just above (as such exports do); all parts otherwise.
          const printed = new Set((table?.rows ?? []).map((x: any) => x.code));
          const parent = code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : null;
          if (parent && printed.has(parent)) cells[codeCol + (code.length === 5 ? 1 : 2)] = part(parts[code.length === 5 ? 1 : 2]);
          else parts.forEach((p, i) => (cells[codeCol + i] = p === '' ? null : part(p)));
        }
        else if (codes === 'joined') cells[codeCol] = code;
        else if (codes === 'spaced') cells[codeCol] = parts.filter(Boolean).join(' ');
        else cells[codeCol] = `[${code}]${r.name}`;
        if (codes !== 'bracket') cells[nameCol] = r.name;
        seg.values.forEach((v: string, i: number) => (cells[colOf(amountCols.find((a) => a.key === v)?.key ?? amountCols[i].key)] = amount(cellValue(r, v))));
      }
      if (printTotal && seg.total === 'last') totalRow();
    } else if (seg.type === 'paired') {
      const labels = layout.columns.flatMap((c, i) => (c.kind === 'label' ? [i] : []));
      const halves = [0, 1].map((h) => {
        const specs = layout.columns.slice(labels[h], h === 0 ? labels[1] : layout.columns.length);
        return { label: colOf(specs.find((s) => s.kind === 'label')!.key), line: specs.find((s) => s.kind === 'line'), amounts: specs.filter((s) => s.kind === 'amount').map((s) => colOf(s.key)) };
      });
      const blocks = seg.blocks.map((b: any) => [b.left, b.right].map((lines: any[]) =>
        lines.flatMap((line) =>
          'classLines' in line
            ? set.classLines.map((cls, i) => ({ label: line.classLines.label.replace('{ordinal}', ordinal(i + 1)).replace('{name}', cls.name), figures: line.classLines.figures.map((f: string) => `${line.classLines.source}.${f.replace('{code}', cls.code)}`) }))
            : [{ label: line.label, figures: line.figures ?? [] }],
        ),
      ));
      const leftCount = blocks.reduce((n: number, b: any[]) => n + Math.max(b[0].length, b[1].length), 0);
      let leftNo = 0;
      let rightNo = leftCount;
      for (const [left, right] of blocks) {
        const n = Math.max(left.length, right.length);
        for (let i = 0; i < n; i++) {
          const cells = row();
          [left[i], right[i]].forEach((line: any, h: number) => {
            const half = halves[h];
            const no = h === 0 ? ++leftNo : ++rightNo;
            if (half.line && seg.lineNumbers !== false) cells[colOf(half.line.key)] = no;
            if (!line) return;
            cells[half.label] = line.label === '' ? null : line.label;
            line.figures.forEach((f: string, j: number) => (cells[half.amounts[j]] = amount(figure(payload, f))));
          });
        }
      }
    } else if (seg.type === 'economic') {
      const groups: { code: number; name: number; amount: number }[] = [];
      layout.columns.forEach((c) => {
        if (c.kind === 'code') groups.push({ code: colOf(c.key), name: -1, amount: -1 });
        const g = groups[groups.length - 1];
        if (c.kind === 'name') g.name = colOf(c.key);
        if (c.kind === 'amount') g.amount = colOf(c.key);
      });
      const items = get(payload.tables, [...seg.source.split('.').slice(0, -1), 'items']) ?? {};
      const n = Math.max(...set.economic.columns.map((c) => c.rows.length));
      for (let i = 0; i < n; i++) {
        const cells = row();
        set.economic.columns.forEach((column, g) => {
          const item = column.rows[i];
          if (!item || !groups[g]) return;
          cells[groups[g].code] = item.code;
          cells[groups[g].name] = item.name;
          cells[groups[g].amount] = amount(items[item.code]);
        });
      }
    } else if (seg.type === 'rows') {
      for (const spec of seg.rows) {
        const cells = row();
        let logical = 0;
        for (const cell of spec.cells) {
          const span = cell.span ?? 1;
          const c0 = physicalStart(logical);
          const c1 = physicalStart(logical + span - 1) + widths[logical + span - 1] - 1;
          if ('text' in cell) {
            cells[c0] = cell.text;
            merge(aoa.length - 1, c0, aoa.length - 1, c1);
          } else {
            cells[c0] = amount(figure(payload, cell.figure));
          }
          logical += span;
        }
      }
    }
  }
  for (const note of layout.notes) {
    const r = row();
    r[0] = note;
    merge(aoa.length - 1, 0, aoa.length - 1, width - 1);
  }
  return { aoa, merges: ranges };
}

/** The whole workbook as bytes. */
export function exampleWorkbook(payload: any, variant: Variant = {}, extra?: (wb: XLSX.WorkBook) => void): Uint8Array {
  const set = loadSet(payload.templateSet ?? 'national-2024');
  const wb = XLSX.utils.book_new();
  const refs = variant.order === 'reversed' ? [...set.tables].reverse() : set.tables;
  refs.forEach((ref, i) => {
    const { aoa, merges } = tableSheet(set, ref.no, payload, variant);
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = merges;
    const name = variant.names === 'generic' ? `Sheet${i + 1}` : `${ref.no}${ref.title}`.slice(0, 31);
    XLSX.utils.book_append_sheet(wb, ws, name);
  });
  extra?.(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: variant.bookType ?? 'xlsx' }) as ArrayBuffer);
}
