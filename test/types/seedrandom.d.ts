// seedrandom ships its generators as plain CommonJS files without their own types.
// The library steps xor128 itself; the tests check it against this one.
declare module 'seedrandom/lib/xor128.js' {
  interface Xor128State {
    x: number;
    y: number;
    z: number;
    w: number;
  }
  interface Xor128Prng {
    (): number;
    double(): number;
    int32(): number;
    state(): Xor128State;
  }
  const xor128: (seed: string | number, options?: { state?: boolean | Xor128State }) => Xor128Prng;
  export default xor128;
}
