/** Small text helpers shared by the HTML renderers. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Chinese ordinal for list labels (一、二、… 十、十一、… 二十六), 1–99.
 * @example chineseNumeral(21) // "二十一"
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/**
 * Fills `{name}` placeholders; unknown names are left as they are so a template mistake shows.
 * Values are inserted raw: escape the result, not the values.
 * @example fill('{year} 年度{title}', { year: 2024, title: '收入决算表' }) // "2024 年度收入决算表"
 */
export function fill(pattern: string, values: Record<string, string | number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/**
 * An ISO date as printed in the publication.
 * @example formatDate('2025-10-31') // "2025 年 10 月 31 日"
 * @example formatDate('2025-04-10', { spaced: false }) // "2025年4月10日"
 */
export function formatDate(iso: string, options: { spaced?: boolean } = {}): string {
  const [y, m, d] = iso.split('-').map((part) => Number(part));
  const s = options.spaced ?? true ? ' ' : '';
  return `${y}${s}年${s}${m}${s}月${s}${d}${s}日`;
}
