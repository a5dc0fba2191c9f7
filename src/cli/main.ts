import { parseArgs } from 'node:util';
import { describeAssumptions, describeValue } from '../scenario/describe.js';
import { ScenarioError } from '../scenario/error.js';
import { simulate } from '../simulate/simulate.js';
import { runsCsv, seriesCsv } from '../report/csv.js';
import { roiDrivers } from '../summary/drivers.js';
import { writeJson } from '../report/json.js';
import { resultHash } from '../report/hash.js';
import { formatTable, kpiTable, realityCheckTable } from './table.js';
import { realityCheck } from '../business/reality-check.js';
import { executionSuccessFromMaturity, maturityQuestions } from '../scenario/maturity.js';
import { impliedKpis } from '../business/kpis.js';
import { type ObservedBusiness, calibrate } from '../business/calibrate.js';
import { compare } from '../decisions/compare.js';
import { type BreakEvenMetric, breakEven } from '../decisions/break-even.js';
import { sensitivity } from '../decisions/sensitivity.js';
import { valueOfInformation } from '../decisions/value-of-information.js';
import { robustness } from '../decisions/robustness.js';
import { setOwn } from '../decisions/fields.js';
import { breakEvenText, comparisonTable, robustnessText, sensitivityTable, valueOfInformationText } from './decisions-table.js';
import { maxInputBytes } from './io.js';

/** Where the CLI writes: the process's streams, or buffers in tests. */
export interface CliIo {
  /** Writes to standard output; may return a promise to pace long output. */
  readonly stdout: (text: string) => void | Promise<void>;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (a progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
  /** Reads a file argument whole; `-` stands for standard input. */
  readonly readFile: (path: string) => Promise<string>;
  /** Calls back when the process is asked to stop (SIGINT, SIGTERM): \`cx-roi worker\` then closes. */
  readonly onStop?: (stop: () => void) => void;
}

const usage = `Usage:
  cx-roi simulate [scenario.json] [--runs N] [--seed S] [--format table|json|csv] [--keep-runs] [--monthly]
                  [--redis URL [--shards N] [--queue NAME] [--timeout SECONDS]]
  cx-roi worker --redis URL [--queue NAME] [--concurrency N] [--lock-duration MS] [--shard-timeout SECONDS]
  cx-roi kpis [scenario.json] [--format table|json]
  cx-roi calibrate observed.json [scenario.json] [--steady-state]
  cx-roi assumptions [scenario.json] [--format table|json]
  cx-roi reality-check [--runs N] [--seed S] [--format table|json]
  cx-roi maturity [answers.json] [--format table|json]
  cx-roi compare a.json b.json [more.json …] [--runs N] [--seed S] [--format table|json]
  cx-roi break-even [scenario.json] --vary PATH --metric METRIC --value X [--month M]
                    [--within LOW,HIGH] [--runs N] [--seed S] [--format table|json]
  cx-roi sensitivity [scenario.json] [--at 24,60] [--no-swings] [--runs N] [--seed S] [--format table|json]
  cx-roi value-of-information [scenario.json] [--runs N] [--seed S] [--format table|json]
  cx-roi robustness [scenario.json] [--no-flips] [--runs N] [--seed S] [--format table|json]
  cx-roi --help | --version

simulate      runs the scenario (the default one when no file is given) and prints
              the horizon summary, the NPV by lever, the business the scenario
              implies and a band table every 12 months (table; --monthly for
              every month), the whole result with what drives its spread (json;
              --keep-runs adds every run), or the monthly bands (csv; with
              --keep-runs, one row per run instead). With --redis, the runs are
              split into --shards shards (8 by default) and simulated by the
              workers on that Redis's queue: the same numbers, the same result hash.
worker        simulates the shards of simulations sent to a Redis queue (cx-roi
              simulate --redis, or simulateOnQueue from cx-roi/bullmq), each in a
              thread, --concurrency at a time (1 by default), until stopped
              (Ctrl-C, SIGTERM). A shard running past --shard-timeout fails with
              its reason. When Redis has not answered for 15 s the worker stops
              with exit code 1, for a supervisor to restart it. Needs the
              packages bullmq and ioredis.
kpis          the business the scenario implies, without simulating: retention,
              churn, revenue per customer, lifetime value, NPS, word of mouth,
              customers over the horizon without the programme.
calibrate     writes a scenario (JSON, to standard output) whose baseline is the
              business in observed.json: { "customers", "annualRetention" or
              "monthlyChurn", "averageRevenuePerCustomerMonthly",
              "newCustomersMonthly", optional "badExperienceShareMonthly", "nps" },
              starting from scenario.json or the defaults. --steady-state starts
              at the customer count where new customers balance churn.
assumptions   lists every assumption: name, value, unit, source and competing figures.
reality-check simulates a spread of typical programmes (2,000 by default) and sets
              their outcome classes and the share that misses its goal beside
              Accenture's 23 / 57 / 20 and the published 70–80%.
maturity      lists the nine maturity questions; with answers.json ({ "<id>":
              "yes" | "partly" | "no", … }) prints the chance of carrying the
              programme out that they give (investment.executionSuccess).

compare       simulates each file with the same seed and draws and prints, for every
              pair, the run-by-run differences in NPV, ROI and payback and the
              chance the second beats the first (names: the file names).
break-even    finds the value of one assumption (--vary, a dotted path) at which
              --metric reaches --value: probabilityPaidBackBy (with --month),
              probabilityPositiveRoi, roiMedian or npvMedian; e.g. --vary
              investment.failureReduction --metric probabilityPaidBackBy --month 36
              --value 0.8. At most 20 simulations (1,000 runs each by default).
sensitivity   what drives the cumulative NPV at every 12th month and the horizon
              (--at to choose): variance shares, rank correlations and swings of
              the uncertain assumptions, then the fixed, sourced figures moved
              20% each way (--no-swings to skip them). 10,000 runs by default.
robustness    the decision under every reading the sources disagree on (19% or 22%
              instead of 86% switching, a delay of two to three years, 9 people
              per excellent month) and at the plausible ends of the numbers nobody
              measured, the business held; where each figure flips the decision
              (--no-flips to skip that search); the answer at 3, 5 and 10 years;
              and one sentence. 1,000 runs a simulation by default.
value-of-information
              EVPI of the invest-or-not decision and EVPPI of each uncertain
              assumption, in currency. 10,000 runs by default.

Options:
  --runs N      Monte Carlo runs, a whole number from 1 to 1,000,000; runs × horizon
                months at most 24,000,000 (default 1,000; 10,000 for sensitivity
                and value-of-information; 2,000 for reality-check)
  --seed S      any number (negative too: --seed -3) or text up to 200 characters;
                the same seed gives the same result, bit for bit (default 1)
  --format F    table (default), json or csv (simulate only); calibrate writes json
  --redis URL   a Redis server, redis://host:port (rediss:// for TLS)
  --shards N    shards of a simulation on the queue, 1 to 100,000 (default 8)
  --queue NAME  the queue clients and workers share (default cx-roi)
  --timeout SECONDS        the most a simulation on the queue may take; then it
                is cancelled (default: no limit; Redis not answering for 15 s
                always ends it)
  --shard-timeout SECONDS  the most one shard may run on a worker (default 3,600)
  No colour is used, so NO_COLOR and pipes need nothing.

Examples:
  cx-roi simulate                                   the default scenario
  cx-roi simulate bold.json --runs 5000 --seed 42   a scenario file, more runs
  cx-roi simulate bold.json --format csv --keep-runs > runs.csv
  cx-roi worker --redis redis://10.0.0.5:6379 --concurrency 2   on each machine, then
  cx-roi simulate --runs 1000000 --redis redis://10.0.0.5:6379 --shards 40
  cx-roi compare now.json bold.json                 which is better, run by run
  cx-roi break-even --vary investment.upfront --metric roiMedian --value 0

A scenario may hold "channels", "investment.stageGate", "investment.maturity"
and per-touchpoint "investment.failureReduction"; cx-roi assumptions lists them.

A file given as - is read from standard input: cx-roi simulate - < bold.json,
or cx-roi calibrate observed.json | cx-roi simulate -. Files are read only if
they are regular files (not a directory, device or named pipe) of at most ${maxInputBytes / 2 ** 20} MB;
standard input is read up to ${maxInputBytes / 2 ** 20} MB as well.

Exit codes: 0 success, 1 unexpected failure, 2 bad scenario or arguments.`;

/** A process's CLI: reads argv, writes to io, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      allowPositionals: true,
      options: {
        runs: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        'keep-runs': { type: 'boolean' },
        'steady-state': { type: 'boolean' },
        vary: { type: 'string' },
        metric: { type: 'string' },
        month: { type: 'string' },
        value: { type: 'string' },
        within: { type: 'string' },
        at: { type: 'string' },
        'no-swings': { type: 'boolean' },
        'no-flips': { type: 'boolean' },
        monthly: { type: 'boolean' },
        redis: { type: 'string' },
        shards: { type: 'string' },
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        'lock-duration': { type: 'string' },
        timeout: { type: 'string' },
        'shard-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`cx-roi: ${argumentError(error as Error & { code?: string })}; see cx-roi --help\n`);
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
  const [given, ...files] = positionals;
  const command = given === 'voi' ? 'value-of-information' : given;
  const commands = ['simulate', 'kpis', 'calibrate', 'assumptions', 'reality-check', 'maturity', 'compare', 'break-even', 'sensitivity', 'value-of-information', 'robustness', 'worker'];
  if (command === undefined || !commands.includes(command)) {
    io.stderr(`cx-roi: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${usage}\n`);
    return 2;
  }
  // Each flag belongs to some commands; one given to another is a mistake, not a no-op.
  const flagsOf: Record<string, readonly string[]> = {
    simulate: ['runs', 'seed', 'format', 'keep-runs', 'monthly', 'redis', 'shards', 'queue', 'timeout'],
    worker: ['redis', 'queue', 'concurrency', 'lock-duration', 'shard-timeout'],
    kpis: ['format'],
    calibrate: ['format', 'steady-state'],
    assumptions: ['format'],
    'reality-check': ['runs', 'seed', 'format'],
    maturity: ['format'],
    compare: ['runs', 'seed', 'format'],
    'break-even': ['runs', 'seed', 'format', 'vary', 'metric', 'month', 'value', 'within'],
    sensitivity: ['runs', 'seed', 'format', 'at', 'no-swings'],
    'value-of-information': ['runs', 'seed', 'format'],
    robustness: ['runs', 'seed', 'format', 'no-flips'],
  };
  const stray = Object.keys(values).filter((flag) => !(flagsOf[command] ?? []).includes(flag));
  if (stray.length > 0) {
    io.stderr(`cx-roi: --${stray[0]} does not apply to ${command}; it takes ${(flagsOf[command] ?? []).map((f) => `--${f}`).join(', ') || 'no options'}\n`);
    return 2;
  }
  const queueFlag = (['shards', 'queue', 'timeout'] as const).find((flag) => values[flag] !== undefined);
  if ((command === 'worker' || queueFlag !== undefined) && values.redis === undefined) {
    io.stderr(`cx-roi: ${command === 'worker' ? 'worker needs' : `--${queueFlag} applies with`} --redis URL (a Redis server, e.g. redis://127.0.0.1:6379)\n`);
    return 2;
  }
  if (command === 'worker') {
    if (files.length > 0) {
      io.stderr(`cx-roi: worker takes no file (it simulates what clients send)\n`);
      return 2;
    }
    return runWorker(io, values);
  }
  const observedFile = command === 'calibrate' ? files.shift() : undefined;
  if (command === 'calibrate' && observedFile === undefined) {
    io.stderr(`cx-roi: calibrate needs a file of observed figures\n\n${usage}\n`);
    return 2;
  }
  if (command === 'compare' && files.length < 2) {
    io.stderr(`cx-roi: compare needs two or more scenario files\n\n${usage}\n`);
    return 2;
  }
  if (command === 'break-even') {
    const missing = ['vary', 'metric', 'value'].find((flag) => values[flag as 'vary'] === undefined);
    if (missing) {
      io.stderr(`cx-roi: break-even needs --${missing}, e.g. --vary investment.failureReduction --metric probabilityPaidBackBy --month 36 --value 0.8\n`);
      return 2;
    }
  }
  const compared = command === 'compare' ? files.splice(0) : [];
  const [file, ...extra] = files;
  if (command === 'reality-check' && file !== undefined) {
    io.stderr(`cx-roi: reality-check takes no file (it simulates typicalProgrammes on the default business)\n\n${usage}\n`);
    return 2;
  }
  if (extra.length > 0) {
    io.stderr(`cx-roi: unexpected argument "${extra[0]}"\n\n${usage}\n`);
    return 2;
  }
  const format = values.format ?? (command === 'calibrate' ? 'json' : 'table');
  const formats = command === 'simulate' ? ['table', 'json', 'csv'] : command === 'calibrate' ? ['json'] : ['table', 'json'];
  if (!formats.includes(format)) {
    io.stderr(`cx-roi: --format must be one of ${formats.join(', ')} (got "${format}")\n`);
    return 2;
  }
  if (values['keep-runs'] && format === 'table') {
    io.stderr('cx-roi: --keep-runs applies to --format json (every run in the result) and csv (one row per run)\n');
    return 2;
  }
  if (values.monthly && format !== 'table') {
    io.stderr(`cx-roi: --monthly applies to the table (--format ${format} has every month already)\n`);
    return 2;
  }

  // Standard input holds one text: a second - would read nothing.
  if ([observedFile, file, ...compared].filter((f) => f === '-').length > 1) {
    io.stderr('cx-roi: - (standard input) can be given once\n');
    return 2;
  }
  const read = async (path: string): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    let text: string;
    try {
      text = await io.readFile(path);
    } catch (error) {
      io.stderr(`cx-roi: cannot read ${inputName(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return { ok: false };
    }
    try {
      // Editors on Windows may start a UTF-8 file with a byte-order mark; JSON.parse rejects it.
      return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
    } catch (error) {
      io.stderr(`cx-roi: ${inputName(path)} is not valid JSON: ${jsonError(text.replace(/^\uFEFF/, ''), (error as Error).message)}\n`);
      return { ok: false };
    }
  };
  let input: unknown = {};
  if (file !== undefined) {
    const got = await read(file);
    if (!got.ok) return 2;
    input = got.value;
  }
  const scenarios: Record<string, unknown> = {};
  for (const path of compared) {
    const got = await read(path);
    if (!got.ok) return 2;
    // Named by the file, made unique when two files share a name.
    const base = path === '-' ? inputName(path) : (path.split(/[\\/]/).pop() ?? path).replace(/\.json$/i, '');
    let name = base;
    for (let k = 2; Object.hasOwn(scenarios, name); k += 1) name = `${base} (${k})`;
    // A file named __proto__.json is a scenario like any other.
    setOwn(scenarios, name, got.value);
  }
  let observed: unknown;
  if (observedFile !== undefined) {
    const got = await read(observedFile);
    if (!got.ok) return 2;
    observed = got.value;
  }

  try {
    if (command === 'assumptions') {
      const rows = describeAssumptions(input as object);
      if (format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else
        io.stdout(
          `${rows
            .map(
              (r) =>
                `${r.label}: ${r.path} = ${describeValue(r.value)} ${r.unit}\n    ${r.description}\n    ${r.source ? `source: ${r.source.credit}, ${r.source.article}: “${r.source.quote}”` : `illustrative assumption: ${r.note ?? ''}`}` +
                r.alternatives.map((a) => `\n    competing figure: ${a.value} (${a.figure}; ${a.note}): ${a.credit}, ${a.article}: “${a.quote}”`).join(''),
            )
            .join('\n')}\n`,
        );
      return 0;
    }
    if (command === 'kpis') {
      const kpis = impliedKpis(input as object);
      if (format === 'json') io.stdout(`${JSON.stringify(kpis, null, 2)}\n`);
      else io.stdout(kpiTable(kpis));
      return 0;
    }
    if (command === 'maturity') {
      if (file === undefined) {
        if (format === 'json') io.stdout(`${JSON.stringify(maturityQuestions, null, 2)}\n`);
        else
          io.stdout(
            `${maturityQuestions.map((q) => `${q.id} (part ${q.part}: ${q.partTitle})\n    ${q.text}\n    “${q.quote}”`).join('\n')}\n\nAnswer each "yes", "partly" or "no" in a JSON file and run cx-roi maturity answers.json, or give the answers as a scenario's investment.maturity.\n`,
          );
        return 0;
      }
      const prior = executionSuccessFromMaturity(input as Record<string, string>);
      if (format === 'json') io.stdout(`${JSON.stringify(prior)}\n`);
      else {
        const tally = (['yes', 'partly', 'no'] as const).map((a) => `${Object.values(input as Record<string, string>).filter((x) => x === a).length} ${a}`).join(', ');
        const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
        io.stdout(
          `Chance the programme is carried out as planned: ${pct(prior.min)}–${pct(prior.max)} (investment.executionSuccess: uniform from ${prior.min} to ${prior.max}).\n` +
            `Your answers: ${tally}. Yes counts 1, partly ½, no 0; the mean sets the chance: all "partly" (or as many yes as no) gives 20–30%, the published figure; the other chances are an illustrative mapping.\n`,
        );
      }
      return 0;
    }
    // --runs and --seed, for the commands that simulate (the flags' check keeps them from the others).
    const runs = values.runs === undefined ? undefined : toNumber(values.runs, '--runs');
    const seed = values.seed === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(values.seed) ? Number(values.seed) : values.seed;
    const runsAndSeed = { ...(runs === undefined ? {} : { runs }), ...(seed === undefined ? {} : { seed }) };
    if (command === 'reality-check') {
      const check = realityCheck(runsAndSeed);
      io.stdout(format === 'json' ? `${JSON.stringify(check, null, 2)}\n` : realityCheckTable(check));
      return 0;
    }
    const print = (value: unknown, text: (x: never) => string) => io.stdout(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : text(value as never));
    if (command === 'compare') {
      print(compare(scenarios as Record<string, object>, runsAndSeed), comparisonTable);
      return 0;
    }
    if (command === 'break-even') {
      const month = values.month === undefined ? undefined : toNumber(values.month, '--month');
      const within = values.within === undefined ? undefined : (values.within.split(',').map((x) => toNumber(x, '--within')) as [number, number]);
      const target = { metric: values.metric as BreakEvenMetric, value: toNumber(values.value as string, '--value'), ...(month === undefined ? {} : { month }) };
      print(breakEven(input as object, { vary: values.vary as string, target, ...runsAndSeed, ...(within ? { within } : {}) }), breakEvenText);
      return 0;
    }
    if (command === 'sensitivity') {
      const at = values.at === undefined ? undefined : values.at.split(',').map((x) => toNumber(x, '--at'));
      const result = simulate(input as object, { runs: 10_000, ...runsAndSeed, keepRuns: true });
      print(sensitivity(result, { ...(at ? { at } : {}), ...(values['no-swings'] ? { swings: false as const } : {}) }), sensitivityTable);
      return 0;
    }
    if (command === 'robustness') {
      print(robustness(input as object, { ...runsAndSeed, ...(values['no-flips'] ? { flips: false } : {}) }), robustnessText);
      return 0;
    }
    if (command === 'value-of-information') {
      print(valueOfInformation(input as object, runsAndSeed), valueOfInformationText);
      return 0;
    }
    if (command === 'calibrate') {
      const scenario = calibrate(observed as ObservedBusiness, input as object, { startAtSteadyState: values['steady-state'] ?? false });
      io.stdout(`${JSON.stringify(scenario, null, 2)}\n`);
      return 0;
    }
    const progress = io.stderrIsTTY ? progressBar(io) : undefined;
    const keepRuns = values['keep-runs'] ?? false;
    const simulateOptions = {
      ...runsAndSeed,
      // The table and the JSON name the drivers of the spread, which needs every run's draws.
      keepRuns: keepRuns || format !== 'csv',
      ...(progress ? { onProgress: progress } : {}),
    };
    let result;
    if (values.redis !== undefined) {
      const bullmq = await loadBullmq(io);
      if (!bullmq) return 2;
      const shards = values.shards === undefined ? 8 : toNumber(values.shards, '--shards');
      const timeout = values.timeout === undefined ? undefined : seconds(values.timeout, '--timeout');
      result = await bullmq.simulateOnQueue(input as object, {
        ...simulateOptions,
        connection: values.redis,
        shards,
        ...(values.queue === undefined ? {} : { queue: values.queue }),
        ...(timeout === undefined ? {} : { timeout }),
      });
      io.stderr(`${progress ? '\r\u001b[K' : ''}cx-roi: ${result.runCount.toLocaleString('en-US')} runs in ${shards} shards on queue "${values.queue ?? 'cx-roi'}"; result hash ${resultHash(result)}\n`);
    } else result = simulate(input as object, simulateOptions);
    if (progress) io.stderr('\r\u001b[K');
    if (format === 'json') {
      const { runs, ...rest } = result;
      await writeJson({ ...rest, drivers: roiDrivers(result), ...(keepRuns ? { runs } : {}) }, io.stdout);
    } else if (format === 'csv') io.stdout(keepRuns ? runsCsv(result) : seriesCsv(result));
    else io.stdout(formatTable(result, values.monthly ?? false));
    return 0;
  } catch (error) {
    if (isScenarioError(error) && error.issues.every((issue) => issue.path.startsWith('options.') && !issue.path.startsWith('options.target') && !issue.path.startsWith('options.within') && !issue.path.startsWith('options.vary'))) {
      // A flag's value: name the flag, as the user wrote it.
      for (const issue of error.issues) io.stderr(`cx-roi: --${flagOf(issue.path.slice('options.'.length).split(/[.[]/)[0] ?? '')} ${issue.message}${issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`}\n`);
      return 2;
    }
    if (isScenarioError(error)) {
      const about =
        command === 'reality-check' ? 'reality-check' : command === 'compare' ? 'compare' : [observedFile, file].filter((f) => f !== undefined).map(inputName).join(', ') || 'the default scenario';
      io.stderr(`cx-roi: ${about}: ${error.message}\n`);
      return 2;
    }
    // On a queue, what fails is said in words (Redis unreachable, a shard that failed and why, a timeout).
    if (values.redis !== undefined && error instanceof Error) {
      io.stderr(`cx-roi: ${error.message}\n`);
      return 1;
    }
    io.stderr(`cx-roi: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

/**
 * A ScenarioError of this copy of the library or of the package's own (which
 * cx-roi/bullmq, loaded by --redis, throws): the same class in two bundles.
 */
function isScenarioError(error: unknown): error is ScenarioError {
  return error instanceof ScenarioError || (error instanceof Error && error.name === 'ScenarioError' && Array.isArray((error as ScenarioError).issues));
}

/** A file argument as messages name it: `-` is standard input. */
function inputName(path: string): string {
  return path === '-' ? 'standard input' : path;
}

/** The flag an option is given by. */
function flagOf(option: string): string {
  return ({ connection: 'redis', lockDuration: 'lock-duration', keepRuns: 'keep-runs', shardTimeout: 'shard-timeout' } as Record<string, string>)[option] ?? option;
}

/** cx-roi/bullmq, loaded only for --redis: bullmq and ioredis are optional peer dependencies. */
async function loadBullmq(io: CliIo): Promise<typeof import('cx-roi/bullmq') | undefined> {
  try {
    // The package's own subpath export, not bundled into the CLI: it loads bullmq, which may not be installed.
    return await import('cx-roi/bullmq');
  } catch (error) {
    // cx-roi/bullmq says what is missing (PeerDependencyError); Node's own error if the subpath itself is not found.
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as Error).name !== 'PeerDependencyError' && code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    io.stderr('cx-roi: --redis needs the packages bullmq (6) and ioredis (5 or 6) installed beside cx-roi: npm install bullmq ioredis\n');
    return undefined;
  }
}

/** `cx-roi worker`: simulates shards from the queue until the process is asked to stop, or Redis is gone. */
async function runWorker(io: CliIo, values: Record<string, string | boolean | undefined>): Promise<number> {
  const bullmq = await loadBullmq(io);
  if (!bullmq) return 2;
  try {
    const concurrency = values.concurrency === undefined ? undefined : toNumber(values.concurrency as string, '--concurrency');
    const lockDuration = values['lock-duration'] === undefined ? undefined : toNumber(values['lock-duration'] as string, '--lock-duration');
    const shardTimeout = values['shard-timeout'] === undefined ? undefined : seconds(values['shard-timeout'] as string, '--shard-timeout');
    const queue = (values.queue as string | undefined) ?? bullmq.defaultQueue;
    let gaveUp = false;
    const running = bullmq.createSimulationWorker({
      connection: values.redis as string,
      queue,
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(lockDuration === undefined ? {} : { lockDuration }),
      ...(shardTimeout === undefined ? {} : { shardTimeout }),
      // One line when Redis is lost, comes back, or is given up on; its errors repeat each second and are not printed.
      onRedisStatus: (status) => {
        if (status.state === 'gave-up') gaveUp = true;
        io.stderr(`cx-roi worker: ${status.state === 'gave-up' ? 'stopping: ' : ''}${status.message}\n`);
      },
    });
    const { worker } = running;
    worker.on('active', (job) => io.stderr(`cx-roi worker: ${job.name} ${job.id} started\n`));
    worker.on('completed', (job, value) => io.stderr(`cx-roi worker: ${job.name} ${job.id} done${job.name === 'merge' ? `, result hash ${(value as { hash?: string }).hash}` : ''}\n`));
    worker.on('failed', (job, error) => io.stderr(`cx-roi worker: ${job?.name ?? 'a job'} ${job?.id ?? ''} failed: ${error.message}\n`));
    const stopped = new Promise<'stop'>((resolve) => io.onStop?.(() => resolve('stop')));
    // Ready, asked to stop, or given up on Redis, whichever comes first.
    const first = await Promise.race([worker.waitUntilReady().then(() => 'ready' as const), stopped, running.closed.then(() => 'closed' as const)]);
    // (A database that does not exist is refused at once, though the client goes on and reports itself ready.)
    if (first === 'ready' && !gaveUp) {
      io.stderr(`cx-roi worker: waiting for simulations on queue "${queue}" at ${bullmq.redactedAddress(values.redis as string)}\n`);
      await Promise.race([stopped, running.closed]);
    }
    if (!gaveUp) {
      io.stderr('cx-roi worker: stopping (the shards running finish first)\n');
      await running.close();
    }
    // Given up on Redis: exit non-zero, for a supervisor to restart the worker.
    return (await running.closed) ? 1 : 0;
  } catch (error) {
    if (isScenarioError(error)) {
      for (const issue of error.issues) io.stderr(`cx-roi: --${flagOf(issue.path.replace(/^options\./, ''))} ${issue.message}${issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`}\n`);
      return 2;
    }
    throw error;
  }
}

/** A flag's whole number of seconds, as milliseconds; ScenarioError naming the flag when it is not one. */
function seconds(text: string, flag: '--timeout' | '--shard-timeout'): number {
  const value = Number(text);
  // A shard's limit is at least a second (the worker's own bound); a client's timeout any time above 0.
  const least = flag === '--shard-timeout' ? 1 : 0.001;
  if (!(text.trim() !== '' && Number.isFinite(value) && value >= least && value <= 2_000_000))
    throw new ScenarioError([{ path: `options.${flag === '--timeout' ? 'timeout' : 'shardTimeout'}`, value: text, message: `must be a number of seconds from ${least} to 2,000,000` }]);
  return Math.max(1, Math.round(value * 1000));
}

/** Flags that take a value: a negative number after one is its value, not a flag (--seed -3). */
const valueFlags = new Set(['--shards', '--concurrency', '--lock-duration', '--runs', '--seed', '--format', '--vary', '--metric', '--month', '--value', '--within', '--at']);

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

/** parseArgs's errors in words. */
function argumentError(error: Error & { code?: string }): string {
  const flag = error.message.match(/'(-{1,2}[^' ]+)/)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return flag && /argument missing/.test(error.message) ? `${flag} needs a value` : error.message.replace(/'/g, '');
    default:
      return error.message.replace(/'/g, '');
  }
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

function toNumber(text: string, flag: string): number {
  const x = Number(text);
  // Decimal only: Number() would also read "0x10" and "1e3".
  if (!/^\s*-?\d+(\.\d+)?\s*$/.test(text) || !Number.isFinite(x))
    throw new ScenarioError([{ path: `options.${flag.replace(/^--/, '')}`, value: text, message: 'must be a number written in digits, e.g. 5000' }]);
  return x;
}

function progressBar(io: CliIo): (done: number, total: number) => void {
  const width = 30;
  return (done, total) => {
    const filled = Math.round((width * done) / total);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`);
  };
}
