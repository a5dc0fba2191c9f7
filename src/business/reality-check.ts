import { createStream } from '../random/stream.js';
import { runParameters } from '../model/run-parameters.js';
import { gateWindowMonths, measuredCut, simulateRun } from '../model/run.js';
import { defaultScenario, deepFreeze } from '../scenario/defaults.js';
import { type MaturityAnswer, executionSuccessFromMaturity, maturityQuestionIds } from '../scenario/maturity.js';
import { optionsObject } from '../scenario/options-check.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import { sources } from '../scenario/sources.js';
import { type ResolvedOptions, defaultSeed, resolveOptions } from '../simulate/options.js';
import type { Seed } from '../random/stream.js';
import type { Band } from '../maths/band.js';
import type { OutcomeClasses } from '../simulate/result.js';
import { outcomeClasses } from '../simulate/summarize.js';
import { horizonBand } from '../maths/statistics.js';

/**
 * The spread of typical CX programmes `realityCheck` simulates, on the
 * default business. Each run is one programme: its cost, planned effect,
 * delay, ramp and what a missed programme still delivers are drawn from
 * these ranges; its organisation's nine maturity answers are drawn at
 * random (yes, partly or no, a third each), and `executionSuccessFromMaturity`
 * gives its chance of being carried out. The ranges are illustrative: wide
 * enough to hold small and large programmes, chosen before the check was run
 * and not tuned to its result.
 */
export const typicalProgrammes = deepFreeze({
  investment: {
    upfront: { dist: 'uniform', min: 50_000, max: 300_000 },
    monthly: { dist: 'uniform', min: 2_000, max: 12_000 },
    failureReduction: { dist: 'pert', min: 0.1, mode: 0.3, max: 0.6 },
    delayMonths: { dist: 'triangular', min: 0, mode: 6, max: 18 },
    rampMonths: { dist: 'triangular', min: 12, mode: 24, max: 36 },
    // Negative: a missed programme can make things worse (article 000's website).
    missedEffectShare: { dist: 'uniform', min: -0.3, max: 0.5 },
    excellentShareIncrease: { dist: 'uniform', min: 0, max: 0.08 },
  },
} as const satisfies ScenarioInput);

/** What {@link realityCheck} found, beside the published figures. */
export interface RealityCheck {
  readonly runs: number;
  readonly seed: Seed;
  /** Shares of the programmes in Accenture's outcome classes (the default thresholds: ROI ≥ 1, 0 ≤ ROI < 1, ROI < 0), and their χ² distance from the published 23 / 57 / 20. */
  readonly outcomeClasses: OutcomeClasses;
  /**
   * Share of programmes that miss their goal, beside the published 70–80%.
   * A programme's goal is the cut in bad experiences it planned
   * (`investment.failureReduction`); it misses when the cut a company would
   * measure at the horizon (its bad-experience share over the last three
   * months against the share before the programme) is less than half of it.
   */
  readonly missedGoal: {
    readonly share: number;
    readonly standardError: number;
    readonly published: { readonly low: number; readonly high: number };
    /**
     * The share among programmes carried out as planned, and among those that
     * were not. In this model missing the goal is mostly not being carried
     * out, so `share` is close to 1 − `executedShare`, and the executed share
     * follows the maturity prior, anchored on the same 20–30%: a consistency
     * check of the model's pieces, not an independent test of the figure.
     */
    readonly amongExecuted: number | null;
    readonly amongNotExecuted: number | null;
  };
  /** Share of programmes with ROI < 0 at the horizon, for context. */
  readonly negativeRoiShare: number;
  /** Share of programmes carried out as planned, and the mean chance the maturity answers gave. */
  readonly executedShare: number;
  readonly meanExecutionSuccess: number;
  /** Horizon ROI over the programmes. */
  readonly roi: Band;
}

const answers: readonly MaturityAnswer[] = ['yes', 'partly', 'no'];

/**
 * Simulates a documented spread of typical CX programmes
 * ({@link typicalProgrammes}) on the default business and reports where they
 * land beside the published figures: Accenture's 23 / 57 / 20 outcome split
 * and the 70–80% of initiatives that miss their goal. Nothing here is tuned
 * to those figures; the gap between them and the model's answer is the
 * finding.
 *
 * @param options - `runs` (programmes; default 2,000) and `seed`.
 * @throws {@link ScenarioError} for bad options.
 * @example
 * ```ts
 * import { realityCheck } from 'cx-roi';
 * const check = realityCheck({ runs: 1000, seed: 1 });
 * check.outcomeClasses; // => { positive: 0.111, middling: 0.177, negative: 0.712 }
 * check.outcomeClasses.published; // => { positive: 0.23, middling: 0.57, negative: 0.2 }
 * check.missedGoal.share; // => 0.664
 * check.missedGoal.published; // => { low: 0.7, high: 0.8 }
 * check.executedShare; // => 0.273
 * ```
 */
export function realityCheck(options: { runs?: number; seed?: Seed } = {}): RealityCheck {
  const given = optionsObject(options, { of: 'realityCheck', names: ['runs', 'seed'], example: '{ runs: 2000, seed: 1 }' });
  // Only a left-out option takes its default: null is a mistake, as in simulate.
  const { runs, seed }: ResolvedOptions = resolveOptions(
    { runs: given.runs === undefined ? 2000 : given.runs, seed: given.seed === undefined ? defaultSeed : given.seed },
    defaultScenario.horizonMonths,
  );
  // One scenario per maturity profile's prior: at most 19 (the score moves in steps of 1/18).
  const scenarios = new Map<string, Scenario>();
  const roi: number[] = [];
  let missed = 0;
  let missedExecuted = 0;
  let executed = 0;
  let success = 0;
  for (let run = 0; run < runs; run += 1) {
    const draw = createStream(seed, 'realityCheck', 'maturity', run);
    const profile = Object.fromEntries(maturityQuestionIds.map((id) => [id, answers[Math.floor(draw() * 3)] as MaturityAnswer]));
    const prior = executionSuccessFromMaturity(profile);
    const key = `${prior.min}:${prior.max}`;
    let scenario = scenarios.get(key);
    if (!scenario) {
      scenario = parseScenario({ investment: { ...typicalProgrammes.investment, executionSuccess: prior } });
      scenarios.set(key, scenario);
    }
    let bad = 0;
    let customers = 0;
    const horizon = scenario.horizonMonths;
    const result = simulateRun(scenario, seed, run, undefined, (month, _, invested) => {
      if (month > horizon - gateWindowMonths) {
        bad += invested.bad;
        customers += invested.customersStart;
      }
    });
    // Measured as a stage gate's "effect" is, over the last months of the horizon.
    const measured = measuredCut(bad, customers, runParameters(scenario, result.parameters).pBad);
    const planned = result.parameters['investment.failureReduction'] as number;
    if (measured < planned / 2) {
      missed += 1;
      if (result.executed) missedExecuted += 1;
    }
    if (result.executed) executed += 1;
    success += result.parameters['investment.executionSuccess'] as number;
    roi.push(result.roi);
  }
  const missedShare = missed / runs;
  return {
    runs,
    seed,
    outcomeClasses: outcomeClasses(roi, defaultScenario.outcomeClasses),
    missedGoal: {
      share: missedShare,
      standardError: Math.sqrt((missedShare * (1 - missedShare)) / runs),
      published: { low: 0.7, high: 0.8 },
      amongExecuted: executed > 0 ? missedExecuted / executed : null,
      amongNotExecuted: executed < runs ? (missed - missedExecuted) / (runs - executed) : null,
    },
    negativeRoiShare: roi.filter((x) => x < 0).length / runs,
    executedShare: executed / runs,
    meanExecutionSuccess: success / runs,
    roi: horizonBand(roi),
  };
}

/** The published figures the check is held against, with their sources. */
export const realityCheckSources = { outcomeClasses: sources.outcomeClasses, missedGoal: sources.executionSuccess } as const;
