import type { SimulationResult } from '../simulate/result.js';

/**
 * A short fingerprint of a result's numbers: the bands of every month and
 * the horizon summary, FNV-1a (32 bits) of their JSON. Equal results give
 * equal hashes, so two machines, a sharded run and a single one, or a link
 * and the page it opens can be checked against each other at a glance.
 *
 * @param result - A result of `simulate`, `simulateParallel` or `mergeShards`.
 * @returns Eight hex digits.
 * @throws TypeError when `result` is not a simulation result.
 * @example
 * ```ts
 * import { resultHash, simulate } from 'cx-roi';
 * // The same on every machine:
 * resultHash(simulate({}, { runs: 500, seed: 1 })); // => '497baba5'
 * resultHash(simulate({}, { runs: 500, seed: 2 })); // => 'e24734db'
 * ```
 */
export function resultHash(result: Pick<SimulationResult, 'series' | 'horizon'>): string {
  if (
    result === null ||
    typeof result !== 'object' ||
    !Array.isArray(result.series) ||
    result.horizon === null ||
    typeof result.horizon !== 'object'
  )
    throw new TypeError('resultHash needs a simulation result (from simulate), with its series and horizon');
  const text = JSON.stringify([result.series, result.horizon]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
