/**
 * The workbench points each finding at its cell by matching the finding's JSON pointers with the
 * data-path of the preview's amount cells (web/workbench/cells.ts). Here, for one failing payload
 * per audit rule (tests/unit/audit/cases.ts), every finding about a table must find cells in the
 * rendered document: its amount, else the row or table it names.
 */
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/audit/check-report';
import type { Model } from '../../src/model/derive';
import { renderDocumentHtml } from '../../src/render/html/document';
import { renderTableHtml } from '../../src/render/html/tables';
import { DEFAULT_PARAMS } from '../../src/render/output';
import { cellsFor } from '../../web/workbench/cells';
import { RULE_CASES } from './audit/cases';
import { full, minimal } from './audit/helpers';

const dataPaths = (html: string) => [...html.matchAll(/ data-path="([^"]*)"/g)].map((m) => m[1]);
/** The data-paths of every table the document prints (its 第二部分). */
const tablePaths = (model: Model) => model.set.tables.flatMap((t) => dataPaths(renderTableHtml(model, t.no, { params: DEFAULT_PARAMS })));

describe('cellsFor', () => {
  const available = ['/tables/gpbExpense/rows/7/total', '/tables/gpbExpense/rows/7/basic', '/tables/gpbExpense/total/total', '/tables/summary/expenseByClass/201'];

  it('an amount itself, else the amounts under the pointer, else those of its row; nothing for text', () => {
    expect(cellsFor(available, ['/tables/summary/expenseByClass/201', '/tables/gpbExpense/rows/7/total'])).toEqual({
      how: 'exact',
      paths: ['/tables/summary/expenseByClass/201', '/tables/gpbExpense/rows/7/total'],
    });
    expect(cellsFor(available, ['/tables/gpbExpense/rows/7'])).toEqual({ how: 'within', paths: available.slice(0, 2) });
    expect(cellsFor(available, ['/tables/gpbExpense/rows/7/code'])).toEqual({ how: 'row', paths: available.slice(0, 2) });
    expect(cellsFor(available, ['/tables/gpbExpense/rows'])?.paths).toEqual(available.slice(0, 2));
    expect(cellsFor(available, ['/explanation/annualBudget/reason'])).toBeNull();
    // "/tables/gpbExpense/rows/99/code": its parent row has no cells, and "/tables" is not a place.
    expect(cellsFor(available, ['/tables/gpbExpense/rows/99/code'])).toBeNull();
  });
});

/** Findings about table data the document does not print: the workbench selects them in the JSON editor. */
const NOT_PRINTED = new Set(['custom.unknown-table']);

describe('every table finding of the rule cases points at cells of the printed tables', () => {
  it('data the document does not print has no cell (the editor shows it)', () => {
    const c = RULE_CASES.find((x) => x.rule === 'custom.unknown-table')!;
    const result = checkReport(c.base === 'full' ? full(c.edit) : minimal(c.edit));
    if (!result.ok) throw new Error('the case no longer parses');
    expect(tablePaths(result.model).some((p) => p.startsWith(c.path))).toBe(false);
  });

  it.each(RULE_CASES.filter((c) => c.path.startsWith('/tables/') && !NOT_PRINTED.has(c.rule)).map((c) => [c.rule, c.what, c] as const))('%s (%s)', (_rule, _what, c) => {
    const result = checkReport(c.base === 'full' ? full(c.edit) : minimal(c.edit));
    if (!result.ok) throw new Error('the case no longer parses');
    const available = tablePaths(result.model);
    const findings = result.findings.filter((f) => f.rule === c.rule && f.paths.includes(c.path));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(cellsFor(available, finding.paths), finding.message).not.toBeNull();
  });
});

/** The payload pointers the whole document's text and forms print (a paragraph names several, space-separated). */
const documentPaths = (model: Model) =>
  dataPaths(renderDocumentHtml(model, { params: DEFAULT_PARAMS }))
    .flatMap((p) => p.split(' '))
    .filter((p) => !p.startsWith('/tables/'));
/** Findings about what the document cannot print at all (no 部门职责: an empty list): the editor shows them. */
const TEXT_NOT_PRINTED = new Set(['completeness.duties']);
const TEXT = /^\/(explanation|overview|performance|keyWork|glossary)(\/|$)/;

describe('cellsFor on text', () => {
  it('a paragraph printing a whole object is found from a pointer into it, the closest one first', () => {
    const available = ['/explanation/assets', '/explanation/previousYear/gpbExpense', '/explanation/threePublicDetail/vehiclesHeld', '/explanation/threePublicDetail'];
    expect(cellsFor(available, ['/explanation/assets/vehicles'])).toEqual({ how: 'within', paths: ['/explanation/assets'] });
    expect(cellsFor(available, ['/explanation/threePublicDetail/vehiclesHeld'])).toEqual({ how: 'exact', paths: ['/explanation/threePublicDetail/vehiclesHeld'] });
    expect(cellsFor(available, ['/explanation/threePublicDetail/receptionPeople'])).toEqual({ how: 'within', paths: ['/explanation/threePublicDetail'] });
  });
});

describe('every finding of the rule cases about the text points at the paragraph or form cell that prints it', () => {
  const textCases = RULE_CASES.filter((c) => TEXT.test(c.path) && !TEXT_NOT_PRINTED.has(c.rule));

  it('the reference document names what its text prints', () => {
    const model = full(() => {});
    const result = checkReport(model);
    if (!result.ok) throw new Error('the reference no longer parses');
    const paths = documentPaths(result.model);
    expect(paths).toContain('/explanation/reasons/income');
    expect(paths).toContain('/overview/duties/0');
    expect(paths).toContain('/keyWork/sections/0/text');
    expect(paths).toContain('/performance/projectSummaries/0');
    expect(paths).toContain('/performance/projects/0/indicators/0');
    expect(textCases.length).toBeGreaterThan(5);
  });

  it.each(textCases.map((c) => [c.rule, c.what, c] as const))('%s (%s)', (_rule, _what, c) => {
    const result = checkReport(c.base === 'full' ? full(c.edit) : minimal(c.edit));
    if (!result.ok) throw new Error('the case no longer parses');
    const available = documentPaths(result.model);
    const findings = result.findings.filter((f) => f.rule === c.rule && f.paths.includes(c.path));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(cellsFor(available, finding.paths), `${finding.message} ${finding.paths.join(' ')}`).not.toBeNull();
  });
});
