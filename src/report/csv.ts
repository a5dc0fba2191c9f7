import type { RunResult } from '../model/run.js';
import type { SeriesRow, SimulationResult } from '../simulate/result.js';
import { type Band, bandProbabilities } from '../maths/band.js';

const bandKeys = ['mean', ...bandProbabilities.map((p) => `p${Math.round(p * 100)}`)] as (keyof Band)[];

function columnsOf(prefix: string): string[] {
  return bandKeys.map((key) => `${prefix}_${key}`);
}

function cell(x: number | string | boolean | null): string {
  if (x === null) return '';
  if (typeof x === 'string') return /[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x;
  return String(x);
}

const seriesBands: readonly [string, (row: SeriesRow) => Band][] = [
  ['roi', (r) => r.roi],
  ['customers_baseline', (r) => r.customers.baseline],
  ['customers_invested', (r) => r.customers.invested],
  ['revenue_baseline', (r) => r.revenue.baseline],
  ['revenue_invested', (r) => r.revenue.invested],
  ['margin_baseline', (r) => r.margin.baseline],
  ['margin_invested', (r) => r.margin.invested],
];

/**
 * The month-by-month bands as CSV: one row per month, columns
 * `month, probability_paid_back, roi_mean, roi_p5, …, margin_invested_p95`.
 * @example
 * ```ts
 * import { seriesCsv, simulate } from 'cx-roi';
 * const lines = seriesCsv(simulate({}, { runs: 500, seed: 1 })).trimEnd().split('\n');
 * // A header, then the 60 months of the default horizon:
 * lines.length; // => 61
 * lines[0]?.split(',').slice(0, 5); // => ['month', 'probability_paid_back', 'roi_mean', 'roi_p5', 'roi_p25']
 * lines[0]?.split(',').length; // => 44
 * lines[60]?.split(',').slice(0, 3).map(Number); // => [60, 0.562, 0.463]
 * ```
 */
export function seriesCsv(result: Pick<SimulationResult, 'series'>): string {
  if (!Array.isArray(result?.series) || !result.series.every((row) => row !== null && typeof row === 'object'))
    throw new TypeError('seriesCsv needs a simulation result (from simulate), with its monthly series');
  const header = ['month', 'probability_paid_back', ...seriesBands.flatMap(([name]) => columnsOf(name))];
  const lines = result.series.map((row) =>
    [row.month, row.probabilityPaidBack, ...seriesBands.flatMap(([, pick]) => bandKeys.map((key) => pick(row)[key]))].map(cell).join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/**
 * Every run's horizon figures and drawn parameters as CSV, one row per run.
 * @throws Error when the result was simulated without `keepRuns`.
 * @example
 * ```ts
 * import { runsCsv, simulate } from 'cx-roi';
 * const lines = runsCsv(simulate({}, { runs: 200, seed: 1, keepRuns: true })).trimEnd().split('\n');
 * lines.length; // => 201
 * lines[0]?.split(',').slice(0, 7); // => ['run', 'roi', 'npv', 'payback_month', 'customers_baseline', 'customers_invested', 'executed']
 * // Then the drawn parameters, one column per field:
 * lines[0]?.split(',').includes('churn.switchAfterBad'); // => true
 * lines[1]?.split(',').slice(0, 7); // => ['0', '0.3899912611002393', '149384.97027806798', '52', '9724', '10800', 'false']
 * runsCsv(simulate({}, { runs: 200, seed: 1 })); // throws Error: runsCsv needs a result simulated with { keepRuns: true }
 * ```
 */
export function runsCsv(result: Pick<SimulationResult, 'runs'>): string {
  const runs = result.runs;
  if (!runs) throw new Error('runsCsv needs a result simulated with { keepRuns: true }');
  if (
    !Array.isArray(runs) ||
    !runs.every(
      (r) =>
        r !== null &&
        typeof r === 'object' &&
        r.parameters !== null &&
        typeof r.parameters === 'object' &&
        r.customers !== null &&
        typeof r.customers === 'object',
    )
  )
    throw new TypeError('runsCsv needs the runs of a simulation result (from simulate with { keepRuns: true })');
  const parameterNames = runs.length > 0 ? Object.keys((runs[0] as RunResult).parameters) : [];
  const header = ['run', 'roi', 'npv', 'payback_month', 'customers_baseline', 'customers_invested', 'executed', ...parameterNames];
  const lines = runs.map((r) =>
    [
      r.run,
      r.roi,
      r.npv,
      r.paybackMonth,
      r.customers.baseline,
      r.customers.invested,
      r.executed,
      ...parameterNames.map((name) => r.parameters[name] ?? null),
    ]
      .map(cell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
