import type { Model } from './derive';

/**
 * A value kept per (model, id): a model never changes once derived, so what is computed from it
 * (a built table, a figure's data, whether a table's image is refused) is computed once and shared,
 * read-only, for as long as the model lives (a WeakMap: it goes with the model).
 * @example const kept = perModel<BuiltTable>(); kept(model, '05', () => build(model, '05'))
 */
export function perModel<T>(): (model: Model, id: string, compute: () => T) => T {
  const kept = new WeakMap<Model, Map<string, T>>();
  return (model, id, compute) => {
    let byId = kept.get(model);
    if (!byId) {
      byId = new Map();
      kept.set(model, byId);
    }
    if (byId.has(id)) return byId.get(id) as T;
    const value = compute();
    byId.set(id, value);
    return value;
  };
}
