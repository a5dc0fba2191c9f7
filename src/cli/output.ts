import type { CliIo } from './command.js';

/** Writes a command's result: as JSON, or as the text a terminal reads. */
export async function writeResult<T>(io: CliIo, format: string, value: T, text: (value: T) => string): Promise<void> {
  await io.stdout(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : text(value));
}

/**
 * The format asked for (`--format`, or the command's first), or nothing after saying on stderr that the
 * command does not write it.
 */
export function chosenFormat(io: CliIo, given: string | boolean | undefined, formats: readonly string[]): string | undefined {
  const format = typeof given === 'string' ? given : (formats[0] as string);
  if (formats.includes(format)) return format;
  io.stderr(`cx-roi: --format must be one of ${formats.join(', ')} (got "${format}")\n`);
  return undefined;
}

/** A progress bar on stderr, redrawn in place: for a terminal only. */
export function progressBar(io: CliIo): (done: number, total: number) => void {
  const width = 30;
  return (done, total) => {
    const filled = Math.round((width * done) / total);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`);
  };
}

/** Erases the progress bar's line. */
export const clearLine = '\r\u001b[K';
