import type { CliIo } from './command.js';
import { standardInput } from './io.js';

/** A file argument read and parsed, or a failure already written to stderr. */
export type ReadResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** A file argument as messages name it: `-` is standard input. */
export function inputName(path: string): string {
  return path === standardInput ? 'standard input' : path;
}

/**
 * Reads a JSON file argument (`-`: standard input). A file that cannot be read, or is not JSON, is
 * reported on stderr in one line, naming the file, and `{ ok: false }` returned.
 */
export async function readJson(io: CliIo, path: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    io.stderr(`cx-roi: cannot read ${inputName(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return { ok: false };
  }
  // Editors on Windows may start a UTF-8 file with a byte-order mark; JSON.parse rejects it.
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    io.stderr(`cx-roi: ${inputName(path)} is not valid JSON: ${jsonError(json, (error as Error).message)}\n`);
    return { ok: false };
  }
}

/** Reads a scenario file, or gives the default scenario (`{}`) when none is named. */
export function readScenario(io: CliIo, path: string | undefined): Promise<ReadResult> {
  return path === undefined ? Promise.resolve({ ok: true, value: {} }) : readJson(io, path);
}

/** Refuses `-` given more than once: standard input holds one text, and a second `-` would read nothing. */
export function standardInputOnce(io: CliIo, files: readonly (string | undefined)[]): boolean {
  if (files.filter((file) => file === standardInput).length <= 1) return true;
  io.stderr('cx-roi: - (standard input) can be given once\n');
  return false;
}

/** A JSON.parse error with the line and column of its position. */
export function jsonError(text: string, message: string): string {
  const position = Number(message.match(/at position (\d+)/)?.[1]);
  if (!Number.isInteger(position)) return message;
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
