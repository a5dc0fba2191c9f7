import { type AssumptionField, assumptionFields, knownAssumptionFields, rememberAssumptionFields } from './assumptions.js';
import { parseScenario } from './parse.js';
import type { Scenario } from './schema.js';

/**
 * The assumptions of any complete scenario, for the functions of the main
 * thread that take one (a result's scenario, perhaps read back from JSON or
 * sent between threads): recorded by parseScenario, or found by parsing it
 * again (a complete scenario parses as it is) and recorded for next time.
 */
export function scenarioAssumptions(scenario: Scenario): readonly AssumptionField[] {
  const known = knownAssumptionFields(scenario);
  if (known) return known;
  const fields = assumptionFields(parseScenario(scenario));
  rememberAssumptionFields(scenario, fields);
  return fields;
}
