/**
 * The details the 情况说明 prints beside the tables must agree with them: the 预留 split of the
 * 中小企业 contracts adds up to what was awarded, 国内 and 外事 接待 add up to 09's 公务接待费, and
 * the 公务用车 held on 财政拨款 are among the vehicles the 国有资产 section counts.
 */
import { sum, type Cents } from '../../schema/money';
import { checkAtMost, checkEqual, collect, type AuditContext } from '../context';
import type { Finding } from '../types';
import { isUseNotCause, projectNames } from '../../model/narrative-figures';

const given = (x: Cents | null | undefined): x is Cents | null => x !== undefined;

interface Whole {
  label: string;
  value: Cents | null;
  path: string;
}

/**
 * Amounts the text splits a table figure into: when every part is given they are the whole, when
 * only some are they are at most the whole. Parts left out are not counted (none given: no finding).
 */
function partsOfWhole(
  ctx: AuditContext,
  rule: string,
  parts: (Cents | null | undefined)[],
  part: { label: string; path: string },
  whole: Whole,
  partNote: string,
): Finding[] {
  const n = parts.filter(given).length;
  if (n === 0) return [];
  const sumOfParts = { ...part, value: sum(parts), terms: n };
  const findings: Finding[] = [];
  collect(
    findings,
    n === parts.length ? checkEqual(ctx, rule, sumOfParts, whole) : checkAtMost(ctx, rule, sumOfParts, whole, partNote),
  );
  return findings;
}

function reservedSplit(ctx: AuditContext): Finding[] {
  const p = ctx.model.payload.explanation.procurement;
  if (!p) return [];
  // All three ways given: they are the whole; fewer: they are part of it.
  return partsOfWhole(
    ctx,
    'procurement.reserved-split',
    [p.smeDedicated, p.smeReserved, p.smeOther],
    { label: '专门面向、预留份额、其他方式授予中小企业的金额之和', path: '/explanation/procurement/smeDedicated' },
    { label: '授予中小企业合同金额', value: p.smeTotal ?? null, path: '/explanation/procurement/smeTotal' },
    '预留方式的金额是授予中小企业合同金额的一部分',
  );
}

function receptionSplit(ctx: AuditContext): Finding[] {
  const d = ctx.model.payload.explanation.threePublicDetail;
  const actual = ctx.model.threePublic.actual.reception;
  return partsOfWhole(
    ctx,
    'three-public.reception-split',
    [d.receptionDomestic, d.receptionForeign],
    { label: '国内公务接待费与外事接待费之和', path: '/explanation/threePublicDetail/receptionDomestic' },
    { label: `${ctx.table('threePublic')}公务接待费决算数`, value: actual.value ?? null, path: actual.path },
    '国内或外事接待费是公务接待费的一部分',
  );
}

function vehiclesHeld(ctx: AuditContext): Finding[] {
  const d = ctx.model.payload.explanation.threePublicDetail;
  const assets = ctx.model.payload.explanation.assets;
  const findings: Finding[] = [];
  if (d.vehiclesHeld !== undefined && assets?.vehicles !== undefined && d.vehiclesHeld > assets.vehicles) {
    findings.push({
      rule: 'three-public.vehicles-held',
      severity: 'warning',
      message: `“三公”经费说明中开支财政拨款的公务用车保有量 ${d.vehiclesHeld} 辆，多于国有资产占用情况中的车辆总数 ${assets.vehicles} 辆，请核对。`,
      paths: ['/explanation/threePublicDetail/vehiclesHeld', '/explanation/assets/vehicles'],
      expected: `≤ ${assets.vehicles}`,
      actual: String(d.vehiclesHeld),
    });
  }
  if (d.vehiclesPurchased !== undefined && d.vehiclesHeld !== undefined && d.vehiclesPurchased > d.vehiclesHeld) {
    findings.push({
      rule: 'three-public.vehicles-held',
      severity: 'warning',
      message: `本年度购置（更新）公务用车 ${d.vehiclesPurchased} 辆，多于年末公务用车保有量 ${d.vehiclesHeld} 辆，请核对。`,
      paths: ['/explanation/threePublicDetail/vehiclesPurchased', '/explanation/threePublicDetail/vehiclesHeld'],
      expected: `≤ ${d.vehiclesHeld}`,
      actual: String(d.vehiclesPurchased),
    });
  }
  return findings;
}

/**
 * A "reason" that only names a use (a project, a fee: "走访慰问专项经费") says what the money was
 * spent on, not why 决算 differs from 年初预算. The text prints it as 主要用于…; the reviewer is told
 * that the cause is still missing.
 */
function reasonIsUse(ctx: AuditContext): Finding[] {
  const e = ctx.model.payload.explanation;
  const names = projectNames(ctx.model.payload);
  const findings: Finding[] = [];
  const specs = [
    ['annualBudget', e.annualBudget],
    ['fundBudget', e.fundBudget],
    ['stateCapitalBudget', e.stateCapitalBudget],
  ] as const;
  for (const [key, spec] of specs) {
    if (!spec) continue;
    if (spec.reason && isUseNotCause(spec.reason, names)) findings.push(useFinding(`/explanation/${key}/reason`, spec.reason, '年初预算总数'));
    for (const code of Object.keys(spec.items).sort()) {
      const reason = spec.items[code].reason;
      if (reason && isUseNotCause(reason, names)) findings.push(useFinding(`/explanation/${key}/items/${code}/reason`, reason, `科目 ${code} 的年初预算`));
    }
  }
  return findings;
}

function useFinding(path: string, reason: string, what: string): Finding {
  return {
    rule: 'budget.reason-is-use',
    severity: 'warning',
    message:
      `${what}差异的“主要原因”填的是支出用途（项目或经费名称）：${reason}，不是原因；说明中写作“主要用于……”。` +
      `请在 reason 中写明决算数与年初预算数不一致的原因，用途填在 uses。`,
    paths: [path],
    actual: reason,
  };
}

export function textHomeRules(ctx: AuditContext): Finding[] {
  return [...reservedSplit(ctx), ...receptionSplit(ctx), ...vehiclesHeld(ctx), ...reasonIsUse(ctx)];
}
