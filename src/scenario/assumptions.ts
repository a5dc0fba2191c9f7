import type { Assumption } from './distribution.js';
import type { Domain } from './domain.js';
import type { Scenario } from './schema.js';
import { derivedPathsOf } from './solved.js';

/** One assumption a run draws: its path, its value or distribution, and its range. */
export interface AssumptionField {
  readonly path: string;
  readonly value: Assumption;
  readonly domain: Domain;
}

// Finding a scenario's assumptions walks the zod schema (parseScenario does it, once per scenario). The
// model only reads them here, so the simulation's workers, sent the scenario and its fields, need no zod.
const fieldsOf = new WeakMap<Scenario, readonly AssumptionField[]>();

/** Records the assumptions of a scenario (parseScenario for its result; a worker for the scenario it is sent). */
export function rememberAssumptionFields(scenario: Scenario, fields: readonly AssumptionField[]): void {
  fieldsOf.set(scenario, fields);
}

/** The recorded assumptions of a scenario, or undefined for one not parsed here (read from JSON, or cloned). */
export function knownAssumptionFields(scenario: Scenario): readonly AssumptionField[] | undefined {
  return fieldsOf.get(scenario);
}

/** The assumptions of a scenario that a run draws (every numeric field but the settings), in schema order. */
export function assumptionFields(scenario: Scenario): readonly AssumptionField[] {
  const fields = fieldsOf.get(scenario);
  if (!fields)
    throw new Error(
      'cx-roi: this scenario was not made by this copy of parseScenario (nor sent with its fields); simulate and the other public functions accept a scenario input and parse it',
    );
  return fields;
}

/**
 * The assumptions a run's record keeps (`runs[i].parameters`, the runs CSV,
 * the run-by-run analyses): every drawn one, less those a held business
 * solves, which are functions of the others (the scenario's value of them is
 * the solution at the means, not what any run used).
 */
export function recordedParameterNames(scenario: Scenario): string[] {
  const solved = new Set(scenario.business ? derivedPathsOf(scenario.business) : []);
  return assumptionFields(scenario)
    .map((f) => f.path)
    .filter((path) => !solved.has(path));
}
