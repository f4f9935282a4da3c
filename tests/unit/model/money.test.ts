import { describe, expect, it } from 'vitest';
import { formatAmount, formatAmountText, parseAmount, percent, sum } from '../../../src/schema/money';

describe('parseAmount', () => {
  it.each([
    ['1,519.58', 151958],
    ['1519.58', 151958],
    [1519.58, 151958],
    ['54.20', 5420],
    ['5.9', 590],
    ['0', 0],
    [0, 0],
    ['12,345,678.90', 1234567890],
    ['1，519.58', 151958],
    [-0.5, -50],
    ['-0.5', -50],
    ['  22.31 ', 2231],
  ] as const)('accepts %j', (input, cents) => {
    expect(parseAmount(input)).toEqual({ ok: true, cents });
  });

  it.each(['1,5,19.58', '15,19.58', '1519,58', '1,519.5.8', 'abc', '1e3', '', ' '])('rejects %j', (input) => {
    expect(parseAmount(input).ok).toBe(false);
  });

  it('rejects more than two decimals, as a string or a number', () => {
    expect(parseAmount('1.005')).toEqual({ ok: false, message: '金额 1.005 超过两位小数（单位为万元，最多保留到 0.01）' });
    expect(parseAmount(1.005).ok).toBe(false);
    expect(parseAmount('0.001').ok).toBe(false);
  });

  it('rejects non-finite and exponent numbers', () => {
    expect(parseAmount(Number.NaN).ok).toBe(false);
    expect(parseAmount(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parseAmount(1e21).ok).toBe(false);
  });

  it('explains a malformed amount in Chinese', () => {
    expect(parseAmount('1,5,19.58')).toEqual({
      ok: false,
      message: '金额“1,5,19.58”格式不正确，应为数字，如 1519.58 或 "1,519.58"',
    });
  });
});

describe('formatAmount', () => {
  it('prints table cells with separators and text without', () => {
    expect(formatAmount(151958)).toBe('1,519.58');
    expect(formatAmount(5420)).toBe('54.20');
    expect(formatAmount(1)).toBe('0.01');
    expect(formatAmount(-50)).toBe('-0.50');
    expect(formatAmount(123456789012)).toBe('1,234,567,890.12');
    expect(formatAmountText(151958)).toBe('1519.58');
  });

  it('round-trips with parseAmount', () => {
    for (const cents of [0, 1, 99, 100, 151958, 35589, 999999999]) {
      expect(parseAmount(formatAmount(cents))).toEqual({ ok: true, cents });
    }
  });
});

describe('sum', () => {
  it('adds integers and treats blanks as zero', () => {
    expect(sum([141508, 2231, 2799, 5420])).toBe(151958);
    expect(sum([null, undefined, 5])).toBe(5);
    expect(sum([])).toBe(0);
  });
});

describe('percent', () => {
  it('rounds half up rather than truncating', () => {
    // 11.36 / 1.66 = 684.337…%: the reference prints the truncated 684.33.
    expect(percent(1136, 166)).toBe('684.34');
    expect(percent(35589, 151958)).toBe('23.42');
    expect(percent(116369, 151958)).toBe('76.58');
    expect(percent(141508, 151958)).toBe('93.12');
    expect(percent(2231, 151958)).toBe('1.47');
  });

  it('rounds exact halves away from zero', () => {
    expect(percent(1, 8, 1)).toBe('12.5');
    expect(percent(1, 8, 0)).toBe('13');
    expect(percent(-1, 8, 0)).toBe('-13');
    expect(percent(1, 200, 0)).toBe('1');
  });

  it('supports other precisions', () => {
    expect(percent(35589, 151958, 1)).toBe('23.4');
    expect(percent(151958, 265267, 0)).toBe('57');
    expect(percent(6906, 6929, 2)).toBe('99.67');
  });

  it('returns null for a zero denominator', () => {
    expect(percent(462, 0)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });
});
