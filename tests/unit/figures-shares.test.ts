import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largestRemainderPercents, largestRemainderScaled } from '../../src/render/figures/shares';
import { percent } from '../../src/schema/money';

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('largestRemainderPercents', () => {
  it('gives thirds that add up to 100.00', () => {
    expect(largestRemainderPercents([1, 1, 1], 2)).toEqual(['33.34', '33.33', '33.33']);
    expect(largestRemainderPercents([100, 100, 100], 0)).toEqual(['34', '33', '33']);
  });

  it('matches half-up rounding when that already adds up (the reference 基本/项目支出)', () => {
    expect(largestRemainderPercents([35589, 116369], 2)).toEqual(['23.42', '76.58']);
    expect(percent(35589, 151958, 2)).toBe('23.42');
    expect(largestRemainderPercents([35589, 116369], 1)).toEqual(['23.4', '76.6']);
  });

  it('fixes the reference 图5 shares (93.12 + 1.47 + 1.84 + 3.57 = 100)', () => {
    expect(largestRemainderPercents([141508, 2231, 2799, 5420], 2)).toEqual(['93.12', '1.47', '1.84', '3.57']);
  });

  it('gives the missing unit to the largest remainder, ties to the larger amount, then the earlier item', () => {
    // 1/6 = 16.666…, 5/6 = 83.333…: floors 16 + 83 = 99, the larger remainder (16.666) gets the unit.
    expect(largestRemainderPercents([1, 5], 0)).toEqual(['17', '83']);
    // Equal remainders: the earlier of equal amounts wins.
    expect(largestRemainderPercents([1, 1, 1, 1, 1, 1, 1], 0)).toEqual(['15', '15', '14', '14', '14', '14', '14']);
  });

  it('keeps a single category at exactly 100 and zero categories at 0', () => {
    expect(largestRemainderPercents([151958], 2)).toEqual(['100.00']);
    expect(largestRemainderPercents([0, 151958, 0], 2)).toEqual(['0.00', '100.00', '0.00']);
  });

  it('refuses negative amounts and a zero total', () => {
    expect(() => largestRemainderPercents([-1, 2])).toThrow(RangeError);
    expect(() => largestRemainderPercents([0, 0])).toThrow(RangeError);
    expect(() => largestRemainderPercents([1], 7)).toThrow(RangeError);
  });

  it('always adds up to exactly 100 and never moves a share by a whole unit or more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000_000 }), { minLength: 1, maxLength: 30 }).filter((xs) => xs.some((x) => x > 0)),
        fc.integer({ min: 0, max: 4 }),
        (values, decimals) => {
          const scaled = largestRemainderScaled(values, decimals);
          const whole = 100n * 10n ** BigInt(decimals);
          expect(sum(scaled)).toBe(whole);
          const total = values.reduce((a, b) => a + BigInt(b), 0n);
          scaled.forEach((s, i) => {
            // s is the exact share rounded down or up: |s·total − v·whole| < total.
            const diff = s * total - BigInt(values[i]) * whole;
            expect(diff < total && -diff < total).toBe(true);
          });
        },
      ),
    );
  });
});
