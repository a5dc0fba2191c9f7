/**
 * One way to run background work that a newer request makes stale: start it
 * with a key, and the one under way is aborted; its answer, if it still
 * comes, is dropped; an abort is not an error; the task is free again after.
 */

/** What a task's work came to: its value, or the error it failed with. Aborted or overtaken work comes to nothing (null). */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Error };

const isAbort = (error: unknown): boolean => (error as Error)?.name === 'AbortError';

export class KeyedTask<K = string> {
  #current: { readonly key: K; readonly controller: AbortController } | null = null;

  /** The key of the work under way, or undefined. */
  get key(): K | undefined {
    return this.#current?.key;
  }

  get busy(): boolean {
    return this.#current !== null;
  }

  /** Aborts the work under way, if any. */
  abort(): void {
    this.#current?.controller.abort();
    this.#current = null;
  }

  /** Runs `work` for `key`, aborting the work under way; null when it was aborted or overtaken. */
  async run<T>(key: K, work: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T> | null> {
    this.abort();
    const current = { key, controller: new AbortController() };
    this.#current = current;
    try {
      const value = await work(current.controller.signal);
      return this.#current === current ? { ok: true, value } : null;
    } catch (error) {
      if (isAbort(error) || this.#current !== current) return null;
      return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    } finally {
      if (this.#current === current) this.#current = null;
    }
  }
}
