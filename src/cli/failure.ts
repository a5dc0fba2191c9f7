import { ScenarioError, type ScenarioIssue } from 'cx-roi';
import type { Command, CommandContext } from './command.js';
import { usageError } from './command.js';
import { inputName } from './input.js';

/** The flag an option of the library is given by. */
const flagOfOption: Readonly<Record<string, string>> = {
  connection: 'redis',
  lockDuration: 'lock-duration',
  keepRuns: 'keep-runs',
  shardTimeout: 'shard-timeout',
};

/** Options that name parts of a scenario (break-even's), whose errors are about the scenario, not a flag's value. */
const scenarioOptions = ['options.target', 'options.within', 'options.vary'];

/** Whether an issue is about a flag's value: an option the CLI set from a flag. */
function isFlagIssue(issue: ScenarioIssue): boolean {
  return issue.path.startsWith('options.') && !scenarioOptions.some((prefix) => issue.path.startsWith(prefix));
}

/** One line for an issue with a flag's value, naming the flag as the user wrote it. */
function flagLine(issue: ScenarioIssue): string {
  const option = issue.path.slice('options.'.length).split(/[.[]/)[0] ?? '';
  const got = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`;
  return `cx-roi: --${flagOfOption[option] ?? option} ${issue.message}${got}\n`;
}

/**
 * Reports what a command threw and gives the exit code: a bad flag value or scenario is the user's
 * (2, in words); on a queue (--redis) any failure is said in words (Redis unreachable, a shard that
 * failed and why, a timeout) with 1; anything else is unexpected (1, with its stack).
 */
export function reportFailure(error: unknown, command: Command, context: CommandContext): number {
  const { io } = context;
  if (error instanceof ScenarioError) {
    if (error.issues.every(isFlagIssue)) {
      for (const issue of error.issues) io.stderr(flagLine(issue));
      return usageError;
    }
    io.stderr(`cx-roi: ${subjectOf(command, context)}: ${error.message}\n`);
    return usageError;
  }
  if (context.values.redis !== undefined && error instanceof Error) {
    io.stderr(`cx-roi: ${error.message}\n`);
    return 1;
  }
  io.stderr(`cx-roi: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

/** What a bad scenario is about: the command's own subject, else the files given, else the default scenario. */
function subjectOf(command: Command, context: CommandContext): string {
  return command.subject ?? (context.files.map(inputName).join(', ') || 'the default scenario');
}
