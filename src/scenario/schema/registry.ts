import * as z from 'zod';
import type { Domain } from '../domain.js';
import type { SourceName } from '../sources.js';
import { deepFreeze } from '../freeze.js';

/** What the docs, the playground and `describeAssumptions` say about one scenario field. */
export interface FieldMeta {
  /**
   * A short name in plain words for people who do not read code, in sentence
   * case and at most about 40 characters, e.g. `"Switching after a bad experience"`
   * for `churn.switchAfterBad`. Fields given per touchpoint or per channel share
   * one label (`"Touchpoint failure rate"`): a display adds the name.
   */
  readonly label: string;
  /** Unit of the value, e.g. `"share per month"`. */
  readonly unit: string;
  /** What the field means in the model, in one sentence. */
  readonly description: string;
  /** The documented figure behind the default, or `null` for an illustrative assumption. */
  readonly source: SourceName | null;
  /** Allowed values. */
  readonly domain: Domain;
  /** Whether the field may be a distribution (`{ dist: ... }`) instead of a number. */
  readonly uncertain: boolean;
  /** Why the default is what it is, when it is an illustrative assumption. */
  readonly note?: string;
}

/**
 * Field metadata, keyed by schema: the one place docs tables are generated from.
 * Read it with `fieldRegistry.get(schema)`. It is read-only: every record is
 * frozen, and once the scenario schema is built `add`, `remove` and `clear`
 * throw a TypeError, since a changed label or domain would change every later
 * description and check. Keep metadata of your own in a `z.registry()` of your own.
 */
export const fieldRegistry = z.registry<FieldMeta>();
// While the sections are built, each record is frozen as it is registered.
const registerField = fieldRegistry.add.bind(fieldRegistry) as (schema: z.core.$ZodType, meta: FieldMeta) => unknown;
Object.defineProperty(fieldRegistry, 'add', {
  configurable: true,
  value: (schema: z.core.$ZodType, meta: FieldMeta) => {
    registerField(schema, deepFreeze(meta));
    return fieldRegistry;
  },
});

/** Makes the registry read-only: called once the scenario schema is built, so no field's record is added, replaced or removed after. */
export function closeFieldRegistry(): void {
  for (const change of ['add', 'remove', 'clear'] as const) {
    Object.defineProperty(fieldRegistry, change, {
      value: () => {
        throw new TypeError(`fieldRegistry is read-only (${change}): register metadata of your own in a z.registry() of your own`);
      },
    });
  }
  deepFreeze(fieldRegistry);
}
