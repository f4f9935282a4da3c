// One copy of the "very many rows" payload builder: tests (tests/fuzz/many-rows.ts, also inside
// workerd, so no file system here), the memory bench and the load test all use it.

/**
 * Adds n 项 rows (and the 款 rows above them) to tables 02, 03 and 05 of `payload`, `amount` each:
 * a valid payload whatever n, for the image work bounds.
 */
export function addManyRows(payload, n, amount = 1.5) {
  const add = (table, field) => {
    const seen = new Set();
    for (let i = 0; i < n; i++) {
      const k = `201${String(50 + Math.floor(i / 99)).padStart(2, '0')}`;
      if (!seen.has(k)) {
        seen.add(k);
        table.rows.push({ code: k, name: `测试款${k}` });
      }
      table.rows.push({ code: `${k}${String(1 + (i % 99)).padStart(2, '0')}`, name: `测试科目${i}`, [field]: amount });
    }
  };
  add(payload.tables.income, 'fiscal');
  add(payload.tables.expense, 'project');
  add(payload.tables.gpbExpense, 'project');
  return payload;
}
