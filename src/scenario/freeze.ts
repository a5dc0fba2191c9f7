/**
 * Freezes a value and everything reachable from it (own properties, array
 * items, the values inside a Map or Set), so a shared constant cannot be
 * changed by accident: a caller assigning to it gets a TypeError in strict
 * code instead of silently changing every later result.
 *
 * It walks children even of an object already frozen, because a shallow
 * `Object.freeze` leaves the nested objects writable. Typed arrays cannot be
 * frozen (their items stay writable) and are left as they are; functions are
 * not walked.
 *
 * @param value - The value to freeze in place; primitives are returned as they are.
 * @returns The same value, now frozen throughout (its type is unchanged, so `as const` and `readonly` types carry over).
 * @example
 * The library's shared constants are frozen with it, the default scenario among them:
 * ```ts
 * import { defaultScenario } from 'cx-roi';
 * Object.isFrozen(defaultScenario.churn); // => true
 * defaultScenario.churn.switchAfterBad = 0.5; // throws TypeError: Cannot assign to read only property 'switchAfterBad'
 * defaultScenario.churn.switchAfterBad; // => 0.86
 * ```
 */
export function deepFreeze<T>(value: T): T {
  freezeInto(value, new WeakSet());
  return value;
}

function freezeInto(value: unknown, seen: WeakSet<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  // A typed array with items cannot be frozen: Object.freeze throws on it.
  if (ArrayBuffer.isView(value)) return;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    // Read data properties only: calling a getter could compute, or throw.
    if (descriptor && 'value' in descriptor) freezeInto(descriptor.value, seen);
  }
  if (value instanceof Map)
    for (const [key, item] of value) {
      freezeInto(key, seen);
      freezeInto(item, seen);
    }
  else if (value instanceof Set) for (const item of value) freezeInto(item, seen);
}
