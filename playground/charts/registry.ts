/** The page's charts by the id of their cell. */
import { customersChart, npsChart, revenueChart, roiFanChart } from './arms';
import { driversChart, leversChart, sensitivityChart } from './drivers';
import { outcomeSplitChart, paybackHistogram, roiHistogram } from './runs';
import { voiChart } from './value-of-information';

/** Every chart of the page, by the id of its cell. */
export const charts = {
  'roi-fan': roiFanChart,
  customers: customersChart,
  revenue: revenueChart,
  nps: npsChart,
  'roi-histogram': roiHistogram,
  'outcome-split': outcomeSplitChart,
  payback: paybackHistogram,
  levers: leversChart,
  drivers: driversChart,
  sensitivity: sensitivityChart,
  voi: voiChart,
} as const;

export type ChartId = keyof typeof charts;
