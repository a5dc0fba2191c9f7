// Pure changes to the scenario input, no DOM: trimming it to what differs from the defaults, and holding a business.
import { type ObservedBusiness, type ScenarioInput, derivedPaths } from 'cx-roi';

/** The input without what equals the defaults, so the link stays short and defaults stay defaults. */
export function differenceFromDefaults(value: unknown, defaults: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || 'dist' in value)
    return JSON.stringify(value) === JSON.stringify(defaults) ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const d = defaults !== null && typeof defaults === 'object' ? (defaults as Record<string, unknown>)[key] : undefined;
    const kept = differenceFromDefaults(v, d);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

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
