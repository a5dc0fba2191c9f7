import type { CliIo, Command } from './command.js';
import { usageError } from './command.js';
import { commands, overviewExamples } from './commands/index.js';
import { closest } from './did-you-mean.js';
import { reportFailure } from './failure.js';
import { parseFlags } from './flags.js';
import { commandHelp, overviewHelp } from './help.js';

/** Where the CLI writes (re-exported: the CLI's callers import it from here). */
export type { CliIo } from './command.js';

/** Every flag of every command, by name: one given to a command that does not take it is named as such. */
const everyFlag: ReadonlySet<string> = new Set(commands.flatMap((c) => c.flags.map((f) => f.name)));

/** Flags that take a value, as written: the word after one is its value, not the command's name. */
const takesValue: ReadonlySet<string> = new Set(
  commands.flatMap((c) => c.flags.filter((f) => f.type === 'string').map((f) => `--${f.name}`)),
);

/** The command of a name or alias. */
function commandNamed(name: string): Command | undefined {
  return commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/** Where the command's name is in argv: the first word that is neither a flag nor a flag's value (-1: none). */
function commandPosition(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (arg.startsWith('-') && arg !== '-') {
      if (takesValue.has(arg)) i += 1;
      continue;
    }
    return i;
  }
  return -1;
}

/** Whether argv asks for help: --help or -h before any `--`. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** One line for a command that does not exist, with the nearest one and where the list is. */
function unknownCommand(io: CliIo, name: string): number {
  const meant = closest(name, [...commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]), 'help']);
  const hint = meant === undefined ? '' : ` Did you mean "${meant}"?`;
  io.stderr(`cx-roi: unknown command "${name}".${hint} Run cx-roi --help for the list.\n`);
  return usageError;
}

/** `cx-roi` with no command: the overview (--help), the version (--version), or a pointer to the list. */
async function withoutCommand(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  if (asksForHelp(argv)) {
    await io.stdout(overviewHelp(commands, overviewExamples));
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    await io.stdout(`${version}\n`);
    return 0;
  }
  io.stderr('cx-roi: no command given. Run cx-roi --help for the list.\n');
  return usageError;
}

/** `cx-roi help [command]`: the overview, or the command's help. */
async function help(name: string | undefined, io: CliIo): Promise<number> {
  if (name === undefined) {
    await io.stdout(overviewHelp(commands, overviewExamples));
    return 0;
  }
  const command = commandNamed(name);
  if (!command) return unknownCommand(io, name);
  await io.stdout(commandHelp(command));
  return 0;
}

/** A process's CLI: reads argv, writes to io, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const position = commandPosition(argv);
  if (position === -1) return withoutCommand(argv, io, version);
  const name = argv[position] as string;
  const args = [...argv.slice(0, position), ...argv.slice(position + 1)];
  if (name === 'help')
    return help(
      args.find((arg) => !arg.startsWith('-')),
      io,
    );
  const command = commandNamed(name);
  if (!command) return unknownCommand(io, name);
  if (asksForHelp(args)) {
    await io.stdout(commandHelp(command));
    return 0;
  }
  const parsed = parseFlags(args, command, everyFlag);
  if ('mistake' in parsed) {
    io.stderr(`cx-roi: ${parsed.mistake}\n`);
    return usageError;
  }
  if (parsed.values.version) {
    await io.stdout(`${version}\n`);
    return 0;
  }
  const context = { io, values: parsed.values, files: parsed.files };
  try {
    return await command.run(context);
  } catch (error) {
    return reportFailure(error, command, context);
  }
}
