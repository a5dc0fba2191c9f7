/**
 * The host facilities the library (src/ but the CLI and cx-roi/bullmq) uses, for tsconfig.lib.json, which has
 * neither the DOM's nor Node's types: the library runs in both, so it may use only what both provide. Each
 * is declared with just the members the library uses, and each exists in Node 20 and later and in browsers
 * (workers included). A use of anything else (document, Buffer, fs …) fails the library's type-check: add
 * it here only when both platforms have it, else reach it behind a check of the platform, typed locally.
 *
 * Script file (no import or export): the declarations are global. Not for the other tsconfigs, where the
 * DOM's and Node's own types declare the same names.
 */

/** What setTimeout returns: a number in browsers, a Timeout object in Node; only handed to clearTimeout. */
interface HostTimeout {
  readonly __hostTimeout: never;
}

/** Timers: the HTML standard's, which Node has as globals too. */
declare function setTimeout(handler: () => void, milliseconds?: number): HostTimeout;
declare function clearTimeout(timeout: HostTimeout | undefined): void;

/** The HTML standard's deep copy; Node 17 and later have it as a global. */
declare function structuredClone<T>(value: T): T;

/** UTF-8 text to bytes and back (the Encoding standard): globals in Node 11 and later. */
declare class TextEncoder {
  encode(text?: string): Uint8Array;
}
declare class TextDecoder {
  decode(bytes?: Uint8Array): string;
}

/** The DOM standard's cancel signal, as simulateParallel takes it: a global in Node 15 and later. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** The URL standard's URL (the worker file's, from import.meta.url): a global in Node 10 and later. */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
}

/** An ES module's own URL: browsers and Node's ES modules set it (tsup shims it in the CommonJS build). */
interface ImportMeta {
  readonly url: string;
}

/**
 * A message port's event: the HTML standard's, which Node's MessageChannel uses too. Its data is any, as the
 * DOM's: what the other side sent, which a listener declares (MessageEvent<ShardMessage>).
 */
// biome-ignore lint/suspicious/noExplicitAny: as the DOM declares it, so a listener may take the type of message it expects
interface MessageEvent<T = any> {
  readonly data: T;
}

/** Two linked message ports (the HTML standard's): a global in Node 15 and later; a later task of the event loop. */
interface MessagePort {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}
declare class MessageChannel {
  readonly port1: MessagePort;
  readonly port2: MessagePort;
}

/**
 * A Web Worker's error event. Browsers only, as Worker below: the library reaches both after checking it does
 * not run in Node (isNode), where it uses worker_threads, typed where it is imported.
 */
interface ErrorEvent {
  readonly message: string;
}

/** A module Web Worker (browsers only, see ErrorEvent: Node has no global Worker). */
declare class Worker {
  constructor(url: URL, options: { type: 'module' });
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: unknown, options: { transfer: ArrayBuffer[] }): void;
  terminate(): void;
}

/** The browser's navigator, for its core count; Node has one from 21 only, so it may be missing. */
declare var navigator: { readonly hardwareConcurrency: number } | undefined;
