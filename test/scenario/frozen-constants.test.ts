/**
 * Every constant the package exports (its three entries) is frozen through
 * and through: a caller writing `accentureOutcomeSplit.positive = 0.9` or
 * `breakEvenMetrics.length = 0` gets a TypeError instead of changing every
 * later result. The namespaces are walked generically, so a constant added
 * later is checked without being listed here.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { accentureOutcomeSplit, breakEven, breakEvenMetrics, fieldRegistry, scenarioSchema } from '../../src/index.js';
import { deepFreeze } from '../../src/scenario/freeze.js';

const entries = {
  'cx-roi': () => import('cx-roi'),
  'cx-roi/testing': () => import('cx-roi/testing'),
  'cx-roi/bullmq': () => import('cx-roi/bullmq'),
};

/** The first path under `value` that is an object or array not frozen, or undefined when all are. */
function unfrozenPath(value: unknown, path: string, seen = new Set<unknown>()): string | undefined {
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (!Object.isFrozen(value)) return path;
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    const inner = descriptor && 'value' in descriptor ? unfrozenPath(descriptor.value, `${path}.${String(key)}`, seen) : undefined;
    if (inner) return inner;
  }
  if (value instanceof Map)
    for (const [key, item] of value) {
      const inner = unfrozenPath(item, `${path}.get(${String(key)})`, seen);
      if (inner) return inner;
    }
  return undefined;
}

/** Every object reachable through own data properties, with its path. */
function* objectsUnder(value: unknown, path: string, seen = new Set<unknown>()): Generator<[string, object]> {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  yield [path, value];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) yield* objectsUnder(descriptor.value, `${path}.${String(key)}`, seen);
  }
}

/** The registered metadata of every node of the scenario schema. */
function* fieldRecords(node: z.ZodType, path: string, seen = new Set<unknown>()): Generator<[string, object, z.ZodType]> {
  if (seen.has(node)) return;
  seen.add(node);
  if (fieldRegistry.has(node)) yield [path, fieldRegistry.get(node) as object, node];
  const def = node._zod.def as {
    shape?: Record<string, z.ZodType>;
    options?: z.ZodType[];
    valueType?: z.ZodType;
    innerType?: z.ZodType;
    in?: z.ZodType;
    out?: z.ZodType;
  };
  for (const [key, child] of Object.entries(def.shape ?? {})) yield* fieldRecords(child, `${path}.${key}`, seen);
  for (const [i, child] of (def.options ?? []).entries()) yield* fieldRecords(child, `${path}|${i}`, seen);
  for (const child of [def.valueType, def.innerType, def.in, def.out]) if (child) yield* fieldRecords(child, path, seen);
}

describe('exported constants are deeply frozen', () => {
  it.each(Object.keys(entries))(
    'every object or array %s exports is frozen, down to its leaves, and writing to it throws',
    async (entry) => {
      const namespace = await entries[entry as keyof typeof entries]();
      const checked: string[] = [];
      for (const [name, value] of Object.entries(namespace)) {
        if (value === null || typeof value !== 'object') continue;
        // A zod schema defines its methods lazily on itself on first use, so it cannot be frozen; its field metadata is checked below.
        if (value instanceof z.ZodType) continue;
        checked.push(name);
        expect(unfrozenPath(value, name), `${entry}: ${name} has a part not frozen`).toBeUndefined();
        for (const [path, object] of objectsUnder(value, name)) {
          const key = Reflect.ownKeys(object).find((k) => 'value' in Object.getOwnPropertyDescriptor(object, k)!) ?? 'added';
          // Test files are modules, so this assignment runs in strict mode.
          expect(
            () => {
              (object as Record<PropertyKey, unknown>)[key] = 'changed';
            },
            `${entry}: writing ${path}.${String(key)}`,
          ).toThrow(TypeError);
          expect(() => {
            (object as Record<string, unknown>).addedByACaller = 1;
          }, `${entry}: adding to ${path}`).toThrow(TypeError);
        }
      }
      if (entry === 'cx-roi') {
        // The walk must reach the constants the hardening list names (the walk, not this list, is the check).
        expect(checked).toEqual(
          expect.arrayContaining([
            'limits',
            'domains',
            'maturityMapping',
            'maturityQuestions',
            'maturityQuestionIds',
            'plausibility',
            'accentureOutcomeSplit',
            'breakEvenMetrics',
            'alternatives',
            'sources',
            'typicalProgrammes',
            'distributionNames',
            'fieldRegistry',
            'defaultScenario',
            'defaultBusiness',
            'defaultChannels',
            'contestedFigures',
            'derivedPaths',
          ]),
        );
      }
      if (entry === 'cx-roi/testing') expect(checked).toContain('modelProperties');
    },
  );

  it('the field registry is read-only: every record is frozen, and add, remove and clear throw', () => {
    let records = 0;
    for (const [path, record, node] of fieldRecords(scenarioSchema, 'scenario')) {
      records++;
      // A schema derived from another (a number with .min().max()) reads back a fresh merged copy: changing that copy changes nothing.
      if (!Object.isFrozen(record)) expect(fieldRegistry.get(node), `the record of ${path}`).not.toBe(record);
      for (const [key, part] of Object.entries(record))
        expect(unfrozenPath(part, `${path}.${key}`), `the record of ${path}`).toBeUndefined();
    }
    expect(records).toBeGreaterThan(30);
    const churn = scenarioSchema.shape.churn.shape.switchAfterBad;
    expect(() => fieldRegistry.add(churn, { ...fieldRegistry.get(churn)!, label: 'changed' })).toThrow(/read-only/);
    expect(() => fieldRegistry.remove(churn)).toThrow(/read-only/);
    expect(() => fieldRegistry.clear()).toThrow(/read-only/);
    expect(fieldRegistry.get(churn)?.label).toBe('Switching after a bad experience');
  });

  it('a caller cannot change a later result through accentureOutcomeSplit or breakEvenMetrics', () => {
    expect(() => {
      (accentureOutcomeSplit as { positive: number }).positive = 0.9;
    }).toThrow(TypeError);
    expect(accentureOutcomeSplit.positive).toBe(0.23);
    expect(() => {
      (breakEvenMetrics as unknown as string[]).length = 0;
    }).toThrow(TypeError);
    expect(breakEvenMetrics).toHaveLength(4);
    expect(typeof breakEven).toBe('function');
  });

  it('deepFreeze freezes nested parts of an object already frozen on top, and the items of a Map', () => {
    const inner = { x: 1 };
    const map = new Map([['k', { y: 2 }]]);
    const value = deepFreeze(Object.freeze({ inner, list: [inner], map }));
    expect(Object.isFrozen(inner)).toBe(true);
    expect(Object.isFrozen(map.get('k'))).toBe(true);
    expect(value.inner).toBe(inner);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(Object.isFrozen(deepFreeze(cyclic))).toBe(true);
    expect(deepFreeze(new Float64Array([1, 2]))).toHaveLength(2);
  });
});
