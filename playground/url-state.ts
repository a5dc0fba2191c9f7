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
 */
import type { ScenarioInput, SimulationResult } from 'cx-roi';

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

export const defaultPageState: PageState = { input: {}, seed: 1, runs: 2000 };
export const defaultExtras: LinkExtras = { currency: '', compare: null, nameA: 'A', nameB: 'B' };

/** Longest name of a compared scenario, and of a currency symbol. */
const maxName = 40;
const maxCurrency = 4;

/** The query string for a state: `?runs=…&seed=…&scenario=…`. */
export function encodeState(state: PageState, extras: LinkExtras = defaultExtras): string {
  const params = new URLSearchParams();
  params.set('runs', String(state.runs));
  params.set('seed', String(state.seed));
  if (Object.keys(state.input).length > 0) params.set('scenario', JSON.stringify(state.input));
  if (extras.currency !== '') params.set('currency', extras.currency);
  if (extras.compare !== null) {
    params.set('a', JSON.stringify(extras.compare));
    if (extras.nameA !== defaultExtras.nameA) params.set('aName', extras.nameA);
  }
  if (extras.nameB !== defaultExtras.nameB) params.set('bName', extras.nameB);
  return `?${params.toString()}`;
}

function readInput(params: URLSearchParams, key: string, what: string, problems: string[]): ScenarioInput | null {
  const text = params.get(key);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ScenarioInput;
    problems.push(`The link’s ${what} is not a scenario (an object of fields): the page shows the default scenario instead.`);
  } catch {
    problems.push(`The link’s ${what} could not be read (was the link cut short?): the page shows the default scenario instead.`);
  }
  return null;
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
 */
export function decodeState(search: string, hash = ''): { state: PageState; extras: LinkExtras; problems: string[] } {
  const query = new URLSearchParams(search.replace(/^\?/, ''));
  const params = [...query.keys()].length > 0 ? query : new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  const input = readInput(params, 'scenario', 'scenario', problems) ?? {};
  const compare = readInput(params, 'a', 'scenario A', problems);
  const runsText = params.get('runs');
  const runs = runsText === null ? defaultPageState.runs : Number(runsText);
  const seedText = params.get('seed');
  const seed = seedText === null ? defaultPageState.seed : readSeed(seedText);
  const name = (key: string, fallback: string) => (params.get(key) ?? fallback).trim().slice(0, maxName) || fallback;
  const currency = (params.get('currency') ?? '').trim().slice(0, maxCurrency);
  return {
    state: { input, seed, runs },
    extras: { currency, compare, nameA: name('aName', defaultExtras.nameA), nameB: name('bName', defaultExtras.nameB) },
    problems,
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
    value: rest.length === 0 ? value : setAtPath((child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {}) as ScenarioInput, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy as ScenarioInput;
}
