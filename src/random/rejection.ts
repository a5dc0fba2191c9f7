import { count } from '../format/numbers.js';

/**
 * Most tries a rejection loop may take. A sound stream needs about 1.15 a
 * draw, so reaching this means the stream is not uniform (constant, NaN):
 * throw rather than spin for ever.
 */
export const maxRejections = 10_000;

/** The error for a stream that keeps a rejection loop from ending. */
export function degenerateStream(sampler: string): RangeError {
  return new RangeError(`${sampler}: no draw accepted in ${count(maxRejections)} tries; the stream must return uniforms in [0, 1)`);
}
