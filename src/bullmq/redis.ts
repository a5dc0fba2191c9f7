/** Redis for cx-roi/bullmq: reading an address, letting go of a connection, and watching that Redis still answers. */
import type { ConnectionOptions } from 'bullmq';
import { ScenarioError } from 'cx-roi';

/** Where Redis is: `redis://[user:password@]host:port[/db]` (`rediss://` for TLS), or BullMQ's connection options. */
export type RedisConnection = string | ConnectionOptions;

/**
 * A Redis address with its password hidden, to print or to put in an error:
 * everything between the user name's colon and the last `@` (a password may
 * hold a raw `/` or `@` that a URL parser would misread).
 *
 * @example
 * ```ts
 * import { redactedAddress } from 'cx-roi/bullmq';
 * redactedAddress('redis://app:s3cret@10.0.0.5:6379/2'); // => 'redis://app:***@10.0.0.5:6379/2'
 * // A password alone, and one holding a raw @.
 * redactedAddress('redis://s3cret@10.0.0.5:6379'); // => 'redis://***@10.0.0.5:6379'
 * redactedAddress('redis://app:p@ss@10.0.0.5:6379'); // => 'redis://app:***@10.0.0.5:6379'
 * redactedAddress('redis://10.0.0.5:6379'); // => 'redis://10.0.0.5:6379'
 * ```
 */
export function redactedAddress(connection: string): string {
  if (typeof connection !== 'string') return String(connection);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(connection)?.[0] ?? '';
  const at = connection.lastIndexOf('@');
  if (at < scheme.length) return connection;
  const credentials = connection.slice(scheme.length, at);
  const colon = credentials.indexOf(':');
  // No colon: the part before @ is a password alone (redis://secret@host) or a user name; hide it either way.
  const user = colon < 0 ? '' : credentials.slice(0, colon);
  return `${scheme}${user}${colon < 0 && user === '' ? '' : ':'}***${connection.slice(at)}`;
}

/** A URL part percent-decoded, or a ScenarioError naming the part when its encoding is bad. */
function decodedPart(part: string, name: 'user name' | 'password', connection: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ScenarioError([
      {
        path: 'options.connection',
        value: redactedAddress(connection),
        message: `has a ${name} that is not valid percent-encoding (write % as %25, and each other escape as % and two hex digits)`,
      },
    ]);
  }
}

/**
 * BullMQ's connection options for a Redis address.
 *
 * @param connection - `redis://[user:password@]host:port[/db]` (`rediss://` for TLS; user name and password percent-encoded), or BullMQ's connection options, returned as they are.
 * @returns The options BullMQ's queues and workers take.
 * @throws `ScenarioError` (cx-roi's) naming `options.connection` and what is wrong with the address (the password hidden).
 * @example
 * ```ts
 * import { redisOptions } from 'cx-roi/bullmq';
 * redisOptions('redis://app:s%40cret@10.0.0.5:6379/2'); // => { host: '10.0.0.5', port: 6379, username: 'app', password: 's@cret', db: 2 }
 * redisOptions('rediss://[::1]'); // => { host: '::1', port: 6379, tls: {} }
 * redisOptions('http://10.0.0.5:6379'); // throws ScenarioError: options.connection: must start with redis:// or rediss://
 * ```
 */
export function redisOptions(connection: RedisConnection): ConnectionOptions {
  const bad = (message: string): never => {
    throw new ScenarioError([
      { path: 'options.connection', value: typeof connection === 'string' ? redactedAddress(connection) : connection, message },
    ]);
  };
  // A URL or a String object is an address given the wrong way, not BullMQ's options (which it would read as none).
  if (connection instanceof URL || connection instanceof String)
    return bad("must be the address as a string (String(url)), or BullMQ's connection options");
  if (connection !== null && typeof connection === 'object' && !Array.isArray(connection)) return connection;
  if (typeof connection !== 'string') return bad("must be a Redis address such as redis://127.0.0.1:6379, or BullMQ's connection options");
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    return bad('must be a Redis address such as redis://127.0.0.1:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return bad('must start with redis:// or rediss://');
  if (url.hostname === '') return bad('names no host: redis://host:6379');
  if (url.port === '0') return bad('names port 0: a Redis port is from 1 to 65535');
  if (url.search || url.hash) return bad('takes no ?query or #fragment: the database goes in the path, redis://host:6379/2');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,6}$/.test(db)) return bad(`names database "${db}": a database is a whole number from 0 (redis://host:6379/2)`);
  return {
    // An IPv6 address comes bracketed in a URL ([::1]); Redis clients take it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodedPart(url.username, 'user name', connection) } : {}),
    ...(url.password ? { password: decodedPart(url.password, 'password', connection) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ's workers block on Redis; ioredis must not give up on a command while they wait.
    maxRetriesPerRequest: null,
  };
}

/** Where a connection goes, in words, for a message. */
export function describeConnection(connection: RedisConnection, options: ConnectionOptions): string {
  if (typeof connection === 'string') return redactedAddress(connection);
  const address = options as { host?: string; port?: number; path?: string };
  return address.path ?? `${address.host ?? '127.0.0.1'}:${address.port ?? 6379}`;
}

/**
 * Connection options whose reconnections stop once `stopped()` is true
 * (ioredis's retryStrategy returning null), keeping the options' own strategy
 * (or BullMQ's) until then. A client of the app's own (an ioredis instance) is
 * the app's to close, and is left as it is.
 */
export function stoppable(options: ConnectionOptions, stopped: () => boolean): ConnectionOptions {
  if (typeof (options as { duplicate?: unknown }).duplicate === 'function') return options;
  const own = (options as { retryStrategy?: (times: number) => number | null | undefined }).retryStrategy;
  // BullMQ's own strategy, when the options bring none: from 1 s, growing to 20 s.
  const retry = (times: number) => (own ? own(times) : Math.max(Math.min(Math.exp(times), 20_000), 1000));
  return { ...options, retryStrategy: (times: number) => (stopped() ? null : retry(times)) } as ConnectionOptions;
}

/** Redis's answers to a connection's set-up (SELECT, AUTH) that no retry mends. */
const fatalSetUp = /^(ERR (DB index is out of range|invalid DB index)|NOAUTH|WRONGPASS|ERR (invalid password|AUTH)|NOPERM)/i;

/** How Redis is doing, as a client or worker of cx-roi/bullmq sees it (pinged once a second). */
export type RedisStatus =
  /** Redis stopped answering (or never did yet); the watch keeps trying until its time is up. */
  | { readonly state: 'lost'; readonly message: string }
  /** Redis answers again after it was lost. */
  | { readonly state: 'back'; readonly message: string }
  /** Redis did not answer for the watch's whole time: the client or worker gives up. */
  | { readonly state: 'gave-up'; readonly message: string; readonly error: Error };

/**
 * Pings Redis once a second through a BullMQ queue's connection; when no ping
 * has been answered for `timeout` ms (Redis unreachable, killed, or refusing
 * every command, as for a database that does not exist), it gives up once,
 * with an error that names Redis and the last thing it said. Errors of the
 * queues and workers are passed to {@link RedisWatch.remember}: they repeat
 * while Redis is down, so only the last is kept, and nothing is printed.
 */
export class RedisWatch {
  private lastError = '';
  private failingSince: number | undefined = undefined;
  private answered = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private pinging = false;
  /** The error it gave up with, once it has. */
  gaveUp: Error | undefined;

  private readonly onStatus: (status: RedisStatus) => void;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly where: string,
    private readonly timeout: number,
    onStatus: (status: RedisStatus) => void,
    private readonly every = 1000,
  ) {
    this.onStatus = (status) => {
      try {
        onStatus(status);
      } catch {
        // A caller's callback that throws must not stop the watch, nor end the process with an unhandled rejection.
      }
    };
  }

  /** The last error Redis or its clients gave, in words ('' if none). */
  get problem(): string {
    return this.lastError;
  }

  /** Starts pinging; the timer does not keep the process alive. */
  start(): this {
    this.failingSince = Date.now();
    void this.check();
    this.timer = setInterval(() => void this.check(), this.every);
    this.timer.unref?.();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Whether Redis has not answered for longer than a ping's interval: since it last answered, or since the watch
   * started. A client still connecting in its first second (a busy machine) is not yet "not answering".
   */
  get failing(): boolean {
    return this.failingSince !== undefined && Date.now() - this.failingSince > this.every;
  }

  /**
   * Keeps a queue's or worker's error, for the message. An error in the
   * connection's set-up (a database that does not exist, a wrong password) is
   * given up on at once: the client goes on without it (ioredis then uses
   * database 0), so waiting would not help and could mix two fleets' queues.
   */
  remember(error: Error): void {
    if (!error?.message) return;
    this.lastError = error.message;
    if (!this.gaveUp && fatalSetUp.test(error.message)) {
      const fatal = new Error(`Redis at ${this.where} refused the connection's set-up (${error.message})`);
      fatal.name = 'RedisError';
      this.gaveUp = fatal;
      this.stop();
      this.onStatus({ state: 'gave-up', message: fatal.message, error: fatal });
    }
  }

  private async check(): Promise<void> {
    if (this.pinging || this.gaveUp) return;
    this.pinging = true;
    // A ping waits in ioredis's queue while it reconnects: a ping unanswered within the interval is a failed one.
    const answered = await Promise.race([
      this.ping().then(
        () => true,
        (error: unknown) => {
          this.remember(error as Error);
          return false;
        },
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.every).unref?.()),
    ]);
    this.pinging = false;
    if (!this.timer || this.gaveUp) return;
    const now = Date.now();
    if (answered) {
      if (this.answered && this.failingSince !== undefined)
        this.onStatus({ state: 'back', message: `Redis at ${this.where} answers again` });
      this.answered = true;
      this.failingSince = undefined;
      return;
    }
    if (this.failingSince === undefined) {
      this.failingSince = now;
      this.onStatus({
        state: 'lost',
        message: `Redis at ${this.where} does not answer${this.lastError ? ` (${this.lastError})` : ''}; trying again for ${this.timeout / 1000} s`,
      });
    }
    if (now - this.failingSince >= this.timeout) {
      const error = new Error(
        `Redis at ${this.where} did not answer for ${this.timeout / 1000} s${this.lastError ? ` (${this.lastError})` : ''}`,
      );
      error.name = 'RedisError';
      this.gaveUp = error;
      this.stop();
      this.onStatus({ state: 'gave-up', message: error.message, error });
    }
  }
}
