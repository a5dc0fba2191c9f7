import { type ScenarioInput, type SimulateOptions, compare, simulate } from 'cx-roi';
import { expectWithinMonteCarloError } from './assertions.js';

// Frozen: its members are functions only, so freezing the object freezes it all.
/**
 * The model's invariants as checks on one scenario input, each throwing an
 * Error that says what broke: use them inside a fast-check property with
 * {@link scenarioInputArbitrary}, or on a scenario of your own.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { modelProperties, scenarioInputArbitrary } from 'cx-roi/testing';
 * const leversAddUp = fc.property(scenarioInputArbitrary({ maxHorizonMonths: 12 }), (input) => modelProperties.leversAddUp(input));
 * fc.check(leversAddUp, { seed: 1, numRuns: 20 }).failed; // => false
 * // On a scenario of your own: passes, or throws saying what broke.
 * modelProperties.sameAgainstItself({ investment: { upfront: 250_000 } });
 * modelProperties.monotoneInEffect({}, 0.6, 0.2); // throws RangeError: lower (0.6) must be at most higher (0.2)
 * ```
 */
export const modelProperties = Object.freeze({
  /** The same input and seed give the same result, bit for bit, and the input is not changed. */
  deterministic(input: ScenarioInput, options: SimulateOptions = { runs: 20, seed: 1 }): void {
    const before = JSON.stringify(input);
    const a = JSON.stringify(simulate(input, options));
    const b = JSON.stringify(simulate(input, options));
    if (a !== b) throw new Error('two simulations with the same input and seed differ');
    if (JSON.stringify(input) !== before) throw new Error('simulate changed its input');
  },

  /** Every figure finite; shares and probabilities within 0 and 1; bands in order (p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95); customers never negative. */
  boundedAndOrdered(input: ScenarioInput, options: SimulateOptions = { runs: 20, seed: 1 }): void {
    const result = simulate(input, options);
    const bands: [string, { p5: number; p25: number; p50: number; p75: number; p95: number; mean: number }][] = [
      ['horizon.roi', result.horizon.roi],
      ['horizon.npv', result.horizon.npv],
      ...result.series.flatMap((row): [string, typeof result.horizon.roi][] => [
        [`series[${row.month}].roi`, row.roi],
        [`series[${row.month}].customers.baseline`, row.customers.baseline],
        [`series[${row.month}].customers.invested`, row.customers.invested],
      ]),
    ];
    for (const [name, b] of bands) {
      const values = [b.p5, b.p25, b.p50, b.p75, b.p95, b.mean];
      if (!values.every(Number.isFinite)) throw new Error(`${name} has a figure that is not finite: ${JSON.stringify(b)}`);
      if (!(b.p5 <= b.p25 && b.p25 <= b.p50 && b.p50 <= b.p75 && b.p75 <= b.p95))
        throw new Error(`${name}'s percentiles are out of order: ${JSON.stringify(b)}`);
      if (name.includes('customers') && b.p5 < 0) throw new Error(`${name} goes below 0 customers`);
    }
    const shares = [
      result.horizon.probabilityPositiveRoi,
      result.horizon.executedShare,
      result.horizon.paybackMonth.neverShare,
      ...result.series.map((row) => row.probabilityPaidBack),
    ];
    if (!shares.every((p) => p >= 0 && p <= 1)) throw new Error('a share or probability lies outside 0 to 1');
  },

  /** The NPV by lever adds up to the mean NPV. */
  leversAddUp(input: ScenarioInput, options: SimulateOptions = { runs: 20, seed: 1 }): void {
    const { levers } = simulate(input, options).horizon;
    const sum = levers.retention + levers.spend + levers.positiveWordOfMouth + levers.negativeWordOfMouth + levers.cost;
    const scale = Math.max(1, Math.abs(levers.retention), Math.abs(levers.spend), Math.abs(levers.cost), Math.abs(levers.npv));
    if (Math.abs(sum - levers.npv) > 1e-9 * scale) throw new Error(`the levers add up to ${sum}, not the mean NPV ${levers.npv}`);
  },

  /** Common random numbers: a scenario compared with itself differs by exactly 0 in every run. */
  sameAgainstItself(input: ScenarioInput, options: { runs?: number; seed?: number } = { runs: 20, seed: 1 }): void {
    const pair = compare({ A: input, B: input }, options).pairs[0];
    if (pair?.tieShare !== 1 || pair.npv.p5 !== 0 || pair.npv.p95 !== 0 || pair.roi.p5 !== 0 || pair.roi.p95 !== 0)
      throw new Error(`a scenario compared with itself differs: ${JSON.stringify(pair?.npv)}`);
  },

  /**
   * A programme that cuts more failures, all else equal, is worth at least as much on average: the mean NPV
   * difference (paired) is not below 0 by more than `z` standard errors.
   */
  monotoneInEffect(input: ScenarioInput, lower: number, higher: number, options: { runs?: number; seed?: number; z?: number } = {}): void {
    if (!(lower <= higher)) throw new RangeError(`lower (${lower}) must be at most higher (${higher})`);
    const at = (cut: number): ScenarioInput => ({ ...input, investment: { ...(input.investment ?? {}), failureReduction: cut } });
    const pair = compare({ lower: at(lower), higher: at(higher) }, { runs: options.runs ?? 200, seed: options.seed ?? 1 }).pairs[0];
    if (!pair) throw new Error('compare returned no pair');
    if (pair.npv.mean < 0) expectWithinMonteCarloError(pair.npv.mean, 0, pair.npvMeanStandardError, options.z ?? 4);
  },
} as const);
