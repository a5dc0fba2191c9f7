/**
 * The whole state of the page lives in the URL's fragment, so a link
 * reproduces the same numbers: `#runs=2000&seed=1&scenario=<JSON, URI-encoded>`.
 * The scenario holds only what differs from the defaults.
 */
import type { ScenarioInput, SimulationResult } from 'cx-roi';

export interface PageState {
  readonly input: ScenarioInput;
  readonly seed: number | string;
  readonly runs: number;
}

export const defaultPageState: PageState = { input: {}, seed: 1, runs: 2000 };

/** The fragment for a state. */
export function encodeState(state: PageState): string {
  const params = new URLSearchParams();
  params.set('runs', String(state.runs));
  params.set('seed', String(state.seed));
  if (Object.keys(state.input).length > 0) params.set('scenario', JSON.stringify(state.input));
  return `#${params.toString()}`;
}

/** What a fragment says, or why it cannot be read (the fields themselves are validated later). */
export function decodeState(hash: string): { state: PageState; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  let input: ScenarioInput = {};
  const text = params.get('scenario');
  if (text !== null) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push('the link’s scenario is not an object of fields');
      else input = parsed as ScenarioInput;
    } catch {
      problems.push('the link’s scenario is not valid JSON (was the link cut short?)');
    }
  }
  const runsText = params.get('runs');
  const runs = runsText === null ? defaultPageState.runs : Number(runsText);
  const seedText = params.get('seed');
  const seed = seedText === null ? defaultPageState.seed : /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
  return { state: { input, seed, runs }, problems };
}

/** A short fingerprint of a result's numbers: equal results, equal hashes (FNV-1a, 32 bits). */
export function resultHash(result: Pick<SimulationResult, 'series' | 'horizon'>): string {
  const text = JSON.stringify([result.series, result.horizon]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Sets the value at a dotted path in a plain object, creating objects on the way; returns a new object. */
export function setAtPath(root: ScenarioInput, path: readonly string[], value: unknown): ScenarioInput {
  const [head, ...rest] = path;
  if (head === undefined) return value as ScenarioInput;
  const here = (root ?? {}) as Record<string, unknown>;
  const child = here[head];
  return {
    ...here,
    [head]: rest.length === 0 ? value : setAtPath((child !== null && typeof child === 'object' && !Array.isArray(child) ? child : {}) as ScenarioInput, rest, value),
  } as ScenarioInput;
}
