/** Valid payloads with very many rows (issue 14: image work bounds). */
import minimal from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';

/** A valid payload with n extra 项 rows (in tables 02, 03 and 05), amounts `amount` each. */
export function manyRows(n: number, amount = 1.5, slug = 'many-rows') {
  const d = structuredClone(minimal) as any;
  d.meta.slug = slug;
  const add = (t: any, field: string) => {
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const k = `201${String(50 + Math.floor(i / 99)).padStart(2, '0')}`;
      if (!seen.has(k)) {
        seen.add(k);
        t.rows.push({ code: k, name: `测试款${k}` });
      }
      t.rows.push({ code: `${k}${String(1 + (i % 99)).padStart(2, '0')}`, name: `测试科目${i}`, [field]: amount });
    }
  };
  add(d.tables.income, 'fiscal');
  add(d.tables.expense, 'project');
  add(d.tables.gpbExpense, 'project');
  return d;
}

