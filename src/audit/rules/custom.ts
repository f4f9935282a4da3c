/**
 * Tables the template set declares (layouts with `data`): the payload's tables.custom must name
 * only declared tables, columns and lines, and every declared identity must hold (`columns`: in
 * each line, total = Σ parts; `lines`: in each column, the total line = Σ part lines). Rows by
 * 功能分类 code get the rollups of the built-in tables (rollups.ts, codes.ts via functional.ts).
 */
import { checkEqual, collect, op, opSum, type AuditContext } from '../context';
import type { Finding } from '../types';

export function customTableRules(ctx: AuditContext): Finding[] {
  const { model } = ctx;
  const findings: Finding[] = [];
  const declared = Object.keys(model.custom);
  for (const [key, table] of Object.entries(model.payload.tables.custom)) {
    const path = `/tables/custom/${key}`;
    const custom = Object.hasOwn(model.custom, key) ? model.custom[key] : undefined;
    if (!custom) {
      findings.push({
        rule: 'custom.unknown-table',
        severity: 'error',
        message: `表式模板集“${model.set.name}”没有自定义表“${key}”（有：${declared.join('、') || '无'}），这些数据不会打印。`,
        paths: [path],
        actual: key,
      });
      continue;
    }
    const name = ctx.table(key);
    const columns = custom.data.columns.map((c) => c.key);
    const unknownColumn = (values: Record<string, unknown>, at: string) => {
      for (const column of Object.keys(values))
        if (!columns.includes(column))
          findings.push({
            rule: 'custom.unknown-column',
            severity: 'error',
            message: `${name}没有栏目“${column}”（有：${custom.data.columns.map((c) => `${c.key}（${c.title}）`).join('、')}）。`,
            paths: [`${at}/${column}`],
            actual: column,
          });
    };
    if (custom.data.rows === 'functional') {
      if (table.lines)
        findings.push({ rule: 'custom.shape', severity: 'error', message: `${name}按功能分类科目列示，应填写 rows，不是 lines。`, paths: [`${path}/lines`] });
      (table.rows ?? []).forEach((row, i) => unknownColumn(row.values, `${path}/rows/${i}/values`));
      if (table.total) unknownColumn(table.total, `${path}/total`);
    } else {
      if (table.rows)
        findings.push({ rule: 'custom.shape', severity: 'error', message: `${name}是固定行的表，应填写 lines，不是 rows。`, paths: [`${path}/rows`] });
      const lines = (custom.data.lines ?? []).map((l) => l.key);
      for (const [line, values] of Object.entries(table.lines ?? {})) {
        if (!lines.includes(line)) {
          findings.push({
            rule: 'custom.unknown-line',
            severity: 'error',
            message: `${name}没有行“${line}”（有：${(custom.data.lines ?? []).map((l) => `${l.key}（${l.title}）`).join('、')}）。`,
            paths: [`${path}/lines/${line}`],
            actual: line,
          });
          continue;
        }
        unknownColumn(values, `${path}/lines/${line}`);
      }
    }
  }

  // Declared identities of fixed-line tables (rows by code are checked by the rollup rules).
  for (const custom of Object.values(model.custom)) {
    if (custom.data.rows !== 'lines') continue;
    const name = ctx.table(custom.key);
    const columnTitle = (k: string) => custom.data.columns.find((c) => c.key === k)?.title ?? k;
    const lineTitle = (k: string) => custom.data.lines?.find((l) => l.key === k)?.title ?? k;
    // One identity, checked once per line (columns identity) or once per column (lines identity).
    const checkSum = (where: string, total: (typeof custom.lines)[string][string], partsLabel: string, parts: typeof total[]) => {
      if (!total.printed) return;
      collect(findings, checkEqual(ctx, 'custom.identity', op(`${name}“${where}`, total), opSum(`${partsLabel}之和`, parts, total.path)));
    };
    for (const identity of custom.data.identities ?? []) {
      if (identity.kind === 'columns') {
        const partsLabel = identity.parts.map(columnTitle).join('、');
        for (const [line, cells] of Object.entries(custom.lines)) {
          checkSum(`${lineTitle(line)}”${columnTitle(identity.total)}`, cells[identity.total], partsLabel, identity.parts.map((p) => cells[p]));
        }
      } else {
        const partsLabel = identity.parts.map(lineTitle).join('、');
        for (const column of custom.data.columns) {
          const parts = identity.parts.map((p) => custom.lines[p][column.key]);
          checkSum(`${lineTitle(identity.total)}”${column.title}`, custom.lines[identity.total][column.key], partsLabel, parts);
        }
      }
    }
  }
  return findings;
}
