import type { CliIo, Command, Flag } from './command.js';
import { usageError } from './command.js';
import { helpFlag } from './flags.js';
import { maxInputBytes } from './io.js';

/** Width the help's prose is wrapped to: a terminal's 80 columns. */
const width = 80;

/** Words in lines of at most `columns` characters, each after `indent`. */
function wrap(text: string, columns: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`));
}

/** A flag as the help names it: `--runs N`, `-h, --help`. */
function flagName(flag: Flag): string {
  return `${flag.short === undefined ? '' : `-${flag.short}, `}--${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`;
}

/** The options of a command, one a paragraph: its name, what it does, and its default. */
function flagLines(flags: readonly Flag[]): string[] {
  const left = Math.min(24, Math.max(...flags.map((f) => flagName(f).length)));
  return flags.flatMap((flag) => {
    const name = flagName(flag);
    const about = `${flag.description}${flag.default === undefined ? '' : ` (default ${flag.default})`}`;
    const indent = ' '.repeat(left + 4);
    const prose = wrap(about, width - indent.length, indent);
    // A name longer than the column puts its description on the next line.
    return name.length > left ? [`  ${name}`, `${indent}${prose.join('\n')}`] : [`  ${name.padEnd(left)}  ${prose.join('\n')}`];
  });
}

/** Examples as command lines, each with what it does beside it, or under it when the line is long. */
function exampleLines(examples: readonly (readonly [string, string])[]): string[] {
  const left = Math.max(...examples.map(([line]) => line.length).filter((length) => length <= 48));
  return examples.map(([line, what]) => (line.length > left ? `  ${line}\n      ${what}` : `  ${line.padEnd(left)}   ${what}`));
}

/** The synopsis of a command: `Usage: cx-roi …`, further lines lined up under the first. */
export function usageOf(command: Command): string {
  return `Usage: ${command.usage.replace(/\n/g, `\n${' '.repeat('Usage: '.length)}`)}`;
}

/** `cx-roi <command> --help`: what the command does, its synopsis, its options and examples. */
export function commandHelp(command: Command): string {
  const lines = [usageOf(command), '', ...wrap(command.description, width, ''), '', 'Options:', ...flagLines([...command.flags, helpFlag])];
  if (command.aliases && command.aliases.length > 0) lines.push('', `Also: cx-roi ${command.aliases.join(', ')}.`);
  if (command.examples && command.examples.length > 0) lines.push('', 'Examples:', ...exampleLines(command.examples));
  return `${lines.join('\n')}\n`;
}

/** What every command shares: files, standard input, colour and exit codes. */
const sharedNotes = [
  'A scenario may hold "channels", "investment.stageGate", "investment.maturity"',
  'and per-touchpoint "investment.failureReduction"; cx-roi assumptions lists them.',
  '',
  'A file given as - is read from standard input: cx-roi simulate - < bold.json,',
  'or cx-roi calibrate observed.json | cx-roi simulate -. Files are read only if',
  `they are regular files (not a directory, device or named pipe) of at most ${maxInputBytes / 2 ** 20} MB;`,
  `standard input is read up to ${maxInputBytes / 2 ** 20} MB as well.`,
  '',
  'No colour is used, so NO_COLOR and pipes need nothing.',
  '',
  'Exit codes: 0 success, 1 unexpected failure, 2 bad scenario or arguments.',
];

/** `cx-roi --help`: the commands, one line each, with examples and what every command shares. */
export function overviewHelp(commands: readonly Command[], examples: readonly (readonly [string, string])[]): string {
  const left = Math.max(...commands.map((c) => c.name.length));
  return `${[
    'cx-roi: seeded Monte Carlo simulation of the return on customer-experience investment.',
    '',
    'Usage: cx-roi <command> [file …] [options]',
    '       cx-roi <command> --help    what the command does, its options and examples',
    '       cx-roi help <command>      the same',
    '       cx-roi --help | --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(left)}  ${c.summary}`),
    '',
    'Examples:',
    ...exampleLines(examples),
    '',
    ...sharedNotes,
  ].join('\n')}\n`;
}

/** One line for a mistake in a command's arguments, its synopsis, and where its help is; exit code 2. */
export function usageMistake(io: CliIo, command: Command, message: string): number {
  io.stderr(`cx-roi: ${message}\n${usageOf(command)}\nRun cx-roi ${command.name} --help for its options.\n`);
  return usageError;
}
