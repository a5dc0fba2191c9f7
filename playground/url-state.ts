/**
 * The page's state in its address, so a link reproduces the same numbers.
 *
 * The documented form, for people and for other tools that link into the
 * playground, is the query string:
 *
 *   ?scenario=<URL-encoded JSON of a scenario input>&seed=1&runs=2000
 *
 * with, optionally, `currency` (a symbol shown with money), `a` (the input of a
 * pinned scenario A, as JSON), `aName` and `bName` (what A and B are called).
 * The scenario holds only what differs from the defaults. Links of earlier
 * versions put the same parameters after `#`; they are read too.
 *
 * A link is never rewritten away because the page could not read it: what it
 * carried stays in the address, word for word, until the user replaces it
 * ({@link KeptLink}).
 */
import type { ScenarioInput } from 'cx-roi';

export interface PageState {
  readonly input: ScenarioInput;
  readonly seed: number | string;
  readonly runs: number;
}

/** What the link carries besides the simulation: display settings and the comparison. */
export interface LinkExtras {
  readonly currency: string;
  /** The pinned scenario A's input, if one is pinned. */
  readonly compare: ScenarioInput | null;
  readonly nameA: string;
  readonly nameB: string;
}

/**
 * What the address keeps word for word from the link that opened the page, because the page has not used it:
 * a scenario it could not read (until the user changes an assumption), and scenario A until it is pinned (or
 * for good, if it cannot be, until the user pins or clears A). Someone who opened a broken link can still see,
 * copy or mend what it carried.
 */
export interface KeptLink {
  /** The `scenario` parameter as linked, when it could not be read. */
  readonly scenario?: string | undefined;
  /** The `a` parameter as linked, while scenario A is not pinned from it. */
  readonly a?: string | undefined;
}

export const defaultPageState: PageState = { input: {}, seed: 1, runs: 2000 };
export const defaultExtras: LinkExtras = { currency: '', compare: null, nameA: 'A', nameB: 'B' };

/** Longest name of a compared scenario, and of a currency symbol. */
const maxName = 40;
const maxCurrency = 4;

/**
 * The query string for a state: `?runs=…&seed=…&scenario=…`.
 *
 * @param kept - What the link carried that the page has not used, written back as it was: the kept scenario in
 *   place of the state's (the caller drops it once the user changes the scenario), and the kept A when no A is
 *   pinned, with A's name. Nothing, unless given.
 * @example
 * encodeState({ input: {}, seed: 1, runs: 2000 }, { ...defaultExtras, nameA: 'Cautious' }, { a: '{"churn":' });
 * // '?runs=2000&seed=1&a=%7B%22churn%22%3A&aName=Cautious'
 */
export function encodeState(state: PageState, extras: LinkExtras = defaultExtras, kept: KeptLink = {}): string {
  const params = new URLSearchParams();
  params.set('runs', String(state.runs));
  params.set('seed', String(state.seed));
  if (kept.scenario !== undefined) params.set('scenario', kept.scenario);
  else if (Object.keys(state.input).length > 0) params.set('scenario', JSON.stringify(state.input));
  if (extras.currency !== '') params.set('currency', extras.currency);
  const a = extras.compare !== null ? JSON.stringify(extras.compare) : kept.a;
  if (a !== undefined) {
    params.set('a', a);
    if (extras.nameA !== defaultExtras.nameA) params.set('aName', extras.nameA);
  }
  if (extras.nameB !== defaultExtras.nameB) params.set('bName', extras.nameB);
  return `?${params.toString()}`;
}

/** A scenario's input from the link, or why it could not be read (`problem`, to follow "The link’s … "). */
function readInput(text: string | null): { input: ScenarioInput | null; problem: string | null } {
  if (text === null) return { input: null, problem: null };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return { input: parsed as ScenarioInput, problem: null };
    return { input: null, problem: 'is not a scenario (an object of fields)' };
  } catch {
    return { input: null, problem: 'could not be read (was the link cut short?)' };
  }
}

/** A seed as typed or linked: a whole number where it is one JavaScript holds exactly, else the text itself. */
export function readSeed(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/**
 * What an address says (its query, or for older links its fragment), and
 * what could not be read. The fields themselves are validated later, by the
 * library, and shown next to the field they concern.
 *
 * @returns the state and extras to show; `problems`, what the page could not read, in words; `problemA`, why the
 *   link's scenario A cannot be pinned, when it cannot even be read (it concerns the comparison, not the answer);
 *   and `kept`, what the address keeps as it was (see {@link KeptLink}).
 */
export function decodeState(
  search: string,
  hash = '',
): { state: PageState; extras: LinkExtras; problems: string[]; problemA: string | null; kept: KeptLink } {
  const query = new URLSearchParams(search.replace(/^\?/, ''));
  const params = [...query.keys()].length > 0 ? query : new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const scenarioText = params.get('scenario');
  const scenario = readInput(scenarioText);
  if (scenario.problem !== null)
    problems.push(
      `The link’s scenario ${scenario.problem}: the page shows the default scenario instead. The address keeps it until you change an assumption.`,
    );
  const aText = params.get('a');
  const a = readInput(aText);
  const runsText = params.get('runs');
  const runs = runsText === null ? defaultPageState.runs : Number(runsText);
  const seedText = params.get('seed');
  const seed = seedText === null ? defaultPageState.seed : readSeed(seedText);
  const name = (key: string, fallback: string) => (params.get(key) ?? fallback).trim().slice(0, maxName) || fallback;
  const currency = (params.get('currency') ?? '').trim().slice(0, maxCurrency);
  return {
    state: { input: scenario.input ?? {}, seed, runs },
    extras: { currency, compare: a.input, nameA: name('aName', defaultExtras.nameA), nameB: name('bName', defaultExtras.nameB) },
    problems,
    problemA: a.problem === null ? null : `it ${a.problem}`,
    kept: { scenario: scenario.problem === null ? undefined : (scenarioText ?? undefined), a: aText ?? undefined },
  };
}

// The result's fingerprint is the library's, so a hash on the page equals `cx-roi simulate`'s and `resultHash` in Node.
export { resultHash } from 'cx-roi';

/** Sets the value at a dotted path in a plain object, creating objects on the way; returns a new object. */
export function setAtPath(root: ScenarioInput, path: readonly string[], value: unknown): ScenarioInput {
  const [head, ...rest] = path;
  if (head === undefined) return value as ScenarioInput;
  const here = (root ?? {}) as Record<string, unknown>;
  const child = here[head];
  const copy: Record<string, unknown> = { ...here };
  // Defined as an own property, so a touchpoint called "__proto__" is a name, not a prototype.
  Object.defineProperty(copy, head, {
    value:
      rest.length === 0
        ? value
        : setAtPath((child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {}) as ScenarioInput, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy as ScenarioInput;
}
