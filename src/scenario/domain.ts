import { deepFreeze } from './freeze.js';

/**
 * The range an assumption may take: its own values, and the support of any
 * distribution given for it, must lie inside.
 */
export interface Domain {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value: finite, so no draw can overflow the model. */
  readonly max: number;
  /** Whether draws are whole numbers (a distribution's draw is rounded). */
  readonly integer: boolean;
  /** What the range is, in words, for error messages and docs. */
  readonly label: string;
}

/**
 * A number as en-US writes it (1,000,000; 0.01; -1), at most six decimals,
 * without Intl: the labels are built at import, and Intl's first call costs
 * about 25 ms of it.
 */
export function formatNumber(x: number): string {
  // Whole numbers as they are: × 10⁶ would lose digits past 2⁵³.
  const [whole = '', fraction] = String(Number.isInteger(x) ? x : Math.round(x * 1e6) / 1e6).split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

const format = formatNumber;

function domain(min: number, max: number, integer: boolean, what: string): Domain {
  return { min, max, integer, label: `${what} from ${format(min)} to ${format(max)}` };
}

/** The ranges the scenario's assumptions use. */
export const domains = deepFreeze({
  probability: domain(0, 1, false, 'a probability'),
  share: domain(0, 1, false, 'a share'),
  annualRate: domain(0, 1, false, 'an annual rate'),
  people: domain(0, 1e9, true, 'a whole number of people'),
  tellsPerCustomer: domain(0, 1000, false, 'a number of people'),
  money: domain(0, 1e12, false, 'an amount of money'),
  positiveMoney: domain(1, 1e12, false, 'an amount of money'),
  // A good month spending next to nothing would make the bad month's share of the average unbounded.
  spendRatio: domain(0.01, 100, false, 'a spend ratio'),
  months: domain(0, 240, false, 'a number of months'),
  // The span over which a promoter's recommendations are told: at least one month.
  spanMonths: domain(1, 240, false, 'a number of months'),
  // A programme may backfire: −1 doubles the chance of a failure, 1 removes it.
  effect: domain(-1, 1, false, 'a relative cut (negative: the programme makes failures more likely)'),
  // How many times as often an unconnected (siloed) channel fails as a connected one.
  failureMultiplier: domain(1, 100, false, 'a multiplier'),
} as const satisfies Record<string, Domain>);

/** Limits on the size of a simulation: beyond them memory or patience run out. */
export const limits = deepFreeze({
  /** Longest horizon: 20 years of months. */
  horizonMonths: 240,
  /** Most runs in one call. */
  runs: 1_000_000,
  /** Most run-months kept in memory at once (runs × horizonMonths): about 1.7 GB of monthly figures at 72 bytes each. */
  runMonths: 24_000_000,
} as const);

/**
 * Least cost of a programme, upfront or a month, in currency units: ROI
 * divides by the cost, so a cost near zero would make it infinite.
 */
export const minimumProgrammeCost = 1;
