import { parseArgs } from 'node:util';
import { describeAssumptions, describeValue } from '../scenario/describe.js';
import { ScenarioError } from '../scenario/error.js';
import { simulate } from '../simulate/simulate.js';
import { seriesCsv } from '../report/csv.js';
import { writeJson } from '../report/json.js';
import { formatTable } from './table.js';

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliIo {
  /** Writes to standard output; may return a promise to pace long output. */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (a progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
  readonly readFile: (path: string) => Promise<string>;
}

const usage = `Usage:
  cx-roi simulate [scenario.json] [--runs N] [--seed S] [--format table|json|csv] [--keep-runs]
  cx-roi assumptions [scenario.json] [--format table|json]
  cx-roi --help | --version

simulate      runs the scenario (the default one when no file is given) and prints
              the horizon summary and a month-by-month band table (table), the
              whole result (json) or the monthly bands (csv).
assumptions   lists every assumption: value, unit and source.

Exit codes: 0 success, 1 unexpected failure, 2 bad scenario or arguments.`;

/** A process's CLI: reads argv, writes to io, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        'keep-runs': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`cx-roi: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${usage}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'simulate' && command !== 'assumptions') {
    io.stderr(`cx-roi: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${usage}\n`);
    return 2;
  }
  if (extra.length > 0) {
    io.stderr(`cx-roi: unexpected argument "${extra[0]}"\n\n${usage}\n`);
    return 2;
  }
  const format = values.format ?? 'table';
  const formats = command === 'simulate' ? ['table', 'json', 'csv'] : ['table', 'json'];
  if (!formats.includes(format)) {
    io.stderr(`cx-roi: --format must be one of ${formats.join(', ')} (got "${format}")\n`);
    return 2;
  }

  let input: unknown = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      io.stderr(`cx-roi: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    try {
      // Editors on Windows may start a UTF-8 file with a byte-order mark; JSON.parse rejects it.
      input = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      io.stderr(`cx-roi: ${file} is not valid JSON: ${(error as Error).message}\n`);
      return 2;
    }
  }

  try {
    if (command === 'assumptions') {
      const rows = describeAssumptions(input as object);
      if (format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else
        io.stdout(
          `${rows
            .map((r) => `${r.path} = ${describeValue(r.value)} ${r.unit}\n    ${r.description}\n    ${r.source ? `source: ${r.source.credit}, ${r.source.article}: “${r.source.quote}”` : `illustrative assumption: ${r.note ?? ''}`}`)
            .join('\n')}\n`,
        );
      return 0;
    }
    const runs = values.runs === undefined ? undefined : toNumber(values.runs, '--runs');
    const seed = values.seed === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(values.seed) ? Number(values.seed) : values.seed;
    const progress = io.stderrIsTTY ? progressBar(io) : undefined;
    const result = simulate(input as object, {
      ...(runs === undefined ? {} : { runs }),
      ...(seed === undefined ? {} : { seed }),
      // The table names the drivers of the spread, which needs every run's draws.
      keepRuns: (values['keep-runs'] ?? false) || format === 'table',
      ...(progress ? { onProgress: progress } : {}),
    });
    if (progress) io.stderr('\r\u001b[K');
    if (format === 'json') await writeJson(result, io.stdout);
    else if (format === 'csv') io.stdout(seriesCsv(result));
    else io.stdout(formatTable(result));
    return 0;
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.stderr(`cx-roi: ${file ?? 'the default scenario'}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`cx-roi: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

function toNumber(text: string, flag: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x))
    throw new ScenarioError([{ path: `options.${flag.replace(/^--/, '')}`, value: text, message: 'must be a number' }]);
  return x;
}

function progressBar(io: CliIo): (done: number, total: number) => void {
  const width = 30;
  return (done, total) => {
    const filled = Math.round((width * done) / total);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`);
  };
}
