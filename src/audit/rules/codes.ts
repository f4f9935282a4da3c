/**
 * 科目编码: duplicates, rows placed under a 类/款 they do not belong to, names that differ from the
 * built-in 《政府收支分类科目》, rows with no name at all, and 类 codes that tables 01/04 cannot print.
 */
import functionalCatalog from '../../../templates/catalog/functional-subjects.json';
import { normalizeName } from '../../model/narrative-figures';
import { functionalSubject } from '../../model/template-set';
import type { AuditContext } from '../context';
import { functionalTables } from '../functional';
import { classSubject, levelName, subject, tableLead } from '../labels';
import type { Finding } from '../types';


const CATALOG_CODES = Object.keys(functionalCatalog);

/** How often each name occurs among the catalog's 项: a name used under several 款 is generic. */
const ITEM_NAME_COUNT = new Map<string, number>();
for (const code of CATALOG_CODES) {
  if (code.length !== 7) continue;
  const name = normalizeName(functionalSubject(code)!.name);
  ITEM_NAME_COUNT.set(name, (ITEM_NAME_COUNT.get(name) ?? 0) + 1);
}

/** 行政运行, 一般行政管理事务, 机关服务, 事业运行 and any name the catalog uses under several 款. */
function genericName(ctx: AuditContext, name: string): boolean {
  const n = normalizeName(name);
  return (ITEM_NAME_COUNT.get(n) ?? 0) > 1 || ctx.model.set.glossary['generic-items'].items.some((g) => normalizeName(g.name) === n);
}

function duplicates(ctx: AuditContext): Finding[] {
  const findings: Finding[] = [];
  for (const { key, table } of functionalTables(ctx.model)) {
    for (const dup of table.duplicates) {
      findings.push({
        rule: 'codes.duplicate',
        severity: 'error',
        message: `${tableLead(ctx.table(key))}科目编码 ${dup.code} 重复出现 ${dup.paths.length} 次，每个科目只能填写一行，请合并或更正编码。`,
        paths: dup.paths,
      });
    }
  }
  return findings;
}

/** In the payload's own order, a row printed after a 类/款 row must belong to it. */
function placement(ctx: AuditContext): Finding[] {
  const findings: Finding[] = [];
  for (const { key, table, raw } of functionalTables(ctx.model)) {
    let currentClass: { code: string; name: string } | null = null;
    let currentSection: { code: string; name: string } | null = null;
    raw.forEach((row, index) => {
      let parent: { code: string; name: string } | null = null;
      let expected = '';
      if (row.code.length === 3) {
        currentClass = row;
        currentSection = null;
        return;
      }
      if (row.code.length === 5) {
        if (currentClass && !row.code.startsWith(currentClass.code)) {
          parent = currentClass;
          expected = `${row.code.slice(0, 3)} 类`;
        }
        currentSection = row;
      } else if (currentSection && !row.code.startsWith(currentSection.code)) {
        parent = currentSection;
        expected = `${row.code.slice(0, 5)} 款`;
      } else if (!currentSection && currentClass && !row.code.startsWith(currentClass.code)) {
        parent = currentClass;
        expected = `${row.code.slice(0, 3)} 类`;
      }
      if (parent) {
        findings.push({
          rule: 'codes.placement',
          severity: 'error',
          message:
            `${tableLead(ctx.table(key))}第 ${index + 1} 行${subject(row)}列在${subject(parent)}之下，` +
            `但按编码应属于 ${expected}，请核对编码或调整行序。`,
          paths: [`${table.path}/rows/${index}/code`],
        });
      }
    });
  }
  return findings;
}

function names(ctx: AuditContext): Finding[] {
  const findings: Finding[] = [];
  for (const { key, table } of functionalTables(ctx.model)) {
    const t = ctx.table(key);
    for (const row of table.rows) {
      if (row.nameMissing) {
        findings.push({
          rule: 'codes.name-missing',
          severity: 'error',
          message:
            `${tableLead(t)}科目 ${row.code}（${levelName(row)}级）没有科目名称：表中只填了其下级科目，内置科目目录又没有收录该编码。` +
            `请在该表 rows 中加一行 {"code": "${row.code}", "name": "（${levelName(row)}级科目名称）"}，只填编码和名称即可，金额由下级科目汇总。`,
          paths: [row.path],
        });
        continue;
      }
      if (!row.printed) continue;
      const known = functionalSubject(row.code);
      if (known) {
        if (normalizeName(known.name) !== normalizeName(row.name)) {
          findings.push({
            rule: 'codes.catalog-name',
            severity: 'warning',
            message: `${tableLead(t)}科目 ${row.code}：科目名称与《政府收支分类科目》不一致，表中为“${row.name}”，科目目录为“${known.name}”，请核对编码或名称。`,
            paths: [`${row.path}/name`],
            expected: known.name,
            actual: row.name,
          });
        }
        continue;
      }
      // An unknown 项 code whose 款/项 digits and name the catalog knows under another 类: the 类
      // digits are likely mistyped (2010505 for 2080505). Decided by the code; a name that recurs
      // under many 款 (行政运行, 一般行政管理事务, …) says nothing about the 类 and is never used.
      if (row.level !== 'item') continue;
      const candidates = CATALOG_CODES.filter(
        (code) =>
          code.length === 7 &&
          code.slice(3) === row.code.slice(3) &&
          code.slice(0, 3) !== row.code.slice(0, 3) &&
          normalizeName(functionalSubject(code)!.name) === normalizeName(row.name) &&
          !genericName(ctx, row.name),
      );
      if (candidates.length > 0) {
        const classes = [...new Set(candidates.map((code) => code.slice(0, 3)))];
        findings.push({
          rule: 'codes.wrong-class',
          severity: 'warning',
          message:
            `${tableLead(t)}科目 ${row.code}“${row.name}”：《政府收支分类科目》中同名且款、项编码相同的科目为 ${candidates.join('、')}` +
            `（属于${classes.map((c) => classSubject(ctx.model, c).replace('科目', '')).join('、')}），` +
            `而所填编码属于 ${row.code.slice(0, 3)} 类，请核对类级编码。`,
          paths: [`${row.path}/code`],
          expected: candidates.join('、'),
          actual: row.code,
        });
      }
    }
  }
  return findings;
}

/** A printed 类/款 row with amounts but nothing below it: the tables must go down to 项. */
function withoutItems(ctx: AuditContext): Finding[] {
  const findings: Finding[] = [];
  for (const { key, table } of functionalTables(ctx.model)) {
    for (const row of table.rows) {
      if (!row.printed || row.level === 'item') continue;
      const hasChildren = table.rows.some((r) => r.code.length > row.code.length && r.code.startsWith(row.code));
      const hasAmounts = Object.values(row.cells).some((f) => f.value !== null);
      if (hasChildren || !hasAmounts) continue;
      findings.push({
        rule: 'codes.no-items',
        severity: 'warning',
        message: `${tableLead(ctx.table(key))}${subject(row)}（${levelName(row)}）下没有项级科目：决算表应列示到项级，请补充项级科目行。`,
        paths: [row.path],
      });
    }
  }
  return findings;
}

/** Tables 01 and 04 print a fixed list of 类 lines; any other 类 has nowhere to go. */
function classLines(ctx: AuditContext): Finding[] {
  const m = ctx.model;
  const fixed = new Set(m.set.classLines.map((l) => l.code));
  const t01 = ctx.table('summary');
  const t04 = ctx.table('fiscalSummary');
  const findings: Finding[] = [];
  for (const code of [...m.summary.expenseByClass.keys()].sort()) {
    if (fixed.has(code)) continue;
    // A 类 whose every figure is zero or blank has nothing to print on those lines.
    const amounts = [
      m.summary.expenseByClass.get(code)?.value,
      ...Object.values(m.fiscalSummary.expenseByClass.get(code) ?? {}).map((f) => f.value),
      ...functionalTables(m).flatMap(({ table }) => table.rows.filter((r) => r.code.startsWith(code)).flatMap((r) => Object.values(r.cells).map((f) => (f as { value: number | null }).value))),
    ];
    if (amounts.every((a) => !a)) continue;
    const paths: string[] = [];
    if (Object.hasOwn(m.payload.tables.summary.expenseByClass, code)) paths.push(`/tables/summary/expenseByClass/${code}`);
    if (Object.hasOwn(m.payload.tables.fiscalSummary.expenseByClass, code)) paths.push(`/tables/fiscalSummary/expenseByClass/${code}`);
    for (const { table } of functionalTables(m)) {
      const row = table.rows.find((r) => r.printed && r.code.startsWith(code));
      if (row) paths.push(row.path);
    }
    findings.push({
      rule: 'codes.class-line',
      severity: 'error',
      message:
        `${classSubject(m, code)}不在${t01}、${t04}的固定类级科目行中（模板集“${m.set.name}”），` +
        `这两张表无法列示该类支出，请核对编码。`,
      paths: paths.length > 0 ? paths : ['/tables'],
    });
  }
  return findings;
}

/** Which table each kind of budget belongs in, and what the finding calls it. */
const BUDGET_TABLES = {
  gpb: { key: 'gpbExpense', name: '一般公共预算' },
  fund: { key: 'fund', name: '政府性基金预算' },
  stateCapital: { key: 'stateCapital', name: '国有资本经营预算' },
} as const;

/**
 * 政府性基金 and 国有资本经营 科目 are recognised by the catalog (`budget` on a 类 or 款): one listed
 * in a table of another budget (a 223 row in 05) is a warning naming the table it belongs in. Codes
 * the catalog does not mark are never questioned.
 */
function budgetKinds(ctx: AuditContext): Finding[] {
  const findings: Finding[] = [];
  const kindOf = (code: string) => functionalSubject(code.slice(0, 5))?.budget ?? functionalSubject(code.slice(0, 3))?.budget ?? 'gpb';
  for (const [tableKind, { key }] of Object.entries(BUDGET_TABLES) as [keyof typeof BUDGET_TABLES, (typeof BUDGET_TABLES)[keyof typeof BUDGET_TABLES]][]) {
    const table = ctx.model[key];
    for (const row of table.rows) {
      if (!row.printed || row.level !== 'item') continue;
      const kind = kindOf(row.code);
      if (kind === tableKind || (kind === 'gpb' && tableKind !== 'gpb')) continue;
      findings.push({
        rule: 'codes.budget-kind',
        severity: 'warning',
        message:
          `${tableLead(ctx.table(key))}${subject(row)}属于${BUDGET_TABLES[kind].name}支出科目，` +
          `应列在${ctx.table(BUDGET_TABLES[kind].key)}中，请核对。`,
        paths: [`${row.path}/code`],
        actual: row.code,
      });
    }
  }
  return findings;
}

export function codeRules(ctx: AuditContext): Finding[] {
  return [...duplicates(ctx), ...placement(ctx), ...names(ctx), ...withoutItems(ctx), ...classLines(ctx), ...budgetKinds(ctx)];
}
