/**
 * Shares of a whole that add up to exactly 100 as printed (largest-remainder / Hamilton method),
 * computed on exact cents. Half-up rounding of each share on its own can print 33.33 + 33.33 +
 * 33.33 = 99.99 under a pie; a reader adding the labels must get 100.
 */
import { formatScaled, type Cents } from '../../schema/money';

/**
 * Percentages of `values` in their sum, with `decimals` decimals, summing to exactly 100.
 * Each share is the exact one floored, then the missing units go to the largest remainders
 * (ties: the larger value, then the earlier item). Values must be non-negative with a positive sum.
 * @example largestRemainderPercents([1, 1, 1], 2) // ["33.34", "33.33", "33.33"]
 */
export function largestRemainderPercents(values: readonly Cents[], decimals = 2): string[] {
  return largestRemainderScaled(values, decimals).map((scaled) => formatScaled(scaled, decimals));
}

/** Same as {@link largestRemainderPercents}, as integers of 10^-decimals percent. */
export function largestRemainderScaled(values: readonly Cents[], decimals = 2): bigint[] {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError('decimals must be 0–6');
  if (values.some((v) => !Number.isSafeInteger(v) || v < 0)) {
    throw new RangeError('shares need non-negative integer amounts');
  }
  const total = values.reduce((a, b) => a + BigInt(b), 0n);
  if (total === 0n) throw new RangeError('shares of a zero total');
  const whole = 100n * 10n ** BigInt(decimals);
  const floors = values.map((v) => (BigInt(v) * whole) / total);
  const remainders = values.map((v, i) => BigInt(v) * whole - floors[i] * total);
  let missing = whole - floors.reduce((a, b) => a + b, 0n);
  const order = values
    .map((_, i) => i)
    .sort((a, b) => {
      if (remainders[a] !== remainders[b]) return remainders[a] > remainders[b] ? -1 : 1;
      if (values[a] !== values[b]) return values[b] - values[a];
      return a - b;
    });
  const result = [...floors];
  for (const i of order) {
    if (missing === 0n) break;
    if (remainders[i] === 0n) break; // exact shares need nothing; only possible when missing is 0
    result[i] += 1n;
    missing -= 1n;
  }
  return result;
}
