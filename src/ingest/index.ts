/**
 * Excel in: a workbook of 公开表 as 决算 software exports them (one sheet per table: title rows,
 * 编制单位/单位 line, merged multi-row headers, 栏次 row, 功能分类 codes split over 类/款/项 or joined,
 * amounts as numbers or text, in 万元 or 元) → a payload, with every cell it could not place and
 * every input a payload needs that a workbook does not hold.
 *
 * Sheets and columns are recognised by the template set's titles, labels and header words
 * (templates/sets/<id>/), never by position or sheet name alone. Pure TypeScript on SheetJS: the
 * same module runs in Node (`juesuan import`) and in the browser (the workbench).
 */
import { REFERENCE_SET } from '../model/template-registry';
import { allTemplateSets, findTemplateSet, tableLabel, type TableRef, type TemplateSet } from '../model/template-set';
import { Payload, SCHEMA_VERSION, Tables } from '../schema/payload';
import type { SheetUnit } from './amounts';
import { Builder, type Source } from './builder';
import { matchHeader, norm, synonymMap, type HeaderMatch } from './headers';
import { missingInputs } from './missing';
import { readTable, type SheetContext } from './read-table';
import { address, readSheets, WorkbookError, type Sheet } from './workbook';

export { WorkbookError } from './workbook';

export interface ImportOptions {
  /** Template set the workbook follows; without it, the set that recognises the most of the workbook. */
  templateSet?: string;
}

export interface WorkbookImport {
  /** What was read, ready for the payload schema (fails only on what `missing` lists). */
  payload: unknown;
  /** Each sheet and the 公开表 it was recognised as: the set's table number (`no`, as in tables/{no}.html), or null. */
  sheets: { name: string; table: string | null; key?: string; title?: string }[];
  /** Cells that could not be placed, with the reason in Chinese. */
  unplaced: { sheet: string; cell: string; reason: string }[];
  /** What a payload needs that a workbook does not hold: JSON pointer and what to fill in. */
  missing: { path: string; reason: string }[];
  /** JSON pointer into the payload (like audit findings' paths) → the workbook cell it came from. */
  sources: Record<string, Source>;
  /** What the import did that a reader should know: a sheet in 元 converted, an amount rounded … */
  notes: { sheet?: string; cell?: string; message: string }[];
  /** The template set used. */
  templateSet: string;
}

/**
 * Reads a workbook (.xlsx or .xls bytes). Throws WorkbookError (Chinese message) when the bytes are
 * not a readable workbook or the named template set does not exist; anything else it reports.
 */
export function importWorkbook(data: Uint8Array, options: ImportOptions = {}): WorkbookImport {
  const sheets = readSheets(data);
  let sets: TemplateSet[];
  if (options.templateSet !== undefined) {
    const set = findTemplateSet(options.templateSet);
    if (!set) {
      const ids = allTemplateSets().map((s) => s.id).join('、');
      throw new WorkbookError(`没有名为“${options.templateSet}”的模板集（可用：${ids}）。`);
    }
    sets = [set];
  } else {
    // The reference set first, so it wins a tie.
    sets = allTemplateSets().sort((a, b) => (a.id === REFERENCE_SET ? -1 : b.id === REFERENCE_SET ? 1 : 0));
  }
  if (sets.length > 1) {
    // Read fully only with the sets whose titles recognise the most sheets.
    const counts = sets.map((set) => sheets.filter((sheet) => recognise(sheet, set) !== null).length);
    const most = Math.max(...counts);
    sets = sets.filter((_, i) => counts[i] === most);
  }
  let best: { result: WorkbookImport; score: number[] } | undefined;
  for (const set of sets) {
    const attempt = importWith(sheets, set);
    if (!best || better(attempt.score, best.score)) best = attempt;
  }
  return best!.result;
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

interface Recognised {
  ref: TableRef;
  /** The title cell, if the title was found in the sheet (else the sheet name or label told). */
  titleCell?: { r: number; c: number };
  matched: number;
}

/** Which table of the set a sheet is: the longest set title in its top rows, else its name or label. */
function recognise(sheet: Sheet, set: TemplateSet): Recognised | null {
  let best: Recognised | null = null;
  const top = Math.min(sheet.rows, 10);
  // The department as the sheet's 编制单位 line gives it: a title may start with it.
  const departments: string[] = [];
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < sheet.cols; c++) {
      const d = DEPARTMENT.exec(sheet.at(r, c)?.text.normalize('NFKC') ?? '');
      if (d && d[1].trim() !== '') departments.push(norm(d[1]));
    }
  }
  // A title is the set's title, after nothing but a year, 部门/单位 or the department, and before
  // nothing but a bracket ("（公开01表）"): "基本支出决算表" is not 《支出决算表》.
  const isTitle = (text: string, title: string): boolean => {
    const at = text.lastIndexOf(title);
    if (at < 0) return false;
    const before = text.slice(0, at);
    const after = text.slice(at + title.length);
    const beforeOk = before === '' || /(年度?|部门|单位)$/.test(before) || departments.some((d) => before.endsWith(d));
    return beforeOk && /^(\(.*\))?$/.test(after);
  };
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < sheet.cols; c++) {
      const cell = sheet.at(r, c);
      if (!cell || cell.number !== undefined) continue;
      const text = norm(cell.text);
      for (const ref of set.tables) {
        const title = norm(ref.title);
        if (isTitle(text, title) && (!best || title.length > best.matched)) best = { ref, titleCell: { r, c }, matched: title.length };
      }
    }
  }
  if (best) return best;
  const name = norm(sheet.name);
  // A sheet name may start with the table's number or label: "05一般公共预算…", "公开05表…", "表5…".
  const bare = name.replace(/^(公开)?\d+表?|^表\d+/, '');
  for (const ref of set.tables) {
    const title = norm(ref.title);
    const label = tableLabel(set, ref.no);
    const byName = isTitle(bare, title) || (label !== null && name === norm(label));
    if (byName && (!best || title.length > best.matched)) best = { ref, matched: title.length };
  }
  return best;
}

const UNIT = /(?:金额)?单位[:：]\s*(万元|百万元|千元|亿元|元)(?![\u4e00-\u9fff])/;
const DEPARTMENT = /(?:(?:编制|编报|填报)(?:单位|部门)|单位名称|部门名称|(?:^|\s)部门)[:：]\s*(.*?)(?=\s{2,}|\s*(?:金额)?单位[:：]|$)/;
const YEAR = /((?:19|20)\d{2})\s*年/;

function importWith(sheets: Sheet[], set: TemplateSet): { result: WorkbookImport; score: number[] } {
  const builder = new Builder();
  const notes: WorkbookImport['notes'] = [];
  const unplaced: WorkbookImport['unplaced'] = [];
  const seen: WorkbookImport['sheets'] = [];
  const found = new Set<string>();
  let titleLength = 0;
  const years = new Map<number, Source>();
  const departments = new Map<string, Source>();

  for (const sheet of sheets) {
    const hasCells = sheet.rows > 0 && sheet.cols > 0 && anyCell(sheet);
    const rec = hasCells ? recognise(sheet, set) : null;
    if (!rec) {
      seen.push({ name: sheet.name, table: null });
      if (hasCells) {
        unplaced.push({
          sheet: sheet.name,
          cell: sheet.ref,
          reason: `未能识别这张工作表：前几行没有“${set.name}”中任何一张表的标题（如“${set.tables[0]?.title ?? ''}”），整张表没有导入`,
        });
      }
      continue;
    }
    titleLength += rec.matched;
    found.add(rec.ref.key);
    seen.push({ name: sheet.name, table: rec.ref.no, key: rec.ref.key, title: rec.ref.title });
    const layout = set.layouts[rec.ref.key];
    const placed = new Set<string>();
    const reasons = new Map<string, string>();
    const header: HeaderMatch | null = matchHeader(sheet, layout, rec.titleCell ? rec.titleCell.r + 1 : 0, synonymMap(set.headerSynonyms));
    const label = tableLabel(set, rec.ref.no);

    // The frame above the header: title, label, 编制单位, 单位.
    let unit: SheetUnit | null = null;
    const preambleEnd = header ? header.top : Math.min(sheet.rows, 6);
    for (let r = 0; r < preambleEnd; r++) {
      let departmentNext = false;
      for (let c = 0; c < sheet.cols; c++) {
        const cell = sheet.at(r, c);
        if (!cell) continue;
        const text = cell.text.normalize('NFKC');
        const src = { sheet: sheet.name, cell: cell.address };
        let known = false;
        if (rec.titleCell && rec.titleCell.r === r && rec.titleCell.c === c) {
          known = true;
          const year = YEAR.exec(text);
          if (year && !years.has(Number(year[1]))) years.set(Number(year[1]), src);
        }
        if (label !== null && norm(text) === norm(label)) known = true;
        // A year line of its own ("2024 年度") when the title does not carry it.
        const yearLine = /^((?:19|20)\d{2})\s*年度?$/.exec(text.trim());
        if (yearLine) {
          known = true;
          if (!years.has(Number(yearLine[1]))) years.set(Number(yearLine[1]), src);
        }
        if (departmentNext) {
          // The name in the cell after "编制单位：".
          departmentNext = false;
          if (!UNIT.test(text)) {
            known = true;
            const name = text.trim();
            if (!departments.has(name)) departments.set(name, src);
          }
        }
        const dept = DEPARTMENT.exec(text);
        if (dept) {
          known = true;
          const name = dept[1].trim();
          if (name !== '' && !departments.has(name)) departments.set(name, src);
          if (name === '') departmentNext = true;
        }
        const u = UNIT.exec(text);
        if (u) {
          known = true;
          unit ??= u[1] as SheetUnit;
        }
        if (known) placed.add(cell.address);
        else reasons.set(cell.address, '表头以上的这段文字不是表的标题、编制单位或金额单位，没有导入');
      }
    }
    if (unit === null) {
      notes.push({ sheet: sheet.name, message: '没有找到“单位：万元”或“单位：元”，按万元读取' });
      unit = '万元';
    } else if (unit !== '万元') {
      const rate = { 元: '1 万元 = 10,000 元', 千元: '1 万元 = 10 千元', 百万元: '1 百万元 = 100 万元', 亿元: '1 亿元 = 10,000 万元' }[unit];
      notes.push({ sheet: sheet.name, message: `金额单位为${unit}，已按 ${rate}精确换算为万元（保留两位小数，四舍五入）` });
    }
    const ctx: SheetContext = { sheet, ref: rec.ref, layout, set, builder, unit, placed, reasons, notes };
    readTable(ctx, header);
    for (let r = 0; r < sheet.rows; r++) {
      for (let c = 0; c < sheet.cols; c++) {
        const cell = sheet.at(r, c);
        if (!cell || placed.has(cell.address)) continue;
        const reason =
          reasons.get(cell.address) ??
          (header && r < header.top
            ? '表头以上的这段文字不是表的标题、编制单位或金额单位，没有导入'
            : `无法判断这个单元格属于《${rec.ref.title}》的哪一项（不在可识别的科目行或栏目中）`);
        unplaced.push({ sheet: sheet.name, cell: address(r, c), reason });
      }
    }
  }

  const [department, departmentSource] = [...departments][0] ?? [];
  const [year, yearSource] = [...years][0] ?? [];
  if (departments.size > 1) {
    notes.push({ message: `各工作表的编制单位不一致（${[...departments.keys()].join('、')}），采用“${department}”` });
  }
  if (years.size > 1) notes.push({ message: `各表标题中的年度不一致（${[...years.keys()].join('、')}），采用 ${year} 年度` });
  builder.setValue('/schemaVersion', SCHEMA_VERSION);
  builder.setValue('/templateSet', set.id);
  if (department !== undefined) builder.setValue('/meta/department', department, departmentSource);
  if (year !== undefined) builder.setValue('/meta/fiscalYear', year, yearSource);
  builder.setValue('/meta/unit', '万元');

  const built = builder.build();
  const payload = orderPayload(built);
  const missing = missingInputs(set, builder, found, { department: department !== undefined, year: year !== undefined });
  const result: WorkbookImport = { payload, sheets: seen, unplaced, missing, sources: builder.sources, notes, templateSet: set.id };
  return { result, score: [builder.amountCount(), found.size, -unplaced.length, titleLength] };
}

function anyCell(sheet: Sheet): boolean {
  for (let r = 0; r < sheet.rows; r++) for (let c = 0; c < sheet.cols; c++) if (sheet.at(r, c)) return true;
  return false;
}

/** The payload's keys in the schema's order (schemaVersion, templateSet, meta, tables …), for a readable file. */
function orderPayload(built: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Payload.shape)) if (built[key] !== undefined) out[key] = built[key];
  const tables = out.tables as Record<string, unknown> | undefined;
  if (tables) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(Tables.shape)) if (tables[key] !== undefined) sorted[key] = tables[key];
    out.tables = sorted;
  }
  return out;
}
