/**
 * The playground's charts, as pure functions of simulation results: the page
 * renders them, and test/plots renders the same functions to SVG snapshots.
 */
export { customersChart, npsChart, revenueChart, roiFanChart } from './charts/arms';
export { type BreakEvenChartOptions, breakEvenChart } from './charts/break-even';
export type { ChartOptions } from './charts/common';
export { chartDescription } from './charts/descriptions';
export { driversChart, leversChart, sensitivityChart, sensitivityOverYears } from './charts/drivers';
export { type ChartId, charts } from './charts/registry';
export { outcomeClass, outcomeSplitChart, paybackHistogram, roiHistogram } from './charts/runs';
export { swingsChart } from './charts/swings';
export { valueOfInformationOf, voiChart } from './charts/value-of-information';

// Assumptions in words come from the library's labels (labels.ts); re-exported for the chart tests.
export { assumptionLabel } from './labels';
