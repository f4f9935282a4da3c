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

/** A finding the payload acknowledges (audit.acknowledged): it no longer blocks, and is listed apart. */
export interface AcknowledgedFinding extends Finding {
  /** The reviewer's reason, as the payload gives it. */
  reason: string;
  /** Pointer of the acknowledgement in the payload, e.g. "/audit/acknowledged/0". */
  acknowledgement: string;
}

export interface AuditResult {
  /** What still needs attention: unacknowledged findings and stale acknowledgements. */
  findings: Finding[];
  /** Findings the payload acknowledged with a reason, in the audit's order. */
  acknowledged: AcknowledgedFinding[];
}

export interface AuditOptions {
  /** A ceiling on the 尾数误差 bound (in 0.01 万元): it can narrow the arithmetic bound, never widen it. */
  tolerance?: Cents;
}
