/**
 * The one entry point from raw JSON to a checked report: schema → model → audit.
 * Pure: runs the same in the Worker and in the Node CLI.
 */
import { Payload } from '../schema/payload';
import { auditReport } from './index';
import type { AcknowledgedFinding, Finding } from './types';
import { MAX_REPORTED_PROBLEMS, structuralProblems, zodIssuesToProblems } from './schema-errors';
import { deriveModel, type Model } from '../model/derive';

export interface SchemaProblem {
  path: string;
  message: string;
}

export type ReportResult =
  | { ok: true; model: Model; findings: Finding[]; errors: Finding[]; acknowledged: AcknowledgedFinding[] }
  /** schemaErrors holds the first MAX_REPORTED_PROBLEMS (100); schemaErrorCount counts them all. */
  | { ok: false; schemaErrors: SchemaProblem[]; schemaErrorCount: number };

/**
 * Validates and audits a payload. `ok` is false only for schema errors; audit errors that block
 * publication are in `errors`; findings the payload acknowledged with a reason are in `acknowledged`.
 * @example const r = checkReport(JSON.parse(text)); if (r.ok && r.errors.length === 0) render(r.model)
 */
export function checkReport(json: unknown): ReportResult {
  // Huge lists, deep nesting and prototype keys are refused before the schema walks them: zod would
  // make one issue per bad item (120,000 items gave a 16 MB answer) and overflow the stack on more.
  const structural = structuralProblems(json);
  if (structural.length > 0) return { ok: false, schemaErrors: structural, schemaErrorCount: structural.length };
  const parsed = Payload.safeParse(json);
  if (!parsed.success) {
    const problems = zodIssuesToProblems(parsed.error);
    return { ok: false, schemaErrors: problems.slice(0, MAX_REPORTED_PROBLEMS), schemaErrorCount: problems.length };
  }
  const model = deriveModel(parsed.data);
  const { findings, acknowledged } = auditReport(model);
  return { ok: true, model, findings, errors: findings.filter((f) => f.severity === 'error'), acknowledged };
}
