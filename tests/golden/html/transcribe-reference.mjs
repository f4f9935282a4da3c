#!/usr/bin/env node
/**
 * Writes expected-tables.json: the nine tables of the reference publication as cell grids, for
 * tests/unit/html-tables.test.ts.
 *
 *   node tests/golden/html/transcribe-reference.mjs [reference.txt] [--check]
 *
 * The reference text (the published PDF's text layer) is kept beside this script as reference.txt,
 * so the golden can be rebuilt from the repository alone; --check writes nothing and exits 1 when
 * expected-tables.json is not what the text gives (tests/unit/html-tables.test.ts runs it).
 *
 * Body rows are read mechanically from the reference text (tab-separated cells of the published
 * PDF) and laid onto the official grid: a cell spanning several columns is repeated in each
 * column it covers (the 功能分类 code spans 类/款/项; 合计 spans code and name). The header rows
 * are written out by hand below, because the text extraction scrambles multi-level headers; they
 * follow the official 2024 format (01's "行" in the text is "行次" in the format, as in 04).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const check = args.includes('--check');
const seedPath = args.find((a) => a !== '--check') ?? join(dirname(fileURLToPath(import.meta.url)), 'reference.txt');
const lines = readFileSync(seedPath, 'utf8').split(/\r?\n/);

/** Lines of table NN: from "公开 NN 表" to its first "注：". */
function block(no) {
  const start = lines.findIndex((l) => l.trim() === `公开 ${no} 表`);
  if (start < 0) throw new Error(`table ${no} not found`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('注：'));
  return lines.slice(start, end).filter((l) => l.includes('\t')).map((l) => l.split('\t').map((c) => c.trim()));
}

const repeat = (text, n) => Array(n).fill(text);
const pad = (fields, n) => [...fields, ...repeat('', Math.max(0, n - fields.length))].slice(0, n);

function functionalHeader(valueTop) {
  // valueTop: for each header row 0..2, the expanded value-column texts
  return [
    [...repeat('项目', 4), ...valueTop[0]],
    [...repeat('功能分类科目编码', 3), '科目名称', ...valueTop[1]],
    ['类', '款', '项', '科目名称', ...valueTop[2]],
  ];
}

function functionalBody(no, valueCount) {
  const rows = block(no).filter((f) => f.some((c) => c === '合计' || /^\d{3}(\d{2}){0,2}$/.test(c)) && !f.includes('栏次') && !f.includes('科目名称'));
  return rows.map((f) => {
    const values = f.slice(f.length - valueCount);
    const labels = f.slice(0, f.length - valueCount).filter((c) => c !== '');
    if (labels.length === 1 && labels[0] === '合计') return [...repeat('合计', 4), ...values];
    const [code, name] = labels;
    return [...repeat(code, 3), name, ...values];
  });
}

function pairedBody(no, width) {
  return block(no)
    .map((f) => pad(f, width))
    .filter((f) => /^\d+$/.test(f[1]));
}

const colNumbers = (n) => Array.from({ length: n }, (_, i) => String(i + 1));

const tables = {};

tables['01'] = {
  title: '2024 年度收入支出决算总表',
  header: [
    [...repeat('收入', 3), ...repeat('支出', 3)],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['栏次', '', '1', '栏次', '', '2'],
  ],
  body: pairedBody('01', 6),
};

const incomeCols = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
tables['02'] = {
  title: '2024 年度收入决算表',
  header: [...functionalHeader([incomeCols, incomeCols, incomeCols]), [...repeat('栏次', 4), ...colNumbers(7)]],
  body: functionalBody('02', 7),
};

const expenseCols = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
tables['03'] = {
  title: '2024 年度支出决算表',
  header: [...functionalHeader([expenseCols, expenseCols, expenseCols]), [...repeat('栏次', 4), ...colNumbers(6)]],
  body: functionalBody('03', 6),
};

tables['04'] = {
  title: '2024 年度财政拨款收入支出决算总表',
  header: [
    [...repeat('收入', 3), ...repeat('支出', 6)],
    ['项目', '行次', '决算数', '项目', '行次', ...repeat('决算数', 4)],
    ['项目', '行次', '决算数', '项目', '行次', '小计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['栏次', '', '1', '栏次', '', '2', '3', '4', '5'],
  ],
  body: pairedBody('04', 9),
};

const gpbTop = [repeat('本年支出', 3), ['小计', '基本支出', '项目支出'], ['小计', '基本支出', '项目支出']];
tables['05'] = {
  title: '2024 年度一般公共预算财政拨款支出决算表',
  header: [...functionalHeader(gpbTop), [...repeat('栏次', 4), ...colNumbers(3)]],
  body: functionalBody('05', 3),
};

tables['06'] = {
  title: '2024 年度一般公共预算财政拨款基本支出决算明细表',
  header: [
    [...repeat('人员经费', 3), ...repeat('公用经费', 6)],
    ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
  ],
  body: block('06')
    .filter((f) => /^\d{3,5}$/.test(f[0]) || /^\d{3,5}$/.test(f[3]) || f[0] === '人员经费合计')
    .map((f) =>
      f[0] === '人员经费合计'
        ? [...repeat('人员经费合计', 2), f[2], ...repeat('公用经费合计', 5), f[f.length - 1]]
        : pad(f, 9),
    ),
};

const fundTop = [
  ['年初结转和结余', '本年收入', '本年支出', '本年支出', '本年支出', '年末结转和结余'],
  ['年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
  ['年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
];
tables['07'] = {
  title: '2024 年度政府性基金预算财政拨款收入支出决算表',
  header: [...functionalHeader(fundTop), [...repeat('栏次', 4), ...colNumbers(6)]],
  body: functionalBody('07', 6),
  emptyNote: '本部门 2024 年度无政府性基金预算财政拨款收入支出。',
};

const capitalTop = [repeat('本年支出', 3), ['合计', '基本支出', '项目支出'], ['合计', '基本支出', '项目支出']];
tables['08'] = {
  title: '2024 年度国有资本经营预算财政拨款支出决算表',
  header: [...functionalHeader(capitalTop), [...repeat('栏次', 4), ...colNumbers(3)]],
  body: functionalBody('08', 3),
  emptyNote: '本部门 2024 年度无国有资本经营预算财政拨款支出。',
};

const half = [
  ['合计', '因公出国（境）费', ...repeat('公务用车购置及运行维护费', 3), '公务接待费'],
  ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费'],
];
tables['09'] = {
  title: '2024 年度财政拨款“三公”经费支出决算表',
  header: [
    [...repeat('预算数', 6), ...repeat('决算数', 6)],
    [...half[0], ...half[0]],
    [...half[1], ...half[1]],
    colNumbers(12),
  ],
  body: block('09')
    .filter((f) => f.some((c) => /^\d[\d,]*\.\d\d$/.test(c)) && f.every((c) => c === '' || /^[\d,.]+$/.test(c)))
    .map((f) => pad(f, 12)),
};

for (const [no, t] of Object.entries(tables)) {
  t.label = `公开${no}表`;
  t.department = '武汉市江汉区城市运行管理中心';
  t.unit = '万元';
  const widths = new Set([...t.header, ...t.body].map((r) => r.length));
  if (widths.size !== 1) throw new Error(`table ${no}: rows of different widths ${[...widths]}`);
}

const out = join(dirname(fileURLToPath(import.meta.url)), 'expected-tables.json');
const json = `{\n${Object.entries(tables)
  .map(([no, t]) => {
    const rows = (rs) => rs.map((r) => `      ${JSON.stringify(r)}`).join(',\n');
    const extra = t.emptyNote ? `,\n    "emptyNote": ${JSON.stringify(t.emptyNote)}` : '';
    return `  "${no}": {\n    "title": ${JSON.stringify(t.title)},\n    "label": ${JSON.stringify(t.label)},\n    "department": ${JSON.stringify(t.department)},\n    "unit": "万元"${extra},\n    "header": [\n${rows(t.header)}\n    ],\n    "body": [\n${rows(t.body)}\n    ]\n  }`;
  })
  .join(',\n')}\n}\n`;
if (check) {
  const same = readFileSync(out, 'utf8') === json;
  console.log(same ? `${out} matches ${seedPath}` : `${out} differs from what ${seedPath} gives: run without --check`);
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(out, json);
  console.log(`wrote ${out}`);
}
