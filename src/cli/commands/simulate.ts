import { type SimulationResult, resultHash, roiDrivers, runsCsv, seriesCsv, simulate, writeJson } from 'cx-roi';
import type { CliIo, Command, CommandContext, FlagValues } from '../command.js';
import { text, usageError } from '../command.js';
import { formatFlag, runsAndSeed, runsFlag, seconds, seedFlag, toNumber } from '../flags.js';
import { usageMistake } from '../help.js';
import { readScenario } from '../input.js';
import { chosenFormat, clearLine, progressBar } from '../output.js';
import { loadBullmq, needsRedis, redisDescription } from '../queue.js';
import { formatTable } from '../simulate-table.js';

/** The flags that send the simulation to a queue, which need --redis. */
const queueFlags = ['shards', 'queue', 'timeout'] as const;

/** Runs the simulation on the workers of a Redis queue; says on stderr where it ran and its hash. */
async function simulateOnQueue(io: CliIo, values: FlagValues, input: unknown, options: object): Promise<SimulationResult | undefined> {
  const bullmq = await loadBullmq(io);
  if (!bullmq) return undefined;
  const shards = values.shards === undefined ? 8 : toNumber(text(values, 'shards') as string, '--shards');
  const timeout = values.timeout === undefined ? undefined : seconds(text(values, 'timeout') as string, '--timeout');
  const queue = text(values, 'queue');
  const result = await bullmq.simulateOnQueue(input as object, {
    ...options,
    connection: text(values, 'redis') as string,
    shards,
    ...(queue === undefined ? {} : { queue }),
    ...(timeout === undefined ? {} : { timeout }),
  });
  const where = `${result.runCount.toLocaleString('en-US')} runs in ${shards} shards on queue "${queue ?? 'cx-roi'}"`;
  io.stderr(`${io.stderrIsTTY ? clearLine : ''}cx-roi: ${where}; result hash ${resultHash(result)}\n`);
  return result;
}

/** Writes the result: the table, the JSON with what drives its spread, or the CSV of bands or of runs. */
async function writeSimulation(io: CliIo, result: SimulationResult, format: string, keepRuns: boolean, monthly: boolean): Promise<void> {
  if (format === 'json') {
    const { runs, ...rest } = result;
    await writeJson({ ...rest, drivers: roiDrivers(result), ...(keepRuns ? { runs } : {}) }, io.stdout);
  } else await io.stdout(format === 'csv' ? (keepRuns ? runsCsv(result) : seriesCsv(result)) : formatTable(result, monthly));
}

async function run(context: CommandContext): Promise<number> {
  const { io, values, files } = context;
  const queueFlag = queueFlags.find((flag) => values[flag] !== undefined);
  if (queueFlag !== undefined && values.redis === undefined) return needsRedis(io, `--${queueFlag} applies with`);
  const [file, ...extra] = files;
  if (extra.length > 0) return usageMistake(io, simulateCommand, `unexpected argument "${extra[0]}"`);
  const format = chosenFormat(io, values.format, ['table', 'json', 'csv']);
  if (format === undefined) return usageError;
  if (values['keep-runs'] && format === 'table') {
    io.stderr('cx-roi: --keep-runs applies to --format json (every run in the result) and csv (one row per run)\n');
    return usageError;
  }
  if (values.monthly && format !== 'table') {
    io.stderr(`cx-roi: --monthly applies to the table (--format ${format} has every month already)\n`);
    return usageError;
  }
  const input = await readScenario(io, file);
  if (!input.ok) return usageError;
  const progress = io.stderrIsTTY ? progressBar(io) : undefined;
  const keepRuns = values['keep-runs'] === true;
  const options = {
    ...runsAndSeed(values),
    // The table and the JSON name the drivers of the spread, which needs every run's draws.
    keepRuns: keepRuns || format !== 'csv',
    ...(progress ? { onProgress: progress } : {}),
  };
  const result =
    values.redis === undefined ? simulate(input.value as object, options) : await simulateOnQueue(io, values, input.value, options);
  if (!result) return usageError;
  if (progress) io.stderr(clearLine);
  await writeSimulation(io, result, format, keepRuns, values.monthly === true);
  return 0;
}

/** `cx-roi simulate`: the scenario's simulation, here or on a Redis queue's workers. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'runs a scenario: its return, NPV by lever, bands by month',
  usage:
    'cx-roi simulate [scenario.json] [--runs N] [--seed S] [--format table|json|csv] [--keep-runs] [--monthly]\n' +
    '                [--redis URL [--shards N] [--queue NAME] [--timeout SECONDS]]',
  description:
    'Runs the scenario (the default one when no file is given) and prints the horizon summary, the NPV by lever, ' +
    'the business the scenario implies and a band table every 12 months (table; --monthly for every month), ' +
    'the whole result with what drives its spread (json; --keep-runs adds every run), or the monthly bands ' +
    '(csv; with --keep-runs, one row per run instead). With --redis, the runs are split into --shards shards ' +
    "and simulated by the workers on that Redis's queue (cx-roi worker): the same numbers, the same result hash.",
  flags: [
    runsFlag('1,000'),
    seedFlag,
    formatFlag(['table', 'json', 'csv']),
    { name: 'keep-runs', type: 'boolean', description: 'every run in the JSON, or one CSV row per run instead of the bands' },
    { name: 'monthly', type: 'boolean', description: 'the band table for every month, not every 12th' },
    { name: 'redis', type: 'string', value: 'URL', description: `simulate on the workers of the queue at ${redisDescription}` },
    { name: 'shards', type: 'string', value: 'N', description: 'shards of the simulation on the queue, 1 to 100,000', default: '8' },
    { name: 'queue', type: 'string', value: 'NAME', description: 'the queue clients and workers share', default: 'cx-roi' },
    {
      name: 'timeout',
      type: 'string',
      value: 'SECONDS',
      description: 'the most the simulation on the queue may take; then it is cancelled. Redis not answering for 15 s always ends it',
      default: 'no limit',
    },
  ],
  examples: [
    ['cx-roi simulate', 'the default scenario'],
    ['cx-roi simulate bold.json --runs 5000 --seed 42', 'a scenario file, more runs'],
    ['cx-roi simulate bold.json --format csv --keep-runs > runs.csv', 'one row per run'],
    ['cx-roi simulate --runs 1000000 --redis redis://10.0.0.5:6379 --shards 40', 'on the workers of a queue'],
  ],
  run,
};
