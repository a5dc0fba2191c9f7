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
