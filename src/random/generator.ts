/**
 * xor128 (Marsaglia 2003) as an object whose state can be set, copied and
 * stepped: the engine's streams. The same step and the same
 * `(next >>> 0) / 2³²` uniforms as the closures `createStream` returns, so a
 * generator seeded from a key draws what that key's stream draws, bit for bit
 * (tested). Why an object: the engine steps nine of them per arm and month,
 * and a method call on one class is inlined where a closure call through a
 * variable is not; its state can be copied when one arm's streams must take
 * up where the other's are (see `simulateRun`), and one set is reused run
 * after run instead of allocating eighteen closures a run.
 */
export class Xor128 {
  private x = 0;
  private y = 0;
  private z = 0;
  private w = 0;

  /** Sets the state (a state of all zeros is replaced as `createStream` does). */
  setState(x: number, y: number, z: number, w: number): void {
    this.x = x | 0;
    this.y = y | 0;
    this.z = z | 0;
    this.w = (x | y | z | w) === 0 ? 0x9e3779b9 | 0 : w | 0;
  }

  /** Takes `other`'s state: from now on both draw the same numbers. */
  copyFrom(other: Xor128): void {
    this.x = other.x;
    this.y = other.y;
    this.z = other.z;
    this.w = other.w;
  }

  /** The next uniform in [0, 1), with 32-bit resolution. */
  next(): number {
    const x = this.x;
    const t = x ^ (x << 11);
    this.x = this.y;
    this.y = this.z;
    const w = this.w;
    this.z = w;
    const next = w ^ (w >>> 19) ^ t ^ (t >>> 8);
    this.w = next;
    return (next >>> 0) / 0x100000000;
  }
}

/** Anything that hands out uniforms in [0, 1): a generator, or a caller's stream wrapped by {@link FunctionUniforms}. */
export interface Uniforms {
  next(): number;
}

/** A caller's stream (a function) as {@link Uniforms}. */
export class FunctionUniforms implements Uniforms {
  constructor(private readonly random: () => number) {}

  next(): number {
    return this.random();
  }
}
