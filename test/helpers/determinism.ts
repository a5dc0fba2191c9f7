import { expect } from 'vitest';

/**
 * Reusable determinism property: two calls with the same inputs give
 * identical outputs, bit for bit (compared through JSON, where −0 and 0 and
 * NaN would show; the library never outputs NaN).
 */
export function expectSameTwice<T>(make: () => T): T {
  const first = make();
  const second = make();
  expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  return first;
}
