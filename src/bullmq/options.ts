/**
 * The checks of cx-roi/bullmq's options, one way for the worker and the client:
 * each check gives the problem with one option (or undefined), and
 * {@link rejectProblems} throws them all as one `ScenarioError`, before any
 * connection to Redis is made.
 */
import { ScenarioError } from 'cx-roi';
import { count, isWholeIn } from '../format/numbers.js';

/** The queue cx-roi uses unless told otherwise. */
export const defaultQueue = 'cx-roi';

/** How long a client or a worker keeps trying a Redis that does not answer, unless told otherwise. */
export const defaultRedisTimeout = 15_000;

/** The longest delay Node's timers take (2³¹ − 1 ms, about 24.8 days): the bound of every time option. */
const maxTimerMilliseconds = 2_147_483_647;

/**
 * Options with their defaults filled in: each one given and not undefined. (Required<T> would keep an
 * option's explicit `| undefined`.)
 */
export type Defaulted<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** What is wrong with one option: an issue of the `ScenarioError`. */
export interface OptionProblem {
  readonly path: string;
  readonly value: unknown;
  readonly message: string;
}

/** A check's answer: the problem, or undefined when the option is right. */
export type OptionCheck = OptionProblem | undefined;

/** Throws one `ScenarioError` listing every problem found, in the order given; does nothing when all checks passed. */
export function rejectProblems(checks: readonly OptionCheck[]): void {
  const problems = checks.filter((check): check is OptionProblem => check !== undefined);
  if (problems.length > 0) throw new ScenarioError(problems);
}

/** The problem `message` with `options.<name>` unless `ok`. */
export function unless(ok: boolean, name: string, value: unknown, message: string): OptionCheck {
  return ok ? undefined : { path: `options.${name}`, value, message };
}

/**
 * `options.<name>` must be a whole number (of `unit`) from `from` to `to`; a range up to Node's
 * longest timer is said as "from `from`" alone.
 */
export function wholeNumber(name: string, value: unknown, from: number, to: number, unit?: 'milliseconds'): OptionCheck {
  const range = to === maxTimerMilliseconds ? `from ${count(from)}` : `from ${count(from)} to ${count(to)}`;
  return unless(isWholeIn(value, from, to), name, value, `must be a whole number${unit ? ` of ${unit}` : ''} ${range}`);
}

/** `options.<name>` must be a whole number of milliseconds from `from` up to Node's longest timer. */
export function milliseconds(name: string, value: unknown, from: number): OptionCheck {
  return wholeNumber(name, value, from, maxTimerMilliseconds, 'milliseconds');
}

/** `options.queue` must be a queue's name: BullMQ puts it in Redis keys between colons. */
export function queueName(queue: unknown): OptionCheck {
  const ok = typeof queue === 'string' && queue.length > 0 && queue.length <= 200 && !queue.includes(':');
  return unless(ok, 'queue', queue, 'must be a name of 1 to 200 characters without ":"');
}

/** `options.<name>`, when given, must be a function of the `shape` written in the message. */
export function callback(name: string, value: unknown, shape: string): OptionCheck {
  return unless(value === undefined || typeof value === 'function', name, value, `must be a function ${shape}`);
}

/** A problem for each option of `options` not among `names`: a misspelt option is named, not ignored. */
export function unknownOptions(options: object, names: readonly string[], owner: string): OptionCheck[] {
  return Object.keys(options)
    .filter((key) => !names.includes(key))
    .map((key) => ({ path: `options.${key}`, value: undefined, message: `is not an option of ${owner} (options: ${names.join(', ')})` }));
}
