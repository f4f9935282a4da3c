/**
 * Text the payload gives (职责, reasons, uses, 重点工作, 绩效, 名词解释): placeholders left from a
 * template (XX, ××, 某某), a date that is not the fiscal year where the fiscal year is meant
 * ("截至2023年12月31日" in a 2024 report), and a word typed twice ("减少减少"). All warnings:
 * the wording is the department's, the reviewer decides.
 */
import type { AuditContext } from '../context';
import type { Finding } from '../types';

/** Fields that are identifiers, not prose. */
const SKIP = new Set(['/$schema', '/templateSet', '/meta/slug', '/meta/publishedOn', '/meta/unit', '/meta/fiscalLevel', '/explanation/assets/asOf']);

function* strings(node: unknown, path: string): Generator<[string, string]> {
  if (typeof node === 'string') {
    if (!SKIP.has(path)) yield [path, node];
    return;
  }
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* strings(node[i], `${path}/${i}`);
    return;
  }
  if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (path === '' && (key === 'audit' || key === 'tables')) continue;
      yield* strings(value, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  }
}

/** XX / xx / ×× / ＸＸ / 某某 / ○○ and “（此处填写…）”-style leftovers. */
const PLACEHOLDER = /(?<![A-Za-z])(?:[Xx]{2,}|[Ｘｘ]{2,})(?![A-Za-z])|×{2,}|[*＊]{2,}|某某|○○|〇〇|（?此处填写|待补充|待填写/;
/** A 2–6 character CJK word typed twice in a row ("减少减少"), not a reduplicated single character. */
const REPEATED = /([\u4e00-\u9fff]{2,6})\1/;
/** Year expressions that mean the fiscal year's end. */
const YEAR_END = /截[至止](\d{4})年(?:12月31日|底|末)?|(\d{4})年12月31日/g;

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 8);
  const end = Math.min(text.length, index + length + 8);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

export function textRules(ctx: AuditContext): Finding[] {
  const p = ctx.model.payload;
  const year = p.meta.fiscalYear;
  const findings: Finding[] = [];
  for (const [path, text] of strings(p, '')) {
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) {
      findings.push({
        rule: 'text.placeholder',
        severity: 'warning',
        message: `文字中有未替换的占位内容“${placeholder[0]}”（${excerpt(text, placeholder.index, placeholder[0].length)}），请填写实际内容。`,
        paths: [path],
        actual: placeholder[0],
      });
    }
    const repeated = REPEATED.exec(text);
    if (repeated) {
      findings.push({
        rule: 'text.repeated-word',
        severity: 'warning',
        message: `文字中“${repeated[1]}”连续出现两次（${excerpt(text, repeated.index, repeated[0].length)}），请核对是否多打。`,
        paths: [path],
        actual: repeated[0],
      });
    }
    for (const match of text.matchAll(YEAR_END)) {
      const y = Number(match[1] ?? match[2]);
      if (y === year) continue;
      findings.push({
        rule: 'text.fiscal-year',
        severity: 'warning',
        message: `文字中“${match[0]}”与会计年度 ${year} 不符（${excerpt(text, match.index ?? 0, match[0].length)}），年末数应截至 ${year} 年 12 月 31 日，请核对。`,
        paths: [path],
        expected: `${year}年12月31日`,
        actual: match[0],
      });
      break;
    }
  }
  return findings;
}
