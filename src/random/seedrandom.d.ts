// seedrandom ships its generators as plain CommonJS files without their own types.
declare module 'seedrandom/lib/xor128.js' {
  interface Xor128Prng {
    (): number;
    double(): number;
    int32(): number;
  }
  const xor128: (seed: string) => Xor128Prng;
  export default xor128;
}
