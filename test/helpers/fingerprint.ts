import { createHash } from 'node:crypto';
import type { SimulationResult } from '../../src/index.js';

/**
 * A hash of the figures 0.3.0's results carried (every run's horizon figures
 * and levers, and the series' ROI, customer, revenue and margin bands), so a
 * later version can show that a scenario which uses none of its new parts
 * gives the same numbers bit for bit, whatever new fields results gained.
 */
export function fingerprint030(result: SimulationResult): string {
  const runs = (result.runs ?? []).map((r) => [r.run, r.roi, r.npv, r.paybackMonth, r.customers, r.executed, r.levers, r.terminalValue]);
  const series = result.series.map((row) => [row.month, row.roi, row.probabilityPaidBack, row.customers, row.revenue, row.margin]);
  const { roi, npv, probabilityPositiveRoi, paybackMonth, customers, levers } = result.horizon;
  return createHash('sha256')
    .update(JSON.stringify([runs, series, roi, npv, probabilityPositiveRoi, paybackMonth, customers, levers]))
    .digest('hex');
}
