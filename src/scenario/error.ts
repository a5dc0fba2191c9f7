import type * as z from 'zod';
import { count } from '../format/numbers.js';

/** One bad field of a scenario or an option. */
export interface ScenarioIssue {
  /** Dotted path of the field, e.g. `"churn.switchAfterBad"` or `"journey.touchpointFailure.delivery"`. */
  readonly path: string;
  /** The value given there (`undefined` when it was missing). */
  readonly value: unknown;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/**
 * Thrown for a scenario or options that cannot be simulated. Its `issues` list
 * every bad field by dotted path, the value given and what is allowed; its
 * message has one line per issue.
 *
 * @example
 * ```ts
 * import { ScenarioError, parseScenario } from 'cx-roi';
 * let error: ScenarioError | undefined;
 * try {
 *   parseScenario({ horizonMonths: 0, churn: { switchAfterBad: 2 } });
 * } catch (e) {
 *   if (e instanceof ScenarioError) error = e;
 * }
 * error?.issues.map((issue) => issue.path); // => ['horizonMonths', 'churn.switchAfterBad']
 * error?.issues[0]; // => { path: 'horizonMonths', value: 0, message: 'must be a whole number of months from 1 to 240' }
 * error?.message.split('\n')[0]; // => 'Invalid scenario:'
 * ```
 */
export class ScenarioError extends Error {
  /** Every problem found (the first {@link maxReportedIssues}, then one line counting the rest). */
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    if (
      !Array.isArray(issues) ||
      !issues.every(
        (issue) => issue !== null && typeof issue === 'object' && typeof issue.path === 'string' && typeof issue.message === 'string',
      )
    )
      throw new TypeError('ScenarioError needs a list of issues, each { path, value, message } with path and message as text');
    const kept =
      issues.length > maxReportedIssues
        ? [
            ...issues.slice(0, maxReportedIssues),
            { path: '', value: undefined, message: `and ${count(issues.length - maxReportedIssues)} more issues` },
          ]
        : issues;
    super(`Invalid scenario:\n${kept.map(formatIssue).join('\n')}`);
    this.name = 'ScenarioError';
    this.issues = kept;
  }
}

/** Most issues a ScenarioError lists: past that, a line counts the rest (a message stays readable whatever the input). */
export const maxReportedIssues = 50;

/**
 * One line of a ScenarioError's message: `path: message (got value)`.
 *
 * @example
 * ```ts
 * import { formatIssue } from 'cx-roi';
 * const issue = { path: 'churn.base', value: 2, message: 'must be a probability from 0 to 1' };
 * formatIssue(issue); // => '  churn.base: must be a probability from 0 to 1 (got 2)'
 * formatIssue({ path: '', value: undefined, message: 'must be an object' }); // => '  (scenario): must be an object'
 * ```
 */
export function formatIssue(issue: ScenarioIssue): string {
  if (issue === null || typeof issue !== 'object')
    throw new TypeError(`formatIssue needs an issue { path, value, message }, not ${show(issue)}`);
  const where = issue.path === '' ? '(scenario)' : issue.path;
  const got = issue.value === undefined ? '' : ` (got ${show(issue.value)})`;
  return `  ${where}: ${issue.message}${got}`;
}

/** Longest preview of a value in a message. */
const previewLength = 80;

/**
 * A short, JSON-like preview of any value, built by visiting only as much of
 * it as fits: a huge array, a long string, a BigInt or an object without a
 * prototype never costs more than the preview (JSON.stringify of the whole
 * value could take seconds, throw, or crash the process).
 */
export function show(value: unknown): string {
  let out = '';
  const seen = new Set<object>();
  const write = (text: string) => {
    out += text;
    return out.length <= previewLength;
  };
  const visit = (x: unknown): boolean => {
    if (typeof x === 'string') return write(JSON.stringify(x.length > previewLength ? `${x.slice(0, previewLength)}` : x));
    if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return write(String(x));
    if (typeof x === 'bigint') return write(`${x}n`);
    if (typeof x !== 'object') return write(`<${typeof x}>`);
    if (seen.has(x)) return write('<cycle>');
    seen.add(x);
    if (Array.isArray(x)) {
      if (!write('[')) return false;
      for (let i = 0; i < x.length; i += 1) if ((i > 0 && !write(',')) || !visit(x[i])) return false;
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key in x) {
      if (!Object.hasOwn(x, key)) continue;
      if ((!first && !write(',')) || !write(`${JSON.stringify(key.length > previewLength ? key.slice(0, previewLength) : key)}:`))
        return false;
      first = false;
      if (!visit((x as Record<string, unknown>)[key])) return false;
    }
    return write('}');
  };
  visit(value);
  return out.length > previewLength ? `${out.slice(0, previewLength - 3)}...` : out;
}

/** The value at a path inside `root`, or `undefined`. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/**
 * Turns zod's issues into ScenarioIssues. A union (a number or a distribution;
 * one failure rate or a list or a record of them) reports the errors of the
 * alternative the input was meant to be, not of every alternative.
 */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  allowedKeysAt: (path: readonly PropertyKey[]) => readonly string[],
  prefix: readonly PropertyKey[] = [],
): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = chooseAlternative(issue.errors, valueAt(input, path));
      if (meant) {
        out.push(...fromZodIssues(meant, input, allowedKeysAt, path));
        continue;
      }
      out.push({ path: dotted(path), value: valueAt(input, path), message: describeUnion(valueAt(input, path), issue.errors.length) });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(path);
      for (const key of issue.keys) {
        const hint = closest(key, allowed);
        out.push({
          path: dotted([...path, shortName(key)]),
          value: valueAt(input, [...path, key]),
          message: `unknown field${hint ? `; did you mean "${hint}"?` : allowed.length ? '.' : ''}${allowed.length ? ` Allowed here: ${allowed.join(', ')}` : ''}`,
        });
      }
      continue;
    }
    out.push({ path: dotted(path), value: valueAt(input, path), message: issueMessage(issue) });
  }
  return out;
}

/** Whether a union alternative failed only because the input is of another type. */
function wrongType(errors: readonly z.core.$ZodIssue[]): boolean {
  return errors.some(
    (e) =>
      e.path.length === 0 &&
      (e.code === 'invalid_type' || (e.code === 'invalid_union' && e.errors.length > 0 && e.errors.every(wrongType))),
  );
}

function chooseAlternative(
  alternatives: readonly (readonly z.core.$ZodIssue[])[],
  value: unknown,
): readonly z.core.$ZodIssue[] | undefined {
  // A number (NaN and Infinity too) was meant as the fixed value, listed first in every union.
  if (typeof value === 'number') return alternatives[0];
  const meant = alternatives.filter((errors) => !wrongType(errors));
  if (meant.length <= 1) return meant[0];
  // An object fits both a distribution and a record of touchpoints: a `dist`
  // key means the distribution (listed first in every union), else the record.
  const wantsDistribution = value !== null && typeof value === 'object' && 'dist' in value;
  return wantsDistribution ? meant[0] : meant[meant.length - 1];
}

function describeUnion(value: unknown, alternatives: number): string {
  // Only optional sections (channels, a channel budget) leave a field with no default to fill it.
  if (value === undefined) return 'missing: this section has no defaults, so give it';
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  if (alternatives > 2)
    return `expected a failure probability, a distribution, a list of them (one per touchpoint) or an object of named touchpoints, e.g. { "delivery": 0.02 }; got ${kind}. Named touchpoints merge with the defaults name by name; a list or a single number replaces the whole journey`;
  return `expected a number or a distribution { dist: "uniform" | "triangular" | "pert" | "beta" | "normal" | "lognormal", ... }, got ${kind}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue)
    return `unknown distribution; "dist" must be one of "uniform", "triangular", "pert", "beta", "normal", "lognormal"`;
  if (issue.code === 'invalid_type') {
    const received = (issue as { received?: unknown }).received;
    if (received === 'NaN' || received === 'Infinity' || received === '-Infinity')
      return `must be a finite number, not ${String(received)}`;
    if (received === undefined && /received undefined$/.test(issue.message)) return `missing: expected ${issue.expected}`;
    return issue.message.replace(/^Invalid input: /, '');
  }
  if (issue.code === 'invalid_key') return `invalid name: ${issue.issues.map((inner) => inner.message).join('; ')}`;
  return issue.message;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The allowed name nearest to a misspelt one (edit distance ≤ 3), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip the work when that alone is too far.
    if (Math.abs(word.length - candidate.length) >= bestDistance) continue;
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** A name cut to a readable length for messages. */
export function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}
