import type { Assumption } from '../scenario/distribution.js';
import type { Domain } from '../scenario/domain.js';
import { scenarioFields } from '../scenario/fields.js';
import type { Scenario } from '../scenario/schema.js';

/** One assumption a run draws: its path, its value or distribution, and its range. */
export interface AssumptionField {
  readonly path: string;
  readonly value: Assumption;
  readonly domain: Domain;
}

// Walking the schema is slow next to a run; a validated scenario is frozen, so its fields can be kept.
const fieldsOf = new WeakMap<Scenario, readonly AssumptionField[]>();

/** The assumptions of a scenario that a run draws (every numeric field but the settings), in schema order. */
export function assumptionFields(scenario: Scenario): readonly AssumptionField[] {
  let fields = fieldsOf.get(scenario);
  if (!fields) {
    fields = scenarioFields(scenario)
      .filter((field) => field.meta.uncertain) // settings such as the horizon are not assumptions
      .map(({ path, value, meta }) => ({ path, value, domain: meta.domain }));
    fieldsOf.set(scenario, fields);
  }
  return fields;
}
