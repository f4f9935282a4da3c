/**
 * Amount cells as exports hold them — numbers, text with separators ("1,234.50"), blanks, 0.00,
 * dashes — read exactly into integers of 0.01 万元. A sheet in 元 is converted with integer
 * arithmetic (÷ 10,000), rounded half away from zero to 0.01 万元 as printed tables are.
 */
import { MAX_CENTS, roundHalfUpDiv } from '../schema/money';
import type { Cell } from './workbook';

/** The amount unit a sheet says it is in: 万元 (the payload's unit), or 元, 千元, 百万元, 亿元. */
export type SheetUnit = '万元' | '元' | '千元' | '百万元' | '亿元';

/** 元 per unit. */
const YUAN: Record<SheetUnit, bigint> = { 元: 1n, 千元: 1000n, 万元: 10000n, 百万元: 1000000n, 亿元: 100000000n };

export type AmountRead =
  | { kind: 'blank' }
  | { kind: 'value'; cents: number; rounded: boolean }
  | { kind: 'invalid'; reason: string };

/** Unicode compatibility form, full-width digits and signs folded: "１，２３４．５０" → "1,234.50". */
export const fold = (text: string): string => text.normalize('NFKC');

const DASH = /^[-—–‐－―~～]+$/;
const NUMBER = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/** Decimal digits of a finite number without float artefacts: 1519.58 → "1519.58", 0.30000000000000004 → "0.3". */
function decimalOf(value: number): string {
  if (Number.isInteger(value)) return value.toFixed(0);
  return value.toFixed(8).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * Reads one amount cell. `zeroDash`: the set prints a typed 0 as "-", so a dash means 0.00; otherwise
 * a dash is a blank (not applicable).
 */
export function readAmount(cell: Cell | undefined, unit: SheetUnit, zeroDash: boolean): AmountRead {
  if (!cell) return { kind: 'blank' };
  if (cell.error) return { kind: 'invalid', reason: `单元格是 Excel 错误值“${cell.text}”，不是金额` };
  let text: string;
  if (cell.number !== undefined) {
    text = decimalOf(cell.number);
  } else {
    text = fold(cell.text).replace(/[\s\u00a0\u3000]/g, '').replace(/[\u2212]/g, '-');
    if (text === '') return { kind: 'blank' };
    if (DASH.test(text)) return zeroDash ? { kind: 'value', cents: 0, rounded: false } : { kind: 'blank' };
    // (1,234.00): the accountant's negative.
    const paren = /^\((.*)\)$/.exec(text);
    if (paren) text = `-${paren[1]}`;
  }
  const m = NUMBER.exec(text) ?? GROUPED.exec(text);
  if (!m) {
    const shown = cell.text.length > 30 ? `${cell.text.slice(0, 30)}…` : cell.text;
    return { kind: 'invalid', reason: `“${shown}”不是金额（应为数字，如 1234.50 或 1,234.50）` };
  }
  const negative = m[1] === '-';
  const whole = m[2].replace(/,/g, '');
  const frac = m[3] ?? '';
  const scaled = BigInt(whole + frac) * (negative ? -1n : 1n); // in 10^-frac.length of the sheet's unit
  // cents of 万元 = value × (元 per unit) × 100 ÷ 10,000, in integers.
  const numerator = scaled * YUAN[unit] * 100n;
  const denominator = 10n ** BigInt(frac.length) * 10000n;
  const cents = roundHalfUpDiv(numerator, denominator);
  const rounded = cents * denominator !== numerator;
  if (cents > BigInt(MAX_CENTS) || cents < -BigInt(MAX_CENTS)) {
    return { kind: 'invalid', reason: `金额“${cell.text}”超出允许范围（最大 9,999,999,999.99 万元）` };
  }
  return { kind: 'value', cents: Number(cents), rounded };
}
