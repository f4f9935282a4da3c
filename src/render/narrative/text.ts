/**
 * Formatting for running text: amounts without thousands separators and with two decimals
 * ("1519.58 万元"), except a plain "0" for nothing ("因公出国（境）费 0 万元"), Chinese ordinals,
 * and the punctuation glue between payload text and our templates.
 */
import { formatAmountText, type Cents } from '../../schema/money';

/** @example textAmount(151958) // "1519.58"; textAmount(0) // "0" */
export function textAmount(cents: Cents): string {
  return cents === 0 ? '0' : formatAmountText(cents);
}

const TRAILING = /[。；;，,、.\s]+$/u;
const TERMINAL = /[。！？!?…”」』]$/u;

/** Payload text to embed inside one of our sentences: trailing punctuation removed. */
export function clause(text: string): string {
  return text.trim().replace(TRAILING, '');
}

/** Payload text printed as a sentence of its own: ends with 。 unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  if (TERMINAL.test(t)) return t;
  return `${t.replace(TRAILING, '')}。`;
}

/**
 * A reason to insert after our own "主要原因是…": payload text that already starts with
 * "主要原因是" / "原因：" would otherwise say it twice.
 * @example reasonClause('主要原因是机构改革。') // "机构改革"
 */
export function reasonClause(text: string): string {
  return clause(text.trim().replace(/^(?:主要)?原因(?:(?:是|为|在于)\s*[:：]?|\s*[:：])\s*/u, ''));
}
