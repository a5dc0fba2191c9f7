/**
 * JSON as `JSON.stringify(value, null, 2)` writes it, but in pieces: the
 * outer objects and arrays are walked, and each item of a long array (a
 * result's runs) is written on its own. A million kept runs make a file of
 * a gigabyte or more, past the longest string JavaScript can hold, so the
 * whole text is never built.
 *
 * @param value - Plain data (objects, arrays, numbers, strings, booleans, null; typed arrays are written as lists).
 * @param write - Receives the text piece by piece, in order; pieces are at most about `chunkSize` characters plus one item.
 * @param chunkSize - How much text to gather before a write: a whole number of characters from 1.
 * @throws TypeError when `write` is not a function; RangeError for a `chunkSize` that is not a whole number from 1.
 * @example
 * ```ts
 * import { writeJson } from 'cx-roi';
 * const value = { seed: 1, runs: [{ roi: 0.5 }, { roi: -0.25 }] };
 * const chunks: string[] = [];
 * await writeJson(value, (text) => { chunks.push(text); }, 16);
 * // The text of JSON.stringify(value, null, 2), a line end, in pieces: an item of an array is never split.
 * chunks.join('') === `${JSON.stringify(value, null, 2)}\n`; // => true
 * chunks; // => ['{\n  "seed": 1,\n  "runs": ', '[\n    {\n      "roi": 0.5\n    }', ',\n    {\n      "roi": -0.25\n    }', '\n  ]\n}\n']
 * await writeJson(value, (text) => { chunks.push(text); }, 0); // throws RangeError: chunkSize must be a whole number of characters from 1
 * ```
 */
export async function writeJson(value: unknown, write: (text: string) => void | Promise<void>, chunkSize = 1 << 20): Promise<void> {
  if (typeof write !== 'function') throw new TypeError('writeJson needs a function to write its text with (write)');
  // A chunk of 0 or NaN characters would write one call per piece, or never flush until the end.
  if (!(Number.isInteger(chunkSize) && chunkSize >= 1))
    throw new RangeError(`writeJson's chunkSize must be a whole number of characters from 1, not ${String(chunkSize)}`);
  let buffer = '';
  const emit = async (text: string) => {
    buffer += text;
    if (buffer.length >= chunkSize) {
      const out = buffer;
      buffer = '';
      await write(out);
    }
  };
  await writeValue(value, '', 0, emit);
  await emit('\n');
  if (buffer.length > 0) await write(buffer);
}

// Below this depth an item is written with one JSON.stringify: fast, and small.
const walkedDepth = 2;

async function writeValue(value: unknown, indent: string, depth: number, emit: (text: string) => Promise<void>): Promise<void> {
  const inner = `${indent}  `;
  if (depth < walkedDepth && Array.isArray(value) && value.length > 0) {
    await emit('[\n');
    for (let i = 0; i < value.length; i += 1) {
      await emit(inner);
      await writeValue(value[i] === undefined || typeof value[i] === 'function' ? null : value[i], inner, depth + 1, emit);
      await emit(i < value.length - 1 ? ',\n' : '\n');
    }
    await emit(`${indent}]`);
    return;
  }
  if (depth < walkedDepth && writtenByEntries(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length > 0) {
      await emit('{\n');
      for (let i = 0; i < entries.length; i += 1) {
        const [key, child] = entries[i] as [string, unknown];
        await emit(`${inner}${JSON.stringify(key)}: `);
        await writeValue(child, inner, depth + 1, emit);
        await emit(i < entries.length - 1 ? ',\n' : '\n');
      }
      await emit(`${indent}}`);
      return;
    }
  }
  const text = JSON.stringify(value, typedArraysAsLists, 2) ?? 'null';
  await emit(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
}

// A run's monthly NPV is a typed array, which JSON.stringify would write as {"0": …}.
function typedArraysAsLists(_key: string, value: unknown): unknown {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float64Array) : value;
}

function writtenByEntries(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}
