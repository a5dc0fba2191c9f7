/**
 * Node's process, as the library looks for it: src/parallel/platform.ts tells Node from a browser by it, and
 * simulate-parallel.ts reads its flags once in Node. For the tsconfigs without Node's types (tsconfig.lib.json,
 * tsconfig.page.json). In a browser it is missing (or a bundler's stand-in without versions.node): declared as
 * Node's types declare it, and looked for with typeof before use, as isNode does. Only the members the library reads.
 */
declare var process: {
  readonly versions?: { readonly node?: string };
  readonly execArgv: readonly string[];
};
