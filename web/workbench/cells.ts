/**
 * Which table cells a finding points at. Cells carry data-path, the payload JSON pointer of the
 * amount they print (a paragraph of the 情况说明 names the pointers of all the payload values it
 * prints, separated by spaces); findings name pointers too. Most name an amount (exact match); some name a
 * row, a row's code or a whole table: then the amounts of that row (or table) are shown.
 */

export type Match = { how: 'exact' | 'within' | 'row'; paths: string[] } | null;

/** Parent pointer that still names a row or an object with amounts ("/tables/x/rows/7" of ".../rows/7/code"). */
function parent(pointer: string): string | null {
  const cut = pointer.lastIndexOf('/');
  const up = pointer.slice(0, cut);
  // "/tables/expense" is as high as it goes: the whole table, not the whole document.
  return up.split('/').length >= 3 ? up : null;
}

/**
 * The data-paths to mark for a finding's pointers, from those `available` in the preview.
 * @example cellsFor(['/tables/gpbExpense/rows/7/total', '/tables/gpbExpense/rows/7/basic'], ['/tables/gpbExpense/rows/7/code'])
 * // { how: 'row', paths: ['/tables/gpbExpense/rows/7/total', '/tables/gpbExpense/rows/7/basic'] }
 */
export function cellsFor(available: Iterable<string>, pointers: string[]): Match {
  const all = [...new Set(available)];
  const exact = pointers.filter((p) => all.includes(p));
  if (exact.length) return { how: 'exact', paths: exact };
  for (const pointer of pointers) {
    const within = all.filter((a) => a.startsWith(`${pointer}/`));
    if (within.length) return { how: 'within', paths: within };
  }
  // Text prints a whole object (a paragraph on /explanation/assets): the closest one holding the pointer.
  for (const pointer of pointers) {
    const holding = all.filter((a) => pointer.startsWith(`${a}/`)).sort((a, b) => b.length - a.length)[0];
    if (holding) return { how: 'within', paths: [holding] };
  }
  for (const pointer of pointers) {
    const up = parent(pointer);
    if (!up) continue;
    const row = all.filter((a) => a.startsWith(`${up}/`));
    if (row.length) return { how: 'row', paths: row };
  }
  return null;
}
