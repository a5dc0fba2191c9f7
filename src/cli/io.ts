import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';

/**
 * Most bytes the CLI reads from one file or from standard input. A scenario
 * is a few kilobytes (about fifty fields); the cap leaves room for any real
 * one, pretty-printed, while keeping `/dev/zero`, a log file given by mistake
 * or an endless pipe from costing memory and seconds before it is refused.
 */
export const maxInputBytes = 4 * 2 ** 20;

/** The file argument that stands for standard input. */
export const standardInput = '-';

/**
 * A scenario (or observed figures, or maturity answers) as text: from
 * standard input when `path` is `-`, otherwise from the file at `path`, each
 * read up to {@link maxInputBytes}.
 *
 * @throws Error when the file cannot be opened (its `code`, e.g. ENOENT), is
 * not a regular file, or has more than `limit` bytes; the message says which.
 * @example
 * const text = await readInput(process.argv[3] ?? '-');
 */
export function readInput(path: string, limit = maxInputBytes): Promise<string> {
  return path === standardInput ? readAtMost(process.stdin, limit, 'it') : readScenarioFile(path, limit);
}

/**
 * The text of a regular file of at most `limit` bytes. Devices, pipes and
 * directories are refused before they are read (from `/dev/zero` or a FIFO a
 * whole read never ends), and so is a file over the cap, by its size; the read
 * itself stops at the cap too, since a file can grow between the check and
 * the read.
 *
 * @param limit - most bytes read
 * @defaultValue limit {@link maxInputBytes}
 * @throws Error naming what the file is and why it is refused, or the
 * system's error (with its `code`) when it cannot be opened or read.
 */
export async function readScenarioFile(path: string, limit = maxInputBytes): Promise<string> {
  // By name first, so that a device is never opened (opening one can have effects of its own).
  checkRegular(await stat(path), limit);
  // Non-blocking: opening a FIFO that was put in the file's place waits for a writer otherwise.
  // No controlling terminal: opening a terminal put there must not make it this process's.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  try {
    // What was opened, which may not be what was named a moment ago.
    checkRegular(await handle.stat(), limit);
    return await readAtMost(piecesOf(handle), limit, 'a file');
  } finally {
    await handle.close();
  }
}

/** A file's bytes, a piece at a time, from where the last read ended. */
async function* piecesOf(handle: FileHandle): AsyncGenerator<Uint8Array> {
  for (;;) {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * The text of a stream, read piece by piece and refused as soon as it passes
 * `limit` bytes (an endless pipe is never held whole). Decoded as UTF-8 once
 * complete, so a character split between pieces is read whole.
 *
 * @param holder - what the cap applies to, in the refusal's words: "it" (standard input) or "a file"
 * @throws Error when the stream passes `limit` bytes, or the stream's own error
 */
export async function readAtMost(stream: AsyncIterable<Uint8Array | string>, limit: number, holder: string): Promise<string> {
  const pieces: Buffer[] = [];
  let bytes = 0;
  for await (const piece of stream) {
    const buffer = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    bytes += buffer.byteLength;
    // Leaving the loop destroys the stream: nothing more is read.
    if (bytes > limit) throw new Error(`more than the ${capText(limit)} ${holder} may have`);
    pieces.push(buffer);
  }
  return Buffer.concat(pieces).toString('utf8');
}

/** Refuses what is not a regular file of at most `limit` bytes. */
function checkRegular(stats: Stats, limit: number): void {
  if (!stats.isFile()) throw new Error(`not a regular file (${kindOf(stats)}); a scenario is read from a file or from standard input (-)`);
  if (stats.size > limit) throw new Error(`${bytesText(stats.size)}, more than the ${capText(limit)} a file may have`);
}

/** What a file that is not a regular one is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a file of data';
}

function bytesText(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** A cap in bytes, and in megabytes when it is a whole number of them: "4 MB (4,194,304 bytes)". */
function capText(bytes: number): string {
  return bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20} MB (${bytesText(bytes)})` : bytesText(bytes);
}

/**
 * Ends the process as a failed write calls for. A reader that stops early
 * (`cx-roi simulate --format json | head -1`) closes the pipe: that is the
 * reader's choice, not a failure, and C tools stop silently there too (by
 * SIGPIPE), so EPIPE ends the process quietly with 0, which also keeps
 * `set -o pipefail` scripts that read only the start working. Any other failed
 * write to standard output (a full disk, `> /dev/full`, an I/O error) loses
 * output: one line on standard error and exit code 1, not a stack trace.
 * Nothing can be reported once standard error itself fails; its errors are
 * ignored and the exit code still says what happened.
 *
 * Node.js opens `/dev/null` in place of a closed standard output before any
 * script runs (`cx-roi simulate >&-`), so such output is discarded as if it
 * had been sent to `/dev/null`; the process cannot tell the two apart.
 */
export function endOnFailedWrites(
  stdout: NodeJS.EventEmitter = process.stdout,
  stderr: NodeJS.EventEmitter & { write: (text: string) => unknown } = process.stderr,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return exit(0);
    stderr.write(`cx-roi: cannot write to standard output: ${writeErrorText(error)}\n`);
    exit(1);
  });
  stderr.on('error', () => {});
}

/** A system error as its code and, in brackets, the system's words: "ENOSPC (no space left on device)". */
function writeErrorText(error: NodeJS.ErrnoException): string {
  // Node's message reads "ENOSPC: no space left on device, write".
  const words = error.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+$/, '');
  return error.code && words !== error.code ? `${error.code} (${words})` : (error.code ?? error.message);
}
