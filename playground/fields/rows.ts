/** The panel's fields: its groups, the rows it shows and the values they show, and the journey's touchpoints. */
import { valueAt } from '../../src/scenario/error';
import { type Assumption, type AssumptionRow, type ScenarioInput, defaultScenario, describeAssumptions } from 'cx-roi';

export const groups: readonly { id: string; title: string; match: (path: string) => boolean }[] = [
  { id: 'investment', title: 'The CX programme', match: (p) => p.startsWith('investment.') },
  { id: 'customers', title: 'Customers and acquisition', match: (p) => p.startsWith('customers.') || p.startsWith('acquisition.') },
  { id: 'journey', title: 'Journey: the weakest link', match: (p) => p.startsWith('journey.') },
  { id: 'churn', title: 'Churn', match: (p) => p.startsWith('churn.') },
  { id: 'spend', title: 'Spend', match: (p) => p.startsWith('spend.') },
  { id: 'wordOfMouth', title: 'Word of mouth', match: (p) => p.startsWith('wordOfMouth.') },
  {
    id: 'horizon',
    title: 'Horizon, discount and outcome classes',
    match: (p) => p === 'horizonMonths' || p === 'discountRateAnnual' || p.startsWith('outcomeClasses.'),
  },
];

export const touchpoints = 'journey.touchpointFailure';

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x) && !('dist' in x);

/** The touchpoints the page's input itself gives (a record whose null entries remove defaults, a list, or one number), if any. */
export function ownTouchpoints(input: ScenarioInput): unknown {
  return valueAt(input, ['journey', 'touchpointFailure']);
}

/**
 * The value a field shows: from the page's input where it says so, else the
 * default. Named touchpoints merge with the default journey name by name
 * (null removes one), as parseScenario merges them.
 */
export function shownValue(input: ScenarioInput, path: string): unknown {
  const keys = path.split('.');
  if (path.startsWith(`${touchpoints}.`) || path === touchpoints) {
    const own = ownTouchpoints(input);
    const fallback = valueAt(defaultScenario, ['journey', 'touchpointFailure']);
    let record = own === undefined ? fallback : own;
    if (isRecord(own) && isRecord(fallback))
      record = Object.fromEntries(Object.entries({ ...fallback, ...own }).filter(([, value]) => value !== null));
    return path === touchpoints ? record : valueAt(record, keys.slice(2));
  }
  const own = valueAt(input, keys);
  return own === undefined ? valueAt(defaultScenario, keys) : own;
}

/** The rows to show: every field of the scenario as it stands (defaults where the input is not valid yet). */
export function fieldRows(input: ScenarioInput): AssumptionRow[] {
  const defaults = describeAssumptions();
  try {
    return describeAssumptions(input);
  } catch {
    // An invalid input still shows every field, with the values typed so far.
    const record = shownValue(input, touchpoints);
    const template = defaults.find((r) => r.path.startsWith(`${touchpoints}.`));
    const rows = defaults.filter((r) => !r.path.startsWith(`${touchpoints}.`));
    const touchRows =
      template === undefined
        ? []
        : record !== null && typeof record === 'object' && !('dist' in record)
          ? Object.keys(record).map((name) => ({ ...template, path: `${touchpoints}.${name}` }))
          : [{ ...template, path: touchpoints }];
    const at = rows.findIndex((r) => r.path.startsWith('churn.'));
    rows.splice(at < 0 ? rows.length : at, 0, ...touchRows);
    return rows.map((r) => ({ ...r, value: shownValue(input, r.path) as Assumption }));
  }
}

/** An element id for a field's first control. */
export const fieldId = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A touchpoint's name in words: its key, or its place in a list ("touchpoint 2"), or the whole journey. */
export function touchpointName(input: ScenarioInput, path: string): string | null {
  if (path === touchpoints) return 'the whole journey';
  if (!path.startsWith(`${touchpoints}.`)) return null;
  const name = path.slice(touchpoints.length + 1);
  return Array.isArray(ownTouchpoints(input)) ? `touchpoint ${Number(name) + 1}` : name;
}
