/** Whether this code runs in Node (a worker thread included), not a browser. */
export const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/**
 * Imports a Node built-in by a name held in a variable, so browser bundlers
 * do not try to resolve it (the call is never reached in a browser).
 */
export function importNodeBuiltin<T>(name: `node:${string}`): Promise<T> {
  return import(/* @vite-ignore */ name) as Promise<T>;
}
