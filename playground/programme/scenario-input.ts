// A pure change to the scenario input, no DOM: holding a business.
import { type ObservedBusiness, type ScenarioInput, derivedPaths } from 'cx-roi';

/** The input holding `business`: the fields it solves are left out (they would clash with it). */
export function holdingBusiness(input: ScenarioInput, business: ObservedBusiness): ScenarioInput {
  const copy = JSON.parse(JSON.stringify(input ?? {})) as Record<string, Record<string, unknown> | undefined>;
  for (const path of [...derivedPaths, 'wordOfMouth.excellentShare']) {
    const [section, field] = path.split('.') as [string, string];
    const at = copy[section];
    if (at && typeof at === 'object') {
      delete at[field];
      if (Object.keys(at).length === 0) delete copy[section];
    }
  }
  return { ...(copy as ScenarioInput), business: { ...business } };
}
