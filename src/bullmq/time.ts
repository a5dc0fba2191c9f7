/** Waiting with a bound, for the worker and the client: neither may keep a process alive for a Redis that is gone. */

/** Resolves after `ms` milliseconds; the timer does not keep the process alive. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/** What a promise gives within `ms` milliseconds, or undefined (also when it rejects). */
export function bounded<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise.catch(() => undefined), delay(ms).then(() => undefined)]);
}
