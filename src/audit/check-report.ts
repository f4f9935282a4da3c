/**
 * The one entry point from raw JSON to a checked report: schema → model → audit.
 * Pure: runs the same in the Worker and in the Node CLI.
 */
import { Payload } from '../schema/payload';
import { auditReport } from './index';
import type { AcknowledgedFinding, Finding } from './types';
import { zodIssuesToProblems } from './schema-errors';
import { deriveModel, type Model } from '../model/derive';

export interface SchemaProblem {
  path: string;
  message: string;
}

export type ReportResult =
  | { ok: true; model: Model; findings: Finding[]; errors: Finding[]; acknowledged: AcknowledgedFinding[] }
  | { ok: false; schemaErrors: SchemaProblem[] };

/**
 * Validates and audits a payload. `ok` is false only for schema errors; audit errors that block
 * publication are in `errors`; findings the payload acknowledged with a reason are in `acknowledged`.
 * @example const r = checkReport(JSON.parse(text)); if (r.ok && r.errors.length === 0) render(r.model)
 */
export function checkReport(json: unknown): ReportResult {
  const parsed = Payload.safeParse(json);
  if (!parsed.success) return { ok: false, schemaErrors: zodIssuesToProblems(parsed.error) };
  const model = deriveModel(parsed.data);
  const { findings, acknowledged } = auditReport(model);
  return { ok: true, model, findings, errors: findings.filter((f) => f.severity === 'error'), acknowledged };
}
