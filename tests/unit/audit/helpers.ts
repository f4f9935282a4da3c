/** Builds payloads for audit tests by cloning the examples and changing one thing. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { audit, type AuditOptions, type Finding } from '../../../src/audit';
import { deriveModel } from '../../../src/model/derive';
import { Payload } from '../../../src/schema/payload';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function loadExample(name: 'wuhan-jianghan-cyzx-2024' | 'wuhan-jianghan-cyzx-2024-minimal'): Json {
  return JSON.parse(readFileSync(`${examples}${name}.json`, 'utf8'));
}

/** A fresh copy of the full example, changed by `edit`. */
export function full(edit: (p: Json) => void = () => {}): Json {
  const p = loadExample('wuhan-jianghan-cyzx-2024');
  edit(p);
  return p;
}

/** A fresh copy of the minimal example, changed by `edit`. */
export function minimal(edit: (p: Json) => void = () => {}): Json {
  const p = loadExample('wuhan-jianghan-cyzx-2024-minimal');
  edit(p);
  return p;
}

export function run(input: Json, options?: AuditOptions): Finding[] {
  return audit(deriveModel(Payload.parse(input)), options);
}

export function byRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Index of a functional-table row by code. */
export function rowIndex(p: Json, table: string, code: string): number {
  const i = p.tables[table].rows.findIndex((r: { code: string }) => r.code === code);
  if (i < 0) throw new Error(`${table} has no row ${code}`);
  return i;
}

export function row(p: Json, table: string, code: string): Json {
  return p.tables[table].rows[rowIndex(p, table, code)];
}

/** The warnings the full example is expected to produce (see the acceptance test). */
export const FULL_EXAMPLE_RULES = new Set([
  'cross.summary-class-vs-expense',
  'cross.fiscal-vs-gpb',
  'budget.total-vs-items',
  'budget.missing-reason',
  'narrative.class-uses-largest',
  'budget.reason-is-use',
]);
