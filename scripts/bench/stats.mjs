// Small statistics and formatting helpers for the benchmark: percentiles, sizes, a plain-text table,
// and the comparison with the previous run's results file.

/** Nearest-rank percentile of an unsorted list of numbers (p in 0..100). */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** p50/p95/min/max/mean of timings in milliseconds, rounded to 0.1 ms. */
export function summarize(values) {
  if (values.length === 0) return { n: 0 };
  const round = (x) => Math.round(x * 10) / 10;
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

export function ms(x) {
  if (x === null || x === undefined) return '—';
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`;
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** Renders rows (arrays of cells) as an aligned text table; the first row is the header. */
export function table(rows) {
  const width = (s) => [...String(s)].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const line = (r) =>
    r
      .map((cell, i) => {
        const s = String(cell ?? '');
        const pad = ' '.repeat(widths[i] - width(s));
        return i === 0 ? s + pad : pad + s;
      })
      .join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * Flattens a results object to "path → number" for the numbers worth comparing between runs
 * (timing percentiles, sizes, peaks), so two files can be diffed without knowing their shape.
 */
export function comparableNumbers(results) {
  const out = new Map();
  const walk = (value, path) => {
    if (typeof value === 'number') {
      if (/(\.p50|coldMs|gzip|isolateEstimateMiB|wasmMemoryMiB)$/.test(path)) out.set(path, value);
      return;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(results, '');
  return out;
}

/** Lines "path: before → after (±x%)" for numbers that moved by more than `threshold` (a fraction). */
export function compare(previous, current, threshold = 0.15) {
  const before = comparableNumbers(previous);
  const after = comparableNumbers(current);
  const lines = [];
  for (const [path, now] of after) {
    const then = before.get(path);
    if (then === undefined || then === 0) continue;
    const change = (now - then) / then;
    if (Math.abs(change) < threshold) continue;
    lines.push({ path, then, now, change });
  }
  return lines.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
}
