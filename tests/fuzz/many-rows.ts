/** Valid payloads with very many rows (issue 14: image work bounds). */
import minimal from '../../examples/wuhan-jianghan-cyzx-2024-minimal.json';
import { addManyRows } from '../../scripts/many-rows.mjs';

/** A valid payload with n extra 项 rows (in tables 02, 03 and 05), amounts `amount` each. */
export function manyRows(n: number, amount = 1.5, slug = 'many-rows') {
  const d = structuredClone(minimal) as any;
  d.meta.slug = slug;
  return addManyRows(d, n, amount);
}

