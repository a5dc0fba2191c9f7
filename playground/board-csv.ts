/**
 * The page's CSVs, for people rather than programs: columns named in words
 * with their unit, chances and ROI in percent, money and customers whole, the
 * drawn assumptions by their labels in the page's units. (The library's
 * `seriesCsv` and `runsCsv` keep full precision and dotted names, for code.)
 */
import { type Band, type BreakEven, type BreakEvenTarget, type Sensitivity, type SimulationResult, describeAssumptions } from 'cx-roi';
import { assumptionLabel, assumptionValue, displayScale } from './labels';

function cell(x: string | number | null): string {
  if (x === null) return '';
  const text = String(x);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (rows: readonly (readonly (string | number | null)[])[]) => `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;

/** Percent with one decimal: 0.5623 → 56.2. */
const percent = (x: number) => Math.round(x * 1000) / 10;
/** Whole numbers for money and customers. */
const whole = (x: number) => Math.round(x);

const bandColumns: readonly [keyof Band, string][] = [
  ['p50', 'median'],
  ['mean', 'average'],
  ['p5', '5% of runs below'],
  ['p25', '25% of runs below'],
  ['p75', '75% of runs below'],
  ['p95', '95% of runs below'],
];

/** The month-by-month bands: month, chance paid back, then each figure's median, average and range, named in words. */
export function bandsForPeople(result: SimulationResult, currency: string): string {
  const money = currency ? ` (${currency})` : '';
  const figures: [string, (row: SimulationResult['series'][number]) => Band, (x: number) => number][] = [
    ['ROI (%)', (r) => r.roi, percent],
    ['Customers without the programme', (r) => r.customers.baseline, whole],
    ['Customers with the programme', (r) => r.customers.invested, whole],
    [`Revenue without the programme${money}`, (r) => r.revenue.baseline, whole],
    [`Revenue with the programme${money}`, (r) => r.revenue.invested, whole],
    [`Margin without the programme${money}`, (r) => r.margin.baseline, whole],
    [`Margin with the programme${money}`, (r) => r.margin.invested, whole],
  ];
  const header = [
    'Month',
    'Chance it has paid back (%)',
    ...figures.flatMap(([name]) => bandColumns.map(([, words]) => `${name}: ${words}`)),
  ];
  const rows = result.series.map((row) => [
    row.month,
    percent(row.probabilityPaidBack),
    ...figures.flatMap(([, pick, round]) => bandColumns.map(([key]) => round(pick(row)[key]))),
  ]);
  return csv([header, ...rows]);
}

/** Every kept run: its figures at the horizon, then each drawn assumption by its label, in the page's units. */
export function runsForPeople(result: SimulationResult, currency: string): string {
  const runs = result.runs ?? [];
  const units = new Map(describeAssumptions(result.scenario).map((row) => [row.path, row.unit]));
  const paths = runs.length > 0 ? Object.keys(runs[0]?.parameters ?? {}) : [];
  const scale = (path: string) => displayScale({ unit: units.get(path) ?? '' });
  const money = currency ? ` (${currency})` : '';
  const header = [
    'Run',
    'ROI at the horizon (%)',
    `NPV${money}`,
    'Payback month (blank: not within the horizon)',
    'Customers at the horizon without the programme',
    'Customers at the horizon with the programme',
    'Carried out as planned',
    ...paths.map((path) => `${assumptionLabel(path)}${scale(path) === 100 ? ' (%)' : ''}`),
  ];
  const rows = runs.map((r) => [
    r.run + 1,
    percent(r.roi),
    whole(r.npv),
    r.paybackMonth,
    r.customers.baseline,
    r.customers.invested,
    r.executed ? 'yes' : 'no',
    ...paths.map((path) => {
      const x = r.parameters[path] as number;
      return scale(path) === 100 ? Number((100 * x).toPrecision(6)) : Number(x.toPrecision(6));
    }),
  ]);
  return csv([header, ...rows]);
}

/** The swings of the published figures: each figure, its value and the two it was swung to, the median NPV at each, the swing. */
export function swingsForPeople(s: Sensitivity, currency: string): string {
  const fixed = s.fixedFigures;
  if (!fixed) return csv([['No published figure was swung.']]);
  const month = s.months.at(-1)?.month ?? 0;
  const money = currency ? ` (${currency})` : '';
  const pct = Math.round(100 * fixed.range);
  const header = [
    'Published figure',
    'Its value',
    `${pct}% lower`,
    `${pct}% higher`,
    `Median NPV at month ${month}, lower${money}`,
    `Median NPV at month ${month}, higher${money}`,
    `Swing, lower to higher${money}`,
  ];
  const rows = fixed.figures.map((f) => {
    const at = f.atMonths.at(-1);
    return [
      assumptionLabel(f.path),
      assumptionValue(f.path, f.value),
      assumptionValue(f.path, f.low),
      assumptionValue(f.path, f.high),
      at ? whole(at.medianAtLow) : null,
      at ? whole(at.medianAtHigh) : null,
      at ? whole(at.swing) : null,
    ];
  });
  return csv([header, ...rows]);
}

const metricColumns: Record<BreakEvenTarget['metric'], string> = {
  probabilityPaidBackBy: 'Chance it has paid back (%)',
  probabilityPositiveRoi: 'Chance it pays for itself (%)',
  roiMedian: 'Median ROI (%)',
  npvMedian: 'Median NPV',
};

/** A break-even search, step by step: the value tried (in the page's units) and what it reached, ± its simulation error. */
export function breakEvenForPeople(b: BreakEven, unit: string, currency: string): string {
  const money = b.target.metric === 'npvMedian';
  const name =
    b.target.metric === 'probabilityPaidBackBy'
      ? `Chance it has paid back by month ${b.target.month} (%)`
      : `${metricColumns[b.target.metric]}${money && currency ? ` (${currency})` : ''}`;
  const scale = displayScale({ unit });
  const reached = (x: number) => (money ? whole(x) : percent(x));
  const header = [
    'Simulation',
    `${assumptionLabel(b.vary)}${scale === 100 ? ' (%)' : ''}`,
    name,
    `± simulation error${money ? (currency ? ` (${currency})` : '') : ' (%)'}`,
  ];
  const rows = b.evaluations.map((e, i) => [i + 1, Number((scale * e.value).toPrecision(6)), reached(e.reached), reached(e.standardError)]);
  return csv([header, ...rows]);
}
