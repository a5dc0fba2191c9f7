/** What a command of the CLI is made of: its flags, its help and its run. */

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliIo {
  /** Writes to standard output; may return a promise to pace long output. */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (a progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
  /** Reads a file argument whole; `-` stands for standard input. */
  readonly readFile: (path: string) => Promise<string>;
  /** Calls back when the process is asked to stop (SIGINT, SIGTERM): `cx-roi worker` then closes. */
  readonly onStop?: (stop: () => void) => void;
}

/** One flag a command takes, as its help lists it. */
export interface Flag {
  /** The long name, without the dashes: `runs` for `--runs`. */
  readonly name: string;
  /** `string` takes a value (`--runs 5000`); `boolean` stands alone (`--keep-runs`). */
  readonly type: 'string' | 'boolean';
  /** The one-letter alias, if any: `h` for `-h`. */
  readonly short?: string;
  /** What the value stands for in the help: `N`, `URL`. */
  readonly value?: string;
  /** What the flag does, in one or two short sentences. */
  readonly description: string;
  /** The value used when the flag is not given, in words (the help prints it). */
  readonly default?: string;
}

/** The values of a command's flags as given: text for those that take one, `true` for the others. */
export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/** What a command's run is given. */
export interface CommandContext {
  readonly io: CliIo;
  /** The flags given, each checked against the command's own table. */
  readonly values: FlagValues;
  /** The file arguments after the command's name, in order. */
  readonly files: readonly string[];
}

/** A command of the CLI: `cx-roi <name> …`. */
export interface Command {
  readonly name: string;
  /** Other names it answers to (`voi` for value-of-information). */
  readonly aliases?: readonly string[];
  /** One line for the list of commands. */
  readonly summary: string;
  /** The synopsis, after `Usage: `; further lines indented to line up. */
  readonly usage: string;
  /** What the command does, for its help. */
  readonly description: string;
  /** Every flag it takes (`--help` aside). */
  readonly flags: readonly Flag[];
  /** Examples for its help, each a command line and what it does. */
  readonly examples?: readonly (readonly [string, string])[];
  /**
   * What a bad scenario is said to be about, when not the files given (or the default scenario):
   * compare's own messages name each file already.
   */
  readonly subject?: string;
  /** Runs the command: returns the exit code; a ScenarioError thrown is reported by the dispatcher. */
  readonly run: (context: CommandContext) => Promise<number>;
}

/** Exit code of a bad scenario, file or argument. */
export const usageError = 2;

/** A flag's text value (the table says it takes one). */
export function text(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
