import { parseArgs } from 'node:util';
import { ScenarioError } from 'cx-roi';
import type { Command, Flag, FlagValues } from './command.js';
import { closest } from './did-you-mean.js';

/** `--help` and `-h`, which every command takes. */
export const helpFlag: Flag = { name: 'help', type: 'boolean', short: 'h', description: 'this help' };

/** `--version` and `-v`: taken anywhere, as it always was, though only the overview lists it. */
const versionFlag: Flag = { name: 'version', type: 'boolean', short: 'v', description: "the package's version" };

/** `--runs`, whose default differs by command. */
export function runsFlag(runs: string): Flag {
  return {
    name: 'runs',
    type: 'string',
    value: 'N',
    description: 'Monte Carlo runs, a whole number from 1 to 1,000,000; runs × horizon months at most 24,000,000',
    default: runs,
  };
}

/** `--seed`: the same seed gives the same result. */
export const seedFlag: Flag = {
  name: 'seed',
  type: 'string',
  value: 'S',
  description: 'any number (negative too: --seed -3) or text up to 200 characters; the same seed gives the same result, bit for bit',
  default: '1',
};

/** What each format is for, as the help says it. */
const formatUses: Readonly<Record<string, string>> = { table: 'a table to read', json: 'JSON for programs', csv: 'CSV for spreadsheets' };

/** `--format`, with the formats a command writes; the first is the default. */
export function formatFlag(formats: readonly string[]): Flag {
  const uses = formats.map((format) => formatUses[format] ?? format).join(', ');
  return { name: 'format', type: 'string', value: formats.join('|'), description: `what to write: ${uses}`, default: formats[0] as string };
}

/** Flags that take a value: a negative number after one is its value, not a flag (--seed -3). */
const valueFlags = new Set(
  ['shards', 'concurrency', 'lock-duration', 'runs', 'seed', 'format', 'vary', 'metric', 'month', 'value', 'within', 'at'].map(
    (f) => `--${f}`,
  ),
);

/** argv with `--flag -3` written as `--flag=-3`, which parseArgs reads as a value. */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (valueFlags.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** A command's arguments read against its own flags; or, for a mistake, the one line that says what it is. */
export type ParsedArguments = { readonly values: FlagValues; readonly files: readonly string[] } | { readonly mistake: string };

/**
 * Reads a command's arguments (its name taken out) against the command's own table of flags.
 * @param otherFlags - every flag of every command: one of another command's is named as such, not as unknown
 */
export function parseFlags(args: readonly string[], command: Command, otherFlags: ReadonlySet<string>): ParsedArguments {
  const options = Object.fromEntries(
    [...command.flags, helpFlag, versionFlag].map((flag) => [
      flag.name,
      { type: flag.type, ...(flag.short === undefined ? {} : { short: flag.short }) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: joinNegativeValues(args), allowPositionals: true, strict: true, options });
    return { values, files: positionals };
  } catch (error) {
    return { mistake: argumentError(error as Error & { code?: string }, command, otherFlags) };
  }
}

/** Where a mistaken argument's line sends the user. */
const seeHelp = 'see cx-roi --help';

/** parseArgs's errors in words. */
function argumentError(error: Error & { code?: string }, command: Command, otherFlags: ReadonlySet<string>): string {
  const flag = error.message.match(/'(-{1,2}[^' =]+)/)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return flag === undefined ? error.message.replace(/'/g, '') : unknownFlag(flag, command, otherFlags);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${flag && /argument missing/.test(error.message) ? `${flag} needs a value` : error.message.replace(/'/g, '')}; ${seeHelp}`;
    default:
      return `${error.message.replace(/'/g, '')}; ${seeHelp}`;
  }
}

/** A flag the command does not take: another command's, a slip of the keyboard, or unknown. */
function unknownFlag(flag: string, command: Command, otherFlags: ReadonlySet<string>): string {
  const name = flag.replace(/^-+/, '');
  // Each flag belongs to some commands; one given to another is a mistake, not a no-op.
  if (flag.startsWith('--') && otherFlags.has(name))
    return `${flag} does not apply to ${command.name}; it takes ${command.flags.map((f) => `--${f.name}`).join(', ') || 'no options'}`;
  const meant = flag.startsWith('--')
    ? closest(
        name,
        [...command.flags, helpFlag].map((f) => f.name),
      )
    : undefined;
  return meant === undefined ? `unknown option ${flag}; ${seeHelp}` : `unknown option ${flag}; did you mean --${meant}?`;
}

/** A flag's value as a number written in digits; ScenarioError naming the flag when it is not one. */
export function toNumber(text: string, flag: string): number {
  const x = Number(text);
  // Decimal only: Number() would also read "0x10" and "1e3".
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(x))
    throw new ScenarioError([
      { path: `options.${flag.replace(/^--/, '')}`, value: text, message: 'must be a number written in digits, e.g. 5000' },
    ]);
  return x;
}

/** A flag's number, or nothing when the flag is not given. */
export function optionalNumber(values: FlagValues, name: string): number | undefined {
  const value = values[name];
  return typeof value === 'string' ? toNumber(value, `--${name}`) : undefined;
}

/** A flag's whole number of seconds, as milliseconds; ScenarioError naming the flag when it is not one. */
export function seconds(text: string, flag: '--timeout' | '--shard-timeout'): number {
  const value = Number(text);
  // A shard's limit is at least a second (the worker's own bound); a client's timeout any time above 0.
  const least = flag === '--shard-timeout' ? 1 : 0.001;
  if (!(text.trim() !== '' && Number.isFinite(value) && value >= least && value <= 2_000_000))
    throw new ScenarioError([
      {
        path: `options.${flag === '--timeout' ? 'timeout' : 'shardTimeout'}`,
        value: text,
        message: `must be a number of seconds from ${least} to 2,000,000`,
      },
    ]);
  return Math.max(1, Math.round(value * 1000));
}

/** `--runs` and `--seed` as the library's options: a seed written as a number is that number. */
export function runsAndSeed(values: FlagValues): { runs?: number; seed?: number | string } {
  const runs = optionalNumber(values, 'runs');
  const seed = values.seed;
  return {
    ...(runs === undefined ? {} : { runs }),
    ...(typeof seed === 'string' ? { seed: /^-?\d+(\.\d+)?$/.test(seed) ? Number(seed) : seed } : {}),
  };
}
