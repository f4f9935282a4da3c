import type { Cents } from '../schema/money';

export type Severity = 'error' | 'warning';

/** One problem the audit found in a payload. */
export interface Finding {
  /** Stable rule id, e.g. "cross.summary-class-vs-expense". */
  rule: string;
  severity: Severity;
  /** Chinese, for a finance clerk: names the table (公开NN表), the line and both figures. */
  message: string;
  /** JSON pointers into the payload, the checked figure first. */
  paths: string[];
  /** The figure the check expected, formatted like a table cell ("1,415.08"). */
  expected?: string;
  /** The figure the payload prints or implies, formatted like a table cell. */
  actual?: string;
}

export interface AuditOptions {
  /** Largest difference (in 0.01 万元) reported as a 尾数误差 warning rather than an error. Default 1. */
  tolerance?: Cents;
}
