/** 国有资产占用（十二）: the vehicles listed by kind cannot outnumber the vehicles held. */
import type { AuditContext } from '../context';
import type { Finding } from '../types';

export function assetRules(ctx: AuditContext): Finding[] {
  const assets = ctx.model.payload.explanation.assets;
  if (!assets || assets.vehicles === undefined || assets.vehicleBreakdown.length === 0) return [];
  const listed = assets.vehicleBreakdown.reduce((n, b) => n + b.count, 0);
  if (listed <= assets.vehicles) return [];
  return [
    {
      rule: 'assets.vehicle-breakdown',
      severity: 'error',
      message: `国有资产占用情况中按类别列示的车辆合计 ${listed} 辆，多于车辆总数 ${assets.vehicles} 辆，请核对。`,
      paths: ['/explanation/assets/vehicleBreakdown', '/explanation/assets/vehicles'],
      expected: `≤ ${assets.vehicles}`,
      actual: String(listed),
    },
  ];
}
