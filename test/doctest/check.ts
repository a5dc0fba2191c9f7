// The checks a doctest module calls: a stated result must match to the digits it shows.

/** Digits after the decimal point in a number's shortest form: 0.125 → 3, 12 → 0. */
function decimals(x: number): number {
  const [mantissa = '', exponent = '0'] = String(x).split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/** Where `actual` differs from `expected` (numbers to the digits `expected` shows), or null. */
export function difference(actual: unknown, expected: unknown, path = ''): string | null {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return Number.isNaN(actual) ? null : `${path || 'value'} is ${actual}, not NaN`;
    const tolerance = 0.5 * 10 ** -decimals(expected) + 1e-12 * Math.abs(expected);
    return Math.abs(actual - expected) <= tolerance ? null : `${path || 'value'} is ${actual}, not ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) && !ArrayBuffer.isView(actual)) return `${path || 'value'} is not a list`;
    const list = Array.from(actual as ArrayLike<unknown>);
    if (list.length !== expected.length) return `${path || 'value'} has ${list.length} items, not ${expected.length}`;
    for (const [i, e] of expected.entries()) {
      const d = difference(list[i], e, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path || 'value'} is ${String(actual)}, not an object`;
    for (const [key, e] of Object.entries(expected)) {
      const d = difference((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path || 'value'} is ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`;
}

/** Checks that `compute()` gives the value the example states (the literal's text, read as JavaScript). */
export async function __expect(compute: () => unknown, literal: string, where: string): Promise<void> {
  const expected = new Function(`return (${literal});`)();
  const actual = await compute();
  const d = difference(actual, expected);
  if (d) throw new Error(`${where}: the example states ${literal}, but ${d}`);
}

/** Checks that `run()` throws an error called `name` whose message contains `words`. */
export async function __throws(run: () => unknown, name: string, words: string, where: string): Promise<void> {
  try {
    await run();
  } catch (error) {
    const e = error as Error;
    if (e?.name !== name && e?.constructor?.name !== name)
      throw new Error(`${where}: the example states it throws ${name}, but it threw ${e?.name}: ${e?.message}`);
    if (words && !String(e.message).includes(words))
      throw new Error(`${where}: the example states the message contains "${words}", but it is "${e.message}"`);
    return;
  }
  throw new Error(`${where}: the example states it throws ${name}, but it returned`);
}
