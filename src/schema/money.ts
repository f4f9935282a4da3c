/**
 * Exact money arithmetic. Amounts live as integers of 0.01 of the document's unit (万元), so
 * "1,519.58" is 151958. Floats are never summed: every figure a reader sees is either typed
 * by the payload or derived here from integers.
 */

/** Integer count of 0.01 万元. */
export type Cents = number;

/**
 * Largest accepted magnitude of any figure, typed or derived: 9,999,999,999.99 万元 (about 100 万亿元,
 * more than any budget). Sums of a few thousand such amounts stay far below 2^53, so every total is
 * exact in a plain number; the audit refuses a derived total beyond this bound (rule amount.range).
 */
export const MAX_CENTS = 999_999_999_999;

const PLAIN = /^-?\d+(\.\d{1,})?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d{1,})?$/;

export type ParseResult = { ok: true; cents: Cents } | { ok: false; message: string };

/**
 * Parses an amount as typed in a payload: a JSON number or a string such as "1,519.58".
 * At most two decimals; thousands separators only in their proper places.
 * @example parseAmount("1,519.58") // { ok: true, cents: 151958 }
 */
export function parseAmount(input: number | string): ParseResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: '金额必须是有限数字' };
    // String(n) gives the shortest round-trip form, so 1519.58 stays "1519.58" — no float maths.
    text = String(input);
    if (/e/i.test(text)) return { ok: false, message: '金额超出允许范围' };
  } else {
    text = input.trim().replace(/\uFF0C/g, ',');
    if (text === '') return { ok: false, message: '金额不能为空字符串（没有数据请省略或填 null）' };
  }
  if (!PLAIN.test(text) && !GROUPED.test(text)) {
    return { ok: false, message: `金额“${text.slice(0, 40)}”格式不正确，应为数字，如 1519.58 或 "1,519.58"` };
  }
  const negative = text.startsWith('-');
  const digits = text.replace(/[-,]/g, '');
  const [whole, frac = ''] = digits.split('.');
  if (frac.length > 2) {
    return { ok: false, message: `金额 ${text} 超过两位小数（单位为万元，最多保留到 0.01）` };
  }
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) {
    return { ok: false, message: `金额 ${text} 超出允许范围（最大 9,999,999,999.99 万元）` };
  }
  return { ok: true, cents: negative ? -cents : cents };
}

/** Sum of cents; null and undefined count as zero. */
export function sum(values: Iterable<Cents | null | undefined>): Cents {
  let total = 0;
  for (const v of values) total += v ?? 0;
  return total;
}

/**
 * Formats cents for a table cell: thousands separators, two decimals.
 * @example formatAmount(151958) // "1,519.58"
 */
export function formatAmount(cents: Cents, options: { separators?: boolean } = {}): string {
  const separators = options.separators ?? true;
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString();
  const frac = (abs % 100).toString().padStart(2, '0');
  const grouped = separators ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? '-' : ''}${grouped}.${frac}`;
}

/** Formats cents for running text: no separators, two decimals ("1519.58"). */
export function formatAmountText(cents: Cents): string {
  return formatAmount(cents, { separators: false });
}

/**
 * Exact percentage numerator/denominator × 100, rounded half-up (away from zero) to `decimals`.
 * Returns null for a zero denominator: a share of nothing is not a number to print.
 * @example percent(35589, 151958, 2) // "23.42"
 */
export function percent(numerator: Cents, denominator: Cents, decimals = 2): string | null {
  if (denominator === 0) return null;
  const scaled = roundHalfUpDiv(
    BigInt(numerator) * 100n * 10n ** BigInt(decimals),
    BigInt(denominator),
  );
  return formatScaled(scaled, decimals);
}

/** Integer division rounding half away from zero. */
export function roundHalfUpDiv(n: bigint, d: bigint): bigint {
  if (d < 0n) { n = -n; d = -d; }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** Renders an integer of 10^-decimals as a decimal string ("2342", 2 → "23.42"). */
export function formatScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const abs = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = decimals > 0 ? abs.slice(0, -decimals) : abs;
  const frac = decimals > 0 ? `.${abs.slice(-decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}
