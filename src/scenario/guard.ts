import { type ScenarioIssue, shortName } from './error.js';
import { count } from '../format/numbers.js';

/**
 * Bounds on the shape of a scenario, checked before anything walks it: a
 * valid scenario is at most five levels deep and has about fifty fields, so
 * these leave room for any real one while keeping hostile input (deeply
 * nested arrays, huge objects, megabyte-long names) from costing a stack
 * overflow or seconds of work.
 */
export const inputLimits = {
  /** Deepest nesting of objects and arrays. */
  depth: 16,
  /** Most object fields and array items in all. */
  entries: 10_000,
  /** Longest field name. */
  nameLength: 200,
  /** Longest text value (a distribution's name, a valuation method). */
  textLength: 1000,
} as const;

/** Names that would reach an object's prototype when merged. */
const forbiddenNames = new Set(['__proto__']);

/**
 * The problems with the shape of `input` (empty when its shape is fine), by
 * an iterative walk that stops at the first problem of each kind.
 */
export function shapeIssues(input: unknown): ScenarioIssue[] {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  let entries = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof value === 'string' && value.length > inputLimits.textLength)
      return [
        {
          path: path.join('.'),
          value: undefined,
          message: `text of ${count(value.length)} characters: text values are at most ${count(inputLimits.textLength)}`,
        },
      ];
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= inputLimits.depth)
      return [
        { path: path.join('.'), value: undefined, message: `nested too deeply: a scenario is at most ${inputLimits.depth} levels deep` },
      ];
    // A Map, a Promise (a forgotten await), a Date…: their entries are not fields, so they would read as {} and
    // the defaults would run unsaid. (By tag, not prototype: an object from another realm is as good.)
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (!Array.isArray(value) && tag !== 'Object')
      return [
        {
          path: path.join('.'),
          value: undefined,
          message: `must be a plain object of fields ({ … }), not a ${tag}${tag === 'Promise' ? ' (was an await forgotten?)' : ''}`,
        },
      ];
    // An array counts by its length: a sparse one's holes are entries that zod and JSON walk all the same.
    const keys = Array.isArray(value) ? null : Object.keys(value);
    entries += Array.isArray(value) ? value.length : (keys as string[]).length;
    if (entries > inputLimits.entries)
      return [
        {
          path: path.join('.'),
          value: undefined,
          message: `too many fields: a scenario has at most ${count(inputLimits.entries)} fields and list items in all`,
        },
      ];
    for (const key of keys ?? Array.from({ length: (value as unknown[]).length }, (_, i) => String(i))) {
      const at = [...path, shortName(key)];
      if (key.length > inputLimits.nameLength)
        return [
          {
            path: at.join('.'),
            value: undefined,
            message: `field name of ${count(key.length)} characters: names are at most ${inputLimits.nameLength}`,
          },
        ];
      if (forbiddenNames.has(key)) return [{ path: at.join('.'), value: undefined, message: `"${key}" is not allowed as a field name` }];
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return [];
}
