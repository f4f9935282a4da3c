/**
 * Header wordings of other provinces and years (templates/import/header-synonyms.json): the same
 * column worded differently imports to the same figure; a header two columns would fit is reported,
 * never guessed. Workbooks are built here cell by cell, as the exports were seen.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../src/ingest';
import { SET_FILES } from '../../src/model/sets.generated';
import { loadTemplateSets, TemplateSetError } from '../../src/model/template-registry';
import vocabulary from '../../templates/import/header-synonyms.json';

type Cell = string | number | null;

function workbook(sheets: { name: string; rows: Cell[][]; merges?: string[] }[], bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    ws['!merges'] = (s.merges ?? []).map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }));
}

const tables = (r: ReturnType<typeof importWorkbook>) => (r.payload as { tables?: Record<string, unknown> }).tables ?? {};

/** The lead's county example: 公开05表 as a county's 决算软件 exports it (.xls, BIFF8). */
const COUNTY: Cell[][] = [
  ['一般公共预算财政拨款支出决算表', null, null, null, null],
  [null, null, null, null, '公开05表'],
  ['编制单位：某某县财政局', null, null, null, '金额单位：万元'],
  ['项目', null, '本年支出', null, null],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  ['栏次', null, 1, 2, 3],
  ['合计', null, '300.00', 200, 100],
  ['201', '一般公共服务支出', 300, 200, 100],
  ['20106', '财政事务', 300, 200, 100],
  ['2010601', '行政运行', 200, 200, null],
  ['2010602', '一般行政管理事务', '100.00', null, '100.00'],
  ['注：本表反映部门本年度一般公共预算财政拨款支出情况。'],
];

const GPB_EXPECTED = {
  total: { total: '300.00', basic: '200.00', project: '100.00' },
  rows: [
    { code: '201', name: '一般公共服务支出', total: '300.00', basic: '200.00', project: '100.00' },
    { code: '20106', name: '财政事务', total: '300.00', basic: '200.00', project: '100.00' },
    { code: '2010601', name: '行政运行', total: '200.00', basic: '200.00' },
    { code: '2010602', name: '一般行政管理事务', total: '100.00', project: '100.00' },
  ],
};

/** 公开05表 with its two header rows replaced. */
const gpbWith = (top: Cell[], bottom: Cell[]): Cell[][] => [...COUNTY.slice(0, 3), top, bottom, ...COUNTY.slice(5)];

describe('import: header wordings of other exports', () => {
  it('the county example (.xls): 科目编码 and 本年支出 › 合计 are the set’s 功能分类科目编码 and 小计; nothing unplaced, amounts exact', () => {
    const data = workbook([{ name: 'Sheet5', rows: COUNTY, merges: ['A1:E1', 'A4:B4', 'C4:E4', 'A7:B7'] }], 'biff8');
    const result = importWorkbook(data);
    expect(result.unplaced).toEqual([]);
    expect(result.sheets).toEqual([expect.objectContaining({ name: 'Sheet5', table: '05' })]);
    expect(tables(result).gpbExpense).toEqual(GPB_EXPECTED);
    expect(result.sources['/tables/gpbExpense/total/total']).toEqual({ sheet: 'Sheet5', cell: 'C7' });
    expect(result.sources['/tables/gpbExpense/rows/3/project']).toEqual({ sheet: 'Sheet5', cell: 'E11' });
  });

  it.each([
    ['支出功能分类科目编码 / 项目名称, no merges', ['项目', null, '本年支出', null, null], ['支出功能分类科目编码', '项目名称', '合计', '基本支出', '项目支出']],
    ['units and brackets: 合计（万元）, [科目编码], full-width spaces', ['项　目', null, '本年支出（万元）', null, null], ['[科目编码]', '科 目 名 称', '合计（万元）', '基本支出（万元）', '项目支出(万元)']],
    ['no 项目 row, 功能分类科目 / 本年支出合计', ['功能分类科目', '科目名称', '本年支出合计', '基本支出', '项目支出'], [null, null, null, null, null]],
  ])('公开05表 worded %s', (_, top, bottom) => {
    const rows = gpbWith(top, bottom);
    if (rows[4].every((c) => c === null)) rows.splice(4, 1);
    const result = importWorkbook(workbook([{ name: 'Sheet1', rows }]));
    expect(result.unplaced).toEqual([]);
    expect(tables(result).gpbExpense).toEqual(GPB_EXPECTED);
  });

  it('公开05表 with the code split under 科目编码 › 类 / 款 / 项', () => {
    const rows: Cell[][] = [
      ...COUNTY.slice(0, 3),
      ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', null, null, null, null],
      ['合计', null, null, null, 300, 200, 100],
      ['201', null, null, '一般公共服务支出', 300, 200, 100],
      ['201', '06', null, '财政事务', 300, 200, 100],
      ['201', '06', '01', '行政运行', 200, 200, null],
      ['201', '06', '02', '一般行政管理事务', 100, null, 100],
    ];
    const merges = ['A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5', 'A6:D6'];
    const result = importWorkbook(workbook([{ name: 'Sheet1', rows, merges }]));
    expect(result.unplaced).toEqual([]);
    expect(tables(result).gpbExpense).toEqual(GPB_EXPECTED);
  });

  it('公开03表 with 合计 for 本年支出合计 and 科目代码; 公开09表 (国有资本经营) with 小计 for 合计', () => {
    const expense: Cell[][] = [
      ['支出决算表'],
      ['单位：万元'],
      ['项目', null, '合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ['科目代码', '科目名称'],
      ['合计', null, 300, 200, 100, null, null, null],
      ['2010601', '行政运行', 200, 200, null, null, null, null],
      ['2010602', '一般行政管理事务', 100, null, 100, null, null, null],
    ];
    const stateCapital: Cell[][] = [
      ['国有资本经营预算财政拨款支出决算表'],
      ['单位：万元'],
      ['项目', null, '本年支出'],
      ['科目编码', '科目名称', '小计', '基本支出', '项目支出'],
      ['合计', null, 5, null, 5],
      ['2230199', '其他国有资本经营预算支出', 5, null, 5],
    ];
    const result = importWorkbook(
      workbook([
        { name: '表3', rows: expense, merges: ['A3:B3', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4'] },
        { name: '表9', rows: stateCapital, merges: ['A3:B3', 'C3:E3'] },
      ]),
    );
    expect(result.unplaced).toEqual([]);
    const t = tables(result) as Record<string, { total: Record<string, string>; rows: Record<string, string>[] }>;
    expect(t.expense.total).toEqual({ total: '300.00', basic: '200.00', project: '100.00' });
    expect(t.expense.rows[1]).toEqual({ code: '2010602', name: '一般行政管理事务', total: '100.00', project: '100.00' });
    expect(t.stateCapital.rows).toEqual([{ code: '2230199', name: '其他国有资本经营预算支出', total: '5.00', project: '5.00' }]);
  });

  it('政府性基金表 with 年初结转结余 / 本年支出 › 合计 / 年末结转结余', () => {
    const fund: Cell[][] = [
      ['政府性基金预算财政拨款收入支出决算表'],
      ['金额单位：万元'],
      ['项目', null, '年初结转结余', '本年收入', '本年支出', null, null, '年末结转结余'],
      ['科目编码', '科目名称', null, null, '合计', '基本支出', '项目支出', null],
      ['合计', null, 1, 10, 8, null, 8, 3],
      ['2120801', '征地和拆迁补偿支出', 1, 10, 8, null, 8, 3],
    ];
    const result = importWorkbook(workbook([{ name: 'Sheet7', rows: fund, merges: ['A3:B3', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'] }]));
    expect(result.unplaced).toEqual([]);
    const t = tables(result) as Record<string, { total: Record<string, string> }>;
    expect(t.fund.total).toEqual({ carryForwardStart: '1.00', income: '10.00', expenseTotal: '8.00', project: '8.00', carryForwardEnd: '3.00' });
  });

  it('“三公”经费表 worded 因公出国(境)费用 / 公务用车购置及运行费 › 合计 / 公务用车购置 / 公务用车运行费 / 公务接待费', () => {
    const group: Cell[] = ['合计', '因公出国(境)费用', '公务用车购置及运行费', null, null, '公务接待费'];
    const sub: Cell[] = [null, null, '合计', '公务用车购置', '公务用车运行费', null];
    const sheet: Cell[][] = [
      ['财政拨款“三公”经费支出决算表'],
      ['单位：万元'],
      ['预算数', null, null, null, null, null, '决算数', null, null, null, null, null],
      [...group, ...group],
      [...sub, ...sub],
      ['栏次', 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      [10, 1, 6, 2, 4, 3, 9, 0.5, 5.5, 2, 3.5, 3],
    ];
    sheet[5][0] = 1;
    const merges = ['A3:F3', 'G3:L3', 'C4:E4', 'I4:K4', 'A4:A5', 'B4:B5', 'F4:F5', 'G4:G5', 'H4:H5', 'L4:L5'];
    const result = importWorkbook(workbook([{ name: '表7', rows: sheet, merges }]));
    expect(result.unplaced).toEqual([]);
    expect(tables(result).threePublic).toEqual({
      budget: { total: '10.00', abroad: '1.00', vehicleSubtotal: '6.00', vehiclePurchase: '2.00', vehicleOperation: '4.00', reception: '3.00' },
      actual: { total: '9.00', abroad: '0.50', vehicleSubtotal: '5.50', vehiclePurchase: '2.00', vehicleOperation: '3.50', reception: '3.00' },
    });
  });

  it('a header two columns would fit is reported, not guessed (收入支出决算总表 without its 收入/支出 row: 决算数 is either 金额)', () => {
    const summary: Cell[][] = [
      ['收入支出决算总表'],
      ['单位：万元'],
      ['项目', '行次', '决算数', '项目', '行次', '决算数'],
      ['一、一般公共预算财政拨款收入', 1, 100, '一、一般公共服务支出', 32, 100],
    ];
    const result = importWorkbook(workbook([{ name: '表1', rows: summary }]));
    const header = result.unplaced.filter((u) => u.cell === 'C3' || u.cell === 'F3');
    expect(header).toHaveLength(2);
    for (const u of header) expect(u.reason).toMatch(/“决算数”既可以是《收入支出决算总表》的“收入 › 金额”，也可以是“支出 › 金额”栏目，无法确定/);
    expect(result.unplaced.map((u) => u.cell)).toEqual(expect.arrayContaining(['C4', 'F4']));
    expect(result.unplaced.find((u) => u.cell === 'C4')?.reason).toMatch(/无法确定/);
    expect(JSON.stringify(tables(result).summary ?? {})).not.toContain('100.00');
  });

  it('a column the vocabulary does not know stays reported as before', () => {
    const rows = gpbWith(['项目', null, '本年支出', null, null], ['科目编码', '科目名称', '支出总额', '基本支出', '项目支出']);
    const result = importWorkbook(workbook([{ name: 'Sheet1', rows }]));
    expect(result.unplaced.find((u) => u.cell === 'C5')?.reason).toMatch(/表头“支出总额”不是《一般公共预算财政拨款支出决算表》的栏目/);
  });
});

describe('header synonyms are data, checked by the set schema', () => {
  it('the common vocabulary cites a source and never lists a word as its own synonym', () => {
    expect(Object.keys(vocabulary.sources).length).toBeGreaterThan(0);
    for (const [word, alts] of Object.entries(vocabulary.synonyms)) expect(alts).not.toContain(word);
  });

  it('a set adds its own wordings in set.json headerSynonyms (inherited by sets extending it)', () => {
    const files = {
      ...SET_FILES,
      'region-2024': { 'set.json': { id: 'region-2024', name: '某地', extends: 'national-2024', headerSynonyms: { 小计: ['本年合计'] } } },
    };
    const sets = loadTemplateSets(files);
    expect(sets.get('region-2024')?.headerSynonyms.小计).toEqual(['合计', '本年合计']);
    expect(sets.get('national-2024')?.headerSynonyms.小计).toEqual(['合计']);
  });

  it('rejects a synonym that is the word itself, twice the same, or empty, naming the JSON path', () => {
    const files = {
      ...SET_FILES,
      'region-2024': { 'set.json': { id: 'region-2024', name: '某地', extends: 'national-2024', headerSynonyms: { 小计: ['小 计', '合计', '合计'], 合计: [] } } },
    };
    let error: unknown;
    try {
      loadTemplateSets(files);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateSetError);
    const paths = (error as TemplateSetError).problems.map((p) => `${p.file}${p.path}`);
    expect(paths).toEqual(expect.arrayContaining(['region-2024/set.json/headerSynonyms/小计/0', 'region-2024/set.json/headerSynonyms/小计/2', 'region-2024/set.json/headerSynonyms/合计']));
  });
});
