/**
 * Every figure a table prints must be within MAX_CENTS. Typed amounts are checked by the schema;
 * this catches derived totals (合计, 类 lines, 01/04 summaries) that many large amounts push past it,
 * where digits would no longer be exact.
 */
import type { Figure } from '../../model/derive';
import { formatAmount, MAX_CENTS } from '../../schema/money';
import type { AuditContext } from '../context';
import type { Finding } from '../types';

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'value' in value && 'derived' in value && 'path' in value;
}

/** Walks the resolved tables (not the payload) and yields every figure once. */
function* figures(node: unknown, seen = new Set<unknown>()): Generator<Figure> {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (isFigure(node)) {
    yield node;
    return;
  }
  const children = node instanceof Map ? node.values() : Object.values(node);
  for (const child of children) yield* figures(child, seen);
}

export function rangeRules(ctx: AuditContext): Finding[] {
  const { payload: _payload, set: _set, ...tables } = ctx.model;
  const findings: Finding[] = [];
  for (const figure of figures(tables)) {
    const worst = Math.max(Math.abs(figure.value ?? 0), Math.abs(figure.derived ?? 0));
    if (worst <= MAX_CENTS) continue;
    findings.push({
      rule: 'amount.range',
      severity: 'error',
      message: `金额合计超出允许范围：${figure.path} 处为 ${formatAmount(worst)} 万元，超过 ${formatAmount(MAX_CENTS)} 万元，请核对金额单位是否为万元。`,
      paths: [figure.path],
    });
  }
  return findings;
}
