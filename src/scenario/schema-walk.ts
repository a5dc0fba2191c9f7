import * as z from 'zod';
import type { Assumption } from './distribution.js';
import { type FieldMeta, fieldRegistry, type Scenario, scenarioSchema } from './schema.js';

/** One numeric field of a scenario, found by walking the schema and the scenario together. */
export interface Field {
  /** Dotted path, e.g. `"investment.rampMonths"` or `"journey.touchpointFailure.delivery"`. */
  readonly path: string;
  /** Its value in the scenario: a number, or a distribution. */
  readonly value: Assumption;
  /** Label, unit, description, source and range, from the schema. */
  readonly meta: FieldMeta;
}

/**
 * Every numeric field of a scenario in schema order, with its metadata. Lists
 * and records of touchpoints give one field per touchpoint.
 */
export function scenarioFields(scenario: Scenario): Field[] {
  const out: Field[] = [];
  walk(scenarioSchema, scenario, [], out);
  return out;
}

function isLeaf(value: unknown): value is Assumption {
  return typeof value === 'number' || (value !== null && typeof value === 'object' && 'dist' in value);
}

/** The schema inside an optional field or one with a default. */
export function unwrapped(schema: z.core.$ZodType): z.core.$ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner._zod.def.innerType;
  return inner;
}

function walk(outer: z.core.$ZodType, value: unknown, path: string[], out: Field[]): void {
  const schema = unwrapped(outer);
  const meta = fieldRegistry.get(schema);
  if (meta && isLeaf(value)) {
    out.push({ path: path.join('.'), value, meta });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = childrenAt(schema, key, child)[0];
    if (childSchema) walk(childSchema, child, [...path, key], out);
  }
}

/**
 * The schemas that may describe `key` inside `schema` (descending through
 * unions, lists and records), those that fit `value` first.
 */
export function childrenAt(outer: z.core.$ZodType, key: PropertyKey, value?: unknown): z.core.$ZodType[] {
  const schema = unwrapped(outer);
  if (schema instanceof z.ZodObject) {
    // Own keys only: a touchpoint named "constructor" must not find Object's.
    const child = Object.hasOwn(schema.shape, key) ? schema.shape[key as string] : undefined;
    return child ? [child] : [];
  }
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as z.core.$ZodType[];
    const fitting = options.filter((option) => (Array.isArray(value) ? option instanceof z.ZodArray : true));
    return [...fitting, ...options.filter((option) => !fitting.includes(option))].flatMap((option) => childrenAt(option, key, value));
  }
  if (schema instanceof z.ZodArray) return [schema.element];
  if (schema instanceof z.ZodRecord) return [schema.valueType];
  return [];
}
