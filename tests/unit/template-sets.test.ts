import { describe, expect, it } from 'vitest';
import { SET_FILES } from '../../src/model/sets.generated';
import { loadTemplateSets, mergeDeep, TemplateSetError } from '../../src/model/template-registry';
import { allTemplateSets, findTemplateSet, tableLabel, tableName } from '../../src/model/template-set';

const national = SET_FILES['national-2024'];
const withSet = (id: string, files: Record<string, unknown>) => ({ 'national-2024': national, [id]: files });
const problemsOf = (files: Record<string, Record<string, unknown>>) => {
  try {
    loadTemplateSets(files);
  } catch (error) {
    if (error instanceof TemplateSetError) return error.problems;
    throw error;
  }
  return [];
};

describe('template sets under templates/sets/', () => {
  it('every shipped set loads and is complete', () => {
    const sets = allTemplateSets();
    expect(sets.map((s) => s.id)).toContain('national-2024');
    for (const set of sets) {
      expect(set.tables.length).toBeGreaterThan(0);
      for (const t of set.tables) expect(set.layouts[t.key], `${set.id} ${t.key}`).toBeDefined();
      expect(set.document.parts.some((p) => p.kind === 'tables')).toBe(true);
    }
  });

  it('national-2024 keeps its nine tables, labels and six parts', () => {
    const set = findTemplateSet('national-2024')!;
    expect(set.tables.map((t) => t.no)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(tableLabel(set, '05')).toBe('公开05表');
    expect(tableName(set, 'threePublic')).toBe('公开09表');
    expect(set.document.parts.map((p) => p.kind)).toEqual(['overview', 'tables', 'narrative', 'keyWork', 'glossary', 'attachments']);
  });

  it('a set that extends another says only what differs', () => {
    const sets = loadTemplateSets(
      withSet('mini', {
        'set.json': { id: 'mini', name: '小', extends: 'national-2024', fiscalYears: [2023] },
        'narrative/common.json': { sectionTitles: { overall: '总体情况' } },
        'glossary/standard.json': { entries: [{ key: 'x', term: '术语', definition: '指{fiscalLevel}的东西。' }] },
      }),
    );
    const mini = sets.get('mini')!;
    expect(mini.fiscalYears).toEqual([2023]);
    expect(mini.tables).toEqual(sets.get('national-2024')!.tables);
    expect(mini.narrative.common.sectionTitles.overall).toBe('总体情况');
    expect(mini.narrative.common.sectionTitles.income).toBe('收入决算情况说明');
    expect(mini.glossary.standard.entries).toHaveLength(1);
    expect(mini.layouts.summary).toBe(sets.get('national-2024')!.layouts.summary);
  });

  it('tableLabel relabels every table whose own layout file does not', () => {
    const sets = loadTemplateSets(
      withSet('relabel', {
        'set.json': { id: 'relabel', name: 'R', extends: 'national-2024', tableLabel: '表{no}' },
        'layouts/threePublic.json': { label: null },
      }),
    );
    const set = sets.get('relabel')!;
    expect(tableLabel(set, '05')).toBe('表05');
    expect(tableLabel(set, '09')).toBeNull();
    expect(tableLabel(sets.get('national-2024')!, '05')).toBe('公开05表');
  });

  it('names the file and the JSON path of every problem', () => {
    const problems = problemsOf(
      withSet('bad', {
        'set.json': { id: 'bad', name: '坏', extends: 'national-2024', colour: 'red', tables: [{ no: '01', key: '1nope', title: 'x' }] },
        'narrative/common.json': { sectionTitles: { overall: '{nothing}情况' } },
        'layouts/summary.json': { ...(national['layouts/summary.json'] as object), header: [{ cells: [{ text: 'a', colspan: 0 }] }] },
        'notes.txt.json': {},
      }),
    );
    const where = problems.map((p) => `${p.file} ${p.path}`);
    expect(where).toContain('bad/set.json ');
    expect(problems.find((p) => p.file === 'bad/set.json' && p.message.includes('colour'))).toBeDefined();
    expect(where).toContain('bad/set.json /tables/0/key');
    expect(where).toContain('bad/notes.txt.json ');
  });

  it('checks wording against the reference shape: unknown placeholders and keys are refused', () => {
    const problems = problemsOf(
      withSet('bad', {
        'set.json': { id: 'bad', name: '坏', extends: 'national-2024' },
        'narrative/common.json': { sectionTitles: { overall: '{nothing}情况' }, extra: 'x' },
        'layouts/summary.json': { ...(national['layouts/summary.json'] as object), header: [{ cells: [{ text: 'a', colspan: 0 }] }] },
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ file: 'bad/narrative/common.json', path: '/sectionTitles/overall' }));
    expect(problems.find((p) => p.file === 'bad/narrative/common.json' && p.message.includes('extra'))).toBeDefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'bad/layouts/summary.json', path: '/header/0/cells/0/colspan' }));
  });

  it('refuses a missing base, a cycle, and a root set without its required parts', () => {
    expect(problemsOf(withSet('a', { 'set.json': { id: 'a', name: 'A', extends: 'nowhere' } }))).toContainEqual(
      expect.objectContaining({ file: 'a/set.json', path: '/extends' }),
    );
    const cycle = problemsOf({
      'national-2024': national,
      a: { 'set.json': { id: 'a', name: 'A', extends: 'b' } },
      b: { 'set.json': { id: 'b', name: 'B', extends: 'a' } },
    });
    expect(cycle.some((p) => p.message.includes('成环'))).toBe(true);
    const root = problemsOf(withSet('r', { 'set.json': { id: 'r', name: 'R' } }));
    expect(root.some((p) => p.file === 'r/set.json' && p.message.includes('tables'))).toBe(true);
    expect(root.some((p) => p.file === 'r/document.json')).toBe(true);
  });

  it('merges objects key by key and replaces arrays', () => {
    expect(mergeDeep({ a: { b: 1, c: 2 }, d: [1, 2] }, { a: { c: 3 }, d: [9] })).toEqual({ a: { b: 1, c: 3 }, d: [9] });
  });
});
