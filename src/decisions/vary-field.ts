import { type Field, scenarioFields } from '../scenario/schema-walk.js';
import { ScenarioError } from '../scenario/error.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import type { Assumption } from '../scenario/distribution.js';

/**
 * The assumption at `path` in a scenario (a numeric field a run draws).
 * @throws {@link ScenarioError} on `option` when there is none, naming the nearest paths.
 */
export function assumptionAt(scenario: Scenario, path: string, option: string): Field {
  const fields = scenarioFields(scenario).filter((f) => f.meta.uncertain);
  const field = fields.find((f) => f.path === path);
  if (field) return field;
  const near = fields.map((f) => f.path).filter((p) => p.split('.').some((part) => path.toLowerCase().includes(part.toLowerCase())));
  const listed = (near.length > 0 ? near : fields.map((f) => f.path)).slice(0, 8).join(', ');
  throw new ScenarioError([
    { path: option, value: path, message: `is not an assumption of this scenario; give a dotted path such as ${listed}` },
  ]);
}

/**
 * The scenario with the number at `path` replaced by `value` (validated
 * anew). A given `executionSuccess` replaces the one maturity answers imply,
 * so the answers go.
 */
export function withValue(scenario: Scenario, path: string, value: Assumption): Scenario {
  return withValues(scenario, [{ path, value }]);
}

/** The scenario with several fields set at once (validated once, so a pair that only fits together is read together), as {@link withValue} sets one. */
export function withValues(scenario: Scenario, values: readonly { path: string; value: Assumption }[]): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const { path, value } of values) {
    if (path === 'investment.executionSuccess') delete (copy.investment as Record<string, unknown>).maturity;
    const parts = path.split('.');
    let at = copy;
    for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
    at[parts[parts.length - 1] as string] = structuredClone(value);
  }
  return parseScenario(copy);
}

/** Whether the scenario takes `value` at `path` (a held business may not: 86% + 20% switching at a low churn, say). */
export function fitsValue(scenario: Scenario, path: string, value: number): boolean {
  try {
    withValue(scenario, path, value);
    return true;
  } catch (error) {
    if (error instanceof ScenarioError) return false;
    throw error;
  }
}

/**
 * The value nearest `outside` that the scenario still takes at `path`, by
 * `steps` halvings between `inside` (taken) and `outside` (refused), each
 * midpoint passed through `round` (a whole-number field's rounding).
 */
export function lastFitting(
  scenario: Scenario,
  path: string,
  inside: number,
  outside: number,
  steps: number,
  round: (x: number) => number = (x) => x,
): number {
  for (let i = 0; i < steps; i += 1) {
    const mid = round((inside + outside) / 2);
    if (fitsValue(scenario, path, mid)) inside = mid;
    else outside = mid;
  }
  return inside;
}

/** A typical value of an assumption: the number, or its distribution's mode, mean or middle. */
export function typicalValue(value: Assumption): number {
  if (typeof value === 'number') return value;
  const d = value as Record<string, unknown>;
  if (d.dist === 'beta') {
    const [lo, hi] = [(d.min as number | undefined) ?? 0, (d.max as number | undefined) ?? 1];
    return lo + ((hi - lo) * (d.alpha as number)) / ((d.alpha as number) + (d.beta as number));
  }
  for (const key of ['mode', 'mean'] as const) if (typeof d[key] === 'number') return d[key] as number;
  if (typeof d.min === 'number' && typeof d.max === 'number') return ((d.min as number) + (d.max as number)) / 2;
  if (typeof d.mu === 'number' && typeof d.sigma === 'number') return Math.exp(d.mu as number);
  return Number.NaN;
}

/** An object's own property, set even for a key such as `__proto__` (which plain assignment would take as the prototype). */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
