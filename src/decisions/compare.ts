import type { Seed } from '../random/stream.js';
import { ScenarioError } from '../scenario/error.js';
import { parseScenario } from '../scenario/parse.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { simulateRange } from '../simulate/matrix.js';
import { resolveOptions } from '../simulate/options.js';
import type { HorizonSummary } from '../simulate/result.js';
import { type Band, bandInPlace } from '../maths/band.js';
import { resultFromBlocks } from '../simulate/assemble.js';
import { setOwn } from './vary-field.js';
import { optionsObject } from '../scenario/options-check.js';

/** Options of {@link compare}. */
export interface CompareOptions {
  /** Runs of each scenario. @defaultValue 1000 */
  readonly runs?: number | undefined;
  /** The seed every scenario is simulated with. @defaultValue 1 */
  readonly seed?: Seed | undefined;
}

/** How two scenarios differ, run by run: B − A. */
export interface PairedDifference {
  /** The first scenario's name. */
  readonly a: string;
  /** The second scenario's name. */
  readonly b: string;
  /** Bands of B's horizon ROI minus A's, over the paired runs. */
  readonly roi: Band;
  /** Bands of B's horizon NPV minus A's (currency). */
  readonly npv: Band;
  /** Monte Carlo standard error of `npv.mean`. */
  readonly npvMeanStandardError: number;
  /** Share of runs in which B's NPV is higher than A's; ties count for neither. */
  readonly probabilityBBeatsA: number;
  readonly probabilityBBeatsAStandardError: number;
  /** Share of runs in which the two NPVs are equal (1 for a scenario against itself). */
  readonly tieShare: number;
  readonly paybackMonth: {
    /** Bands of B's payback month minus A's, among the runs where both pay back within the horizon; `null` when none do. */
    readonly amongBothPaidBack: Band | null;
    readonly bothShare: number;
    readonly onlyAShare: number;
    readonly onlyBShare: number;
    readonly neitherShare: number;
    /** Share of runs in which B pays back sooner than A (a run that never pays back counts as later than any month). */
    readonly bSoonerShare: number;
    /** Share in which A pays back sooner than B. */
    readonly aSoonerShare: number;
  };
}

/** What {@link compare} returns. */
export interface Comparison {
  readonly names: readonly string[];
  readonly runCount: number;
  readonly seed: Seed;
  /** Each scenario's own horizon summary. */
  readonly horizons: Readonly<Record<string, HorizonSummary>>;
  /** Every pair in the order given (A before B), B − A. */
  readonly pairs: readonly PairedDifference[];
}

/**
 * Compares scenarios run by run. Every scenario is simulated with the same
 * seed, so run `i` of each draws the same values for the assumptions they
 * share, and the same chance events where their customers are alike
 * (common random numbers): the difference between two scenarios is far
 * less noisy than the difference of two separate simulations, and a
 * scenario compared with itself differs by exactly 0.
 *
 * @param scenarios - Two or more partial scenarios by name, e.g. `{ cautious: {...}, bold: {...} }`.
 * @param options - Runs and seed, shared by all.
 * @returns Each scenario's horizon, and for every pair the bands of the paired differences in ROI, NPV and payback month, and P(B beats A) with its standard error.
 * @throws {@link ScenarioError} for a bad scenario (named by its key) or option.
 * @example
 * ```ts
 * import { compare } from 'cx-roi';
 * // Twice the upfront spend for a deeper cut in failures.
 * const bold = { investment: { upfront: 250_000, failureReduction: { dist: 'pert', min: 0.4, mode: 0.6, max: 0.8 } } } as const;
 * const { horizons, pairs } = compare({ now: {}, bold }, { runs: 500, seed: 1 });
 * horizons.now.roi.p50; // => 0.131
 * horizons.bold.roi.p50; // => 0.231
 * pairs[0].probabilityBBeatsA; // => 0.644
 * pairs[0].probabilityBBeatsAStandardError; // => 0.021
 * // The median of bold's NPV less now's, run by run, in currency.
 * pairs[0].npv.p50; // => 62171
 * // Against itself, a scenario differs by exactly 0 in every run (common random numbers).
 * compare({ a: bold, b: bold }, { runs: 500, seed: 1 }).pairs[0].tieShare; // => 1
 * compare({ only: {} }); // throws ScenarioError: compare needs two or more scenarios by name
 * ```
 */
export function compare(scenarios: Readonly<Record<string, ScenarioInput>>, options: CompareOptions = {}): Comparison {
  const { runs: givenRuns, seed: givenSeed } = optionsObject(options, {
    of: 'compare',
    names: ['runs', 'seed'],
    example: '{ runs: 2000, seed: 1 }',
  });
  const names = scenarios && typeof scenarios === 'object' && !Array.isArray(scenarios) ? Object.keys(scenarios) : [];
  if (names.length < 2)
    throw new ScenarioError([
      {
        path: 'scenarios',
        value: scenarios,
        message: 'compare needs two or more scenarios by name, e.g. { A: {}, B: { investment: { upfront: 200000 } } }',
      },
    ]);
  const parsed = names.map((name) => {
    try {
      return parseScenario(scenarios[name]);
    } catch (error) {
      if (error instanceof ScenarioError)
        throw new ScenarioError(error.issues.map((issue) => ({ ...issue, path: issue.path ? `${name}.${issue.path}` : name })));
      throw error;
    }
  });
  const months = parsed.map((s) => s.horizonMonths);
  const other = months.findIndex((h) => h !== months[0]);
  if (other > 0)
    throw new ScenarioError([
      {
        path: `${names[other]}.horizonMonths`,
        value: months[other],
        message: `must be the same in every scenario compared (${names[0]} has ${months[0]}): their NPVs and payback months are compared run by run at the horizon`,
      },
    ]);
  const { runs, seed } = resolveOptions({ runs: givenRuns, seed: givenSeed }, Math.max(...parsed.map((s) => s.horizonMonths)));
  const horizons: Record<string, HorizonSummary> = {};
  const columns = parsed.map((scenario, i) => {
    const block = simulateRange(scenario, seed, 0, runs, false);
    setOwn(horizons, names[i] as string, resultFromBlocks(scenario, seed, [block], runs, false).horizon);
    return block.horizon;
  });
  const pairs: PairedDifference[] = [];
  for (let i = 0; i < names.length; i += 1)
    for (let j = i + 1; j < names.length; j += 1)
      pairs.push(paired(names[i] as string, names[j] as string, columns[i] as Columns, columns[j] as Columns));
  return { names, runCount: runs, seed, horizons, pairs };
}

type Columns = ReturnType<typeof simulateRange>['horizon'];

function paired(a: string, b: string, A: Columns, B: Columns): PairedDifference {
  const n = A.roi.length;
  const roi = new Float64Array(n);
  const npv = new Float64Array(n);
  const months: number[] = [];
  let beats = 0;
  let ties = 0;
  let both = 0;
  let onlyA = 0;
  let onlyB = 0;
  let bSooner = 0;
  let aSooner = 0;
  for (let i = 0; i < n; i += 1) {
    roi[i] = (B.roi[i] as number) - (A.roi[i] as number);
    npv[i] = (B.npv[i] as number) - (A.npv[i] as number);
    if ((npv[i] as number) > 0) beats += 1;
    else if (npv[i] === 0) ties += 1;
    // 0: never paid back, later than any month.
    const pa = (A.paybackMonth[i] as number) || Number.POSITIVE_INFINITY;
    const pb = (B.paybackMonth[i] as number) || Number.POSITIVE_INFINITY;
    if (pa !== Number.POSITIVE_INFINITY && pb !== Number.POSITIVE_INFINITY) {
      both += 1;
      months.push(pb - pa);
    } else if (pa !== Number.POSITIVE_INFINITY) onlyA += 1;
    else if (pb !== Number.POSITIVE_INFINITY) onlyB += 1;
    if (pb < pa) bSooner += 1;
    else if (pa < pb) aSooner += 1;
  }
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += npv[i] as number;
  mean /= n;
  let sq = 0;
  for (let i = 0; i < n; i += 1) sq += ((npv[i] as number) - mean) ** 2;
  const p = beats / n;
  return {
    a,
    b,
    roi: bandInPlace(roi),
    npv: bandInPlace(npv),
    npvMeanStandardError: n > 1 ? Math.sqrt(sq / (n - 1) / n) : 0,
    probabilityBBeatsA: p,
    probabilityBBeatsAStandardError: Math.sqrt((p * (1 - p)) / n),
    tieShare: ties / n,
    paybackMonth: {
      amongBothPaidBack: months.length > 0 ? bandInPlace(Float64Array.from(months)) : null,
      bothShare: both / n,
      onlyAShare: onlyA / n,
      onlyBShare: onlyB / n,
      neitherShare: (n - both - onlyA - onlyB) / n,
      bSoonerShare: bSooner / n,
      aSoonerShare: aSooner / n,
    },
  };
}
