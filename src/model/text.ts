/**
 * The text helpers every layer above shares, one copy each: `fill` (templates), `chineseNumeral`
 * (ordinals), `formatDate`.
 *
 * A tiny sentence-template engine: `{name}` placeholders filled from a context object.
 * Templates are data (the template set's narrative/*.json); a placeholder without a value is a bug in the
 * template or the caller, so it throws instead of printing "{name}" or "undefined" to the public.
 * Values are inserted as they are (no recursive expansion), so payload text containing braces is safe.
 */

export type TemplateValue = string | number;
export type TemplateValues = Readonly<Record<string, TemplateValue | undefined>>;

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly placeholder: string,
    readonly template: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fills `{name}` placeholders.
 * @example fill('{year} 年度收、支总计均为 {total} 万元。', { year: 2024, total: '1519.58' }) // "2024 年度收、支总计均为 1519.58 万元。"
 * @throws TemplateError when a placeholder has no value (undefined) or a number value is not an integer
 */
export function fill(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) {
      throw new TemplateError(`模板占位符 {${name}} 没有取值：“${template}”`, name, template);
    }
    // Amounts and rates arrive preformatted as strings; a raw non-integer number would print float noise.
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new TemplateError(`模板占位符 {${name}} 的数值 ${value} 不是整数，金额和比例应先格式化为文字`, name, template);
    }
    return String(value);
  });
}

/** Names of the placeholders a template uses, in order of first appearance. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1])) names.push(m[1]);
  return names;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/**
 * Chinese numeral for 1–9999, as in （十三）, 二是 and list labels: 十 for 10–19, 零 for inner gaps.
 * @example chineseNumeral(13) // "十三"
 * @example chineseNumeral(105) // "一百零五"
 * @throws RangeError outside 1–9999 or for a non-integer (an ordinal of nothing is a caller's bug)
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n} is outside 1–9999`);
  if (n >= 10 && n < 20) return `十${n === 10 ? '' : DIGITS[n - 10]}`;
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[d] + unit;
  });
  return out;
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
