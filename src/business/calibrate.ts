import * as z from 'zod';
import { derivedPaths } from '../scenario/business.js';
import { type ObservedBusiness, observedBusinessSchema } from '../scenario/business.js';
import { ScenarioError, fromZodIssues } from '../scenario/error.js';
import { shapeIssues } from '../scenario/guard.js';
import { heldBusinessNote, parseScenario } from '../scenario/parse.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';

export { type ObservedBusiness, observedBusinessSchema } from '../scenario/business.js';

const optionsSchema = z.strictObject({ startAtSteadyState: z.boolean({ error: 'must be true or false' }).optional() });

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /**
   * Start the simulation at the baseline's steady state (where new customers
   * balance churn in the first month) instead of today's customer count, so
   * the ROI is not carried by growth or decline the company would have had
   * anyway (`business.startAtSteadyState` in the scenario returned). It is
   * steady at the start: as the prospect pool is used up, organic sign-ups
   * slow down (`impliedKpis(...).withoutProgramme` shows by how much over
   * the horizon).
   * @defaultValue false
   * @throws {@link ScenarioError} when there is no steady state (no churn, no new customers, or word of mouth outgrowing churn).
   */
  readonly startAtSteadyState?: boolean | undefined;
}

/** A copy of `input` without the fields a held business solves (a complete scenario given to start from has them). */
function withoutSolved(input: ScenarioInput, observed: ObservedBusiness): ScenarioInput {
  const copy = { ...(input as Record<string, unknown>) };
  const paths: string[] = [...derivedPaths, ...(observed.nps === undefined ? [] : ['wordOfMouth.excellentShare'])];
  for (const path of paths) {
    const [section, field] = path.split('.') as [string, string];
    const at = copy[section];
    if (at !== null && typeof at === 'object' && !Array.isArray(at) && Object.hasOwn(at, field)) {
      const { [field]: _, ...rest } = at as Record<string, unknown>;
      copy[section] = rest;
    }
  }
  delete copy.business;
  return copy as ScenarioInput;
}

/**
 * A scenario that holds the company's own business (`business: observed`):
 * its baseline reproduces the customers, retention (or churn), average
 * revenue per customer and new customers a month it is given, and when
 * given them, the bad-experience rate and NPS, in every run and whatever
 * the CX figures say. The illustrative parameters (`churn.base`,
 * `spend.averagePerMonth`, `acquisition.organicMonthly`,
 * `wordOfMouth.excellentShare`, the touchpoint failure rates, scaled
 * together) are solved from it in each run from that run's draws, and the
 * sourced figures stay (86%, 9 and 16, 140%, 90%, 50%); the scenario shows
 * them solved at the assumptions' means. Any of them in `input` is replaced.
 * `impliedKpis(calibrate(observed))` gives back `observed`; change a CX
 * figure of the result and the business stays.
 *
 * @param observed - What the company knows (see {@link ObservedBusiness}).
 * @param input - A partial scenario to start from (the programme, costs, horizon…); defaults fill the rest.
 * @param options - `startAtSteadyState`.
 * @returns The complete scenario, valid input for `simulate`.
 * @throws {@link ScenarioError} for a bad observation or scenario, and when the
 *   observations contradict a sourced figure (for example churn lower than
 *   86% of the bad-experience rate allows), naming the conflict and the
 *   figures in the seed articles that would resolve it.
 * @example
 * ```ts
 * import { calibrate, impliedKpis, simulate } from 'cx-roi';
 * const observed = { customers: 42_000, annualRetention: 0.85, averageRevenuePerCustomerMonthly: 31, newCustomersMonthly: 600 };
 * const scenario = calibrate(observed);
 * const kpis = impliedKpis(scenario).baseline;
 * kpis.annualRetention; // => 0.85
 * kpis.revenuePerCustomerMonthly; // => 31
 * kpis.newCustomersMonthly; // => 600
 * // Solved at the assumptions' means: the churn that is not caused by bad experiences.
 * scenario.churn.base; // => 0.00056
 * simulate(scenario, { runs: 500, seed: 1 }).horizon.roi.p50; // => 0.781
 * calibrate({ ...observed, annualRetention: 1.5 }); // throws ScenarioError: observed.annualRetention: must be at most 1 (got 1.5)
 * ```
 */
export function calibrate(observed: ObservedBusiness, input: ScenarioInput = {}, options: CalibrateOptions | null = {}): Scenario {
  // The same bounds on shape as a scenario's, before anything walks the observations.
  const shape = shapeIssues({ observed }).concat(shapeIssues({ options }), shapeIssues({ input }));
  if (shape.length > 0) throw new ScenarioError(shape);
  const parsed = observedBusinessSchema.safeParse(observed);
  if (!parsed.success)
    throw new ScenarioError(
      fromZodIssues(parsed.error.issues, { observed }, () => Object.keys(observedBusinessSchema.shape), ['observed']),
    );
  const given = optionsSchema.safeParse(options ?? {});
  if (!given.success)
    throw new ScenarioError(fromZodIssues(given.error.issues, { options }, () => Object.keys(optionsSchema.shape), ['options']));
  const business = { ...parsed.data, ...(given.data.startAtSteadyState === true ? { startAtSteadyState: true } : {}) };
  const start = input !== null && typeof input === 'object' && !Array.isArray(input) ? withoutSolved(input, parsed.data) : input;
  try {
    return parseScenario({ ...(start as object), business });
  } catch (error) {
    // What the business cannot be reconciled with is a figure of the observations.
    if (error instanceof ScenarioError)
      throw new ScenarioError(
        error.issues.map((issue) =>
          issue.path.startsWith('business.')
            ? {
                ...issue,
                path:
                  issue.path === 'business.startAtSteadyState'
                    ? 'options.startAtSteadyState'
                    : `observed.${issue.path.slice('business.'.length)}`,
                message: issue.message.replace(heldBusinessNote, '').replace(/\bbusiness\.(?=[a-zA-Z])/g, 'observed.'),
              }
            : issue,
        ),
      );
    throw error;
  }
}
