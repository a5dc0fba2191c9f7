import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAtMost, readScenarioFile } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { impliedKpis, roiDrivers, simulate, version, writeJson } from '../../src/index.js';

async function cli(args: string[], files: Record<string, string> = {}, stderrIsTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => (stderr += t),
    stderrIsTTY,
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
  });
  return { code, stdout, stderr };
}

describe('cx-roi CLI', () => {
  it('simulates the default scenario and prints the horizon summary and a month table', async () => {
    const { code, stdout, stderr } = await cli(['simulate', '--runs', '200', '--seed', '2026']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('cx-roi: 200 runs, seed 2026, horizon 60 months');
    expect(stdout).toContain('P(ROI > 0):             55.5% ± 3.5% (simulation error)');
    expect(stdout).toMatch(
      /ROI at month 60: {8}median \+\d+% \(90% of runs between −\d+% and \+\d+%\); mean \+\d+% ± \d+ points \(simulation error\)/,
    );
    expect(stdout).toContain('NPS at month 60 (−100 to 100, medians): 20.0 without the programme, 21.9 with it (+1.9 points);');
    expect(stdout).toContain('Accenture published:  23%, 57%, 20%');
    // Compact by default: every 12th month; --monthly for all 60.
    const tableRows = (text: string) => text.split('\n').filter((line) => /^\s+\d+\s/.test(line));
    expect(tableRows(stdout).map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual([12, 24, 36, 48, 60]);
    expect(tableRows(stdout)[4]).toMatch(/^\s+60\s+[−+]?\d+%\s/);
    expect(tableRows((await cli(['simulate', '--runs', '200', '--seed', '2026', '--monthly'])).stdout)).toHaveLength(60);
  });

  it('takes negative seeds and values, and gives per-run CSV with --keep-runs', async () => {
    const negative = await cli(['simulate', '--seed', '-3', '--runs', '50', '--format', 'json']);
    expect(negative.stderr).toBe('');
    expect(JSON.parse(negative.stdout).seed).toBe(-3);
    const csv = (await cli(['simulate', '--runs', '40', '--format', 'csv', '--keep-runs'])).stdout.trim().split('\n');
    expect(csv).toHaveLength(41);
    expect(csv[0]).toMatch(/^run,/);
    const below = await cli([
      'break-even',
      '--vary',
      'investment.missedEffectShare',
      '--metric',
      'roiMedian',
      '--value',
      '-0.5',
      '--within',
      '-1,0',
      '--runs',
      '100',
    ]);
    expect(below.stderr).toBe('');
    expect(below.code).toBe(0);
  });

  it('draws a progress bar on a terminal’s stderr, and clears it', async () => {
    const { stderr, stdout } = await cli(['simulate', '--runs', '300'], {}, true);
    expect(stderr).toContain('[##############################] 300/300 runs');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(stdout).toContain('cx-roi: 300 runs');
  });

  it('prints JSON and CSV', async () => {
    const json = await cli(['simulate', '--runs', '20', '--format', 'json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.series).toHaveLength(60);
    expect(parsed.seed).toBe(1);
    const csv = await cli(['simulate', '--runs', '20', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^month,probability_paid_back,roi_mean/);
  });

  it('writes JSON in pieces, equal to JSON.stringify of the result, with the version that made it', async () => {
    const json = await cli(['simulate', '--runs', '30', '--format', 'json', '--keep-runs', '--seed', '5']);
    const result = simulate({}, { runs: 30, seed: 5, keepRuns: true });
    // The result, with what drives its spread (as the table names it), and the runs asked for.
    const { runs, ...rest } = result;
    expect(json.stdout).toBe(`${JSON.stringify({ ...rest, drivers: roiDrivers(result), runs }, null, 2)}\n`);
    const lean = JSON.parse((await cli(['simulate', '--runs', '30', '--format', 'json', '--seed', '5'])).stdout);
    expect(lean.runs).toBeUndefined();
    expect(lean.drivers[0].path).toBe(roiDrivers(result)[0]?.path);
    expect(lean.warnings).toEqual([]);
    expect(JSON.parse(json.stdout).runs[0].npvByMonth).toHaveLength(60);
    expect(JSON.parse(json.stdout).version).toBe(version);
  });

  it('writeJson never builds the whole text: each piece stays near the chunk size', async () => {
    const value = {
      a: 1,
      runs: Array.from({ length: 20_000 }, (_, i) => ({ run: i, roi: i / 7, parameters: { 'churn.base': 0.01 } })),
      tail: [null, 'x', { y: [] }],
    };
    const pieces: string[] = [];
    await writeJson(
      value,
      (text) => {
        pieces.push(text);
      },
      4096,
    );
    expect(pieces.join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(4096 + 200);
  });

  it('reads a scenario file that starts with a byte-order mark', async () => {
    const { code, stdout } = await cli(['simulate', 'bom.json', '--runs', '20'], {
      'bom.json': `\uFEFF${JSON.stringify({ horizonMonths: 24 })}`,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('horizon 24 months');
  });

  it('kpis: the business a scenario implies, as a table or JSON', async () => {
    const table = await cli(['kpis']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/annual retention\s+80\.0%\s+85\.2%/);
    // Word of mouth per teller: a promoter tells 9 people a year, a dissatisfied customer 16.
    expect(table.stdout).toMatch(/people a promoter tells a year\s+9\.0\s+9\.0/);
    expect(table.stdout).toMatch(/people a dissatisfied customer tells\s+16\.0\s+16\.0/);
    expect(table.stdout).toContain('customers without the programme: 10,000 now');
    const json = JSON.parse(
      (await cli(['kpis', 's.json', '--format', 'json'], { 's.json': JSON.stringify({ business: null, churn: { base: 0.01 } }) })).stdout,
    );
    expect(json.baseline.monthlyChurn).toBeGreaterThan(0.02);
  });

  it('calibrate: a scenario whose baseline is the observed business, or a named conflict', async () => {
    const observed = {
      customers: 42_000,
      annualRetention: 0.72,
      averageRevenuePerCustomerMonthly: 31,
      newCustomersMonthly: 1_100,
      badExperienceShareMonthly: 0.02,
      nps: 31,
    };
    const out = await cli(['calibrate', 'observed.json', 'programme.json'], {
      'observed.json': JSON.stringify(observed),
      'programme.json': JSON.stringify({ investment: { upfront: 250_000 } }),
    });
    expect(out.code).toBe(0);
    const scenario = JSON.parse(out.stdout);
    expect(scenario.investment.upfront).toBe(250_000);
    expect(impliedKpis(scenario).baseline.annualRetention).toBeCloseTo(0.72, 6);
    const conflict = await cli(['calibrate', 'o.json'], { 'o.json': JSON.stringify({ ...observed, annualRetention: 0.95 }) });
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain('observed.annualRetention');
    expect(conflict.stderr).toMatch(/19%/);
    expect((await cli(['calibrate'])).stderr).toContain('calibrate needs a file of observed figures');
  });

  it('simulate’s table shows the levers, the implied business and the Accenture caveat', async () => {
    const { stdout } = await cli(['simulate', '--runs', '200']);
    expect(stdout).toMatch(
      /NPV by lever \(mean\):\s+retention [\d,]+, spend [\d,]+, positive word of mouth [\d,]+, negative word of mouth [\d,]+, programme cost −[\d,]+; = mean NPV/,
    );
    expect(stdout).toContain('A reference for a reality check, not a target: nothing in the default is tuned to it.');
    expect(stdout).toMatch(/Payback:\s+median month \d+ \(over all runs\)/);
    expect(stdout).toContain('without the programme:    annual retention 80.0%');
  });

  it('robustness: the sentence, each reading with its source, the flips and other horizons', async () => {
    const { code, stdout, stderr } = await cli(['robustness', '--runs', '200', '--no-flips']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(
      /^The expected NPV at 5 years is positive under \d+ of \d+ published readings; if nothing shows for two to three years \(article 004\) or only 19% of customers leave after a bad experience \(article 000\), it is negative\./,
    );
    expect(stdout).toMatch(/only 22% of customers leave after a bad experience\s+article 001, Temkin Group/);
    expect(stdout).toContain('the business held, the same 200 runs and seed 1 throughout');
    expect(stdout).toMatch(/120 months\s+\d+% ± /);
    expect(stdout).not.toContain('Where the decision flips');
    const json = JSON.parse((await cli(['robustness', '--runs', '50', '--format', 'json', '--no-flips'])).stdout);
    expect(json.readings.length).toBeGreaterThan(8);
    expect((await cli(['robustness', '--at', '5'])).code).toBe(2);
  });

  it('assumptions lists the competing figures beside the default', async () => {
    const { stdout } = await cli(['assumptions']);
    expect(stdout).toMatch(/churn\.switchAfterBad = 0\.86[\s\S]*competing figure: 0\.19 \(19% stop buying/);
  });

  it('reads a scenario file', async () => {
    const { code, stdout } = await cli(['simulate', 'bold.json', '--runs', '20'], { 'bold.json': JSON.stringify({ horizonMonths: 36 }) });
    expect(code).toBe(0);
    expect(stdout).toContain('horizon 36 months');
  });

  it('exits 2 with the ScenarioError’s lines for a bad file', async () => {
    const { code, stderr, stdout } = await cli(['simulate', 'bad.json'], {
      'bad.json': JSON.stringify({ churn: { switchAfterBad: 1.4 }, spend: { averagePerMnth: 3 } }),
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('churn.switchAfterBad: must be a probability from 0 to 1 (got 1.4)');
    expect(stderr).toContain('spend.averagePerMnth: unknown field; did you mean "averagePerMonth"?');
  });

  it('exits 2 for unreadable or malformed files and bad arguments', async () => {
    expect((await cli(['simulate', 'nope.json'])).stderr).toContain('cannot read nope.json: ENOENT');
    expect((await cli(['simulate', 'x.json'], { 'x.json': '{ nope' })).stderr).toContain('is not valid JSON');
    expect((await cli(['simulate', '--runs', 'many'])).code).toBe(2);
    expect((await cli(['simulate', '--runs', '0'])).stderr).toBe('cx-roi: --runs must be at least 1 (got 0)\n');
    expect((await cli(['simulate', '--runs', 'abc'])).stderr).toBe(
      'cx-roi: --runs must be a number written in digits, e.g. 5000 (got "abc")\n',
    );
    expect((await cli(['simulate', '--bogus'])).stderr).toBe('cx-roi: unknown option --bogus; see cx-roi --help\n');
    expect((await cli(['simulate', '--runs'])).stderr).toBe('cx-roi: --runs needs a value; see cx-roi --help\n');
    expect((await cli(['simulate', 'x.json'], { 'x.json': '{\n  "churn": {\n    "base" 0.01\n  }\n}' })).stderr).toMatch(
      /x\.json is not valid JSON: .* at line 3, column 12\n$/,
    );
    expect((await cli(['simulate', '--keep-runs'])).stderr).toContain('--keep-runs applies to --format json');
    expect((await cli(['simulate', '--monthly', '--format', 'csv'])).code).toBe(2);
    expect((await cli(['simulate', '--format', 'xml'])).code).toBe(2);
    expect((await cli(['simulate', '--bogus'])).code).toBe(2);
    expect((await cli(['simulate', '--runs', '0x10'])).stderr).toContain('--runs must be a number written in digits');
    expect((await cli(['kpis', '--runs', '10'])).stderr).toContain('--runs does not apply to kpis');
    expect((await cli(['calibrate', 'o.json', '--keep-runs'], { 'o.json': '{}' })).stderr).toContain(
      '--keep-runs does not apply to calibrate',
    );
    expect((await cli(['simulate', '--steady-state'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });

  it('simulates a scenario with a stage gate, channels and maturity answers, and says what the gate did', async () => {
    const scenario = {
      channels: {
        contactRate: 0.3,
        siloPenalty: 1.5,
        offered: { phone: { share: 0.6, failure: 0.02, connected: true }, chat: { share: 0.4, failure: 0.03, connected: false } },
      },
      investment: {
        maturity: Object.fromEntries(
          [
            'leadershipUnderstands',
            'notOnlyMarketing',
            'rightKpis',
            'knowsAudiences',
            'knowsChannelsAndJourneys',
            'customerData',
            'dedicatedTeam',
            'teamProcess',
            'researchTools',
          ].map((id) => [id, 'partly']),
        ),
        channels: { budget: { chat: 40_000 }, setupCost: 10_000, halfEffectSpend: 20_000 },
        stageGate: { month: 18, measure: 'effect', threshold: 0.1 },
      },
    };
    const { code, stdout, stderr } = await cli(['simulate', 's.json', '--runs', '300'], { 's.json': JSON.stringify(scenario) });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Stage gate, end of month 18: stop if the bad-experience share (months 16–18) is cut by less than 10% from its level before the programme; a stopped programme's effect fades out over 12 months.",
    );
    expect(stdout).toMatch(/stopped \d+\.\d% of runs \(± \d+\.\d% simulation error\); running costs avoided [\d,]+ a run on average/);
    expect(stdout).toMatch(/Channels:\s+2 offered; channel budget at month 0 on chat\./);
    const assumptions = (await cli(['assumptions', 's.json'], { 's.json': JSON.stringify(scenario) })).stdout;
    expect(assumptions).toContain('channels.offered.chat.failure = 0.03');
    expect(assumptions).toContain('investment.executionSuccess = uniform(min 0.2, max 0.3)');
  });

  it('runs the reality check and the maturity questionnaire', async () => {
    const check = await cli(['reality-check', '--runs', '300', '--seed', '3']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /Outcome at month 60:\s+ROI ≥ 1 \(clearly positive\) \d+\.\d%, 0 to 1 \(middling\) \d+\.\d%, below 0 \(lower or negative\) \d+\.\d%/,
    );
    expect(check.stdout).toMatch(/Accenture:\s+23%, 57%, 20%; χ² distance \d\.\d{3}/);
    expect(check.stdout).toMatch(/Missed the goal:\s+\d+\.\d% \(± \d\.\d% simulation error\)/);
    expect(check.stdout).toContain('a consistency check, not independent evidence');
    expect(JSON.parse((await cli(['reality-check', '--runs', '50', '--format', 'json'])).stdout).runs).toBe(50);
    expect((await cli(['reality-check', 'x.json'])).code).toBe(2);
    const questions = await cli(['maturity']);
    expect(questions.stdout).toContain('dedicatedTeam (part 3: The right people, process and tools)');
    const all = async (answer: string) =>
      JSON.stringify(
        Object.fromEntries(JSON.parse((await cli(['maturity', '--format', 'json'])).stdout).map((q: { id: string }) => [q.id, answer])),
      );
    const prior = await cli(['maturity', 'a.json'], { 'a.json': await all('partly') });
    expect(prior.stdout).toContain(
      'Chance the programme is carried out as planned: 20%–30% (investment.executionSuccess: uniform from 0.2 to 0.3).',
    );
    expect(prior.stdout).toContain('Your answers: 0 yes, 9 partly, 0 no.');
    const bad = await cli(['maturity', 'a.json'], { 'a.json': '{"dedicatedTeam": "maybe"}' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('leadershipUnderstands');
  });

  it('lists the assumptions with their sources', async () => {
    const { code, stdout } = await cli(['assumptions']);
    expect(code).toBe(0);
    expect(stdout).toContain('\nSwitching after a bad experience: churn.switchAfterBad = 0.86 probability\n');
    expect(stdout).toContain('86 procent');
    const json = JSON.parse((await cli(['assumptions', '--format', 'json'])).stdout);
    expect(json.find((r: { path: string }) => r.path === 'spend.goodMultiplier').source.credit).toBe('Harvard Business Review');
    expect(json.find((r: { path: string }) => r.path === 'spend.goodMultiplier').label).toBe('Extra spend after a good experience');
  });

  it('compare: pairs two scenario files run by run, named by their files', async () => {
    const files = { 'now.json': '{}', 'dir/bold.json': '{ "investment": { "upfront": 250000 } }' };
    const { code, stdout, stderr } = await cli(['compare', 'now.json', 'dir/bold.json', '--runs', '200', '--seed', '3'], files);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('bold against now (bold − now, run by run');
    // Only the upfront cost differs: B's NPV is lower by 140,000 in every run.
    expect(stdout).toContain('NPV difference   −140,000 (−140,000 to −140,000)');
    expect(stdout).toContain('P(bold beats now on NPV) 0.0% ± 0.0%');
    const self = await cli(['compare', 'now.json', 'now.json', '--runs', '100', '--format', 'json'], files);
    const pair = JSON.parse(self.stdout).pairs[0];
    expect(pair.a).toBe('now');
    expect(pair.b).toBe('now (2)');
    expect(pair.npv).toEqual({ mean: 0, p5: 0, p25: 0, p50: 0, p75: 0, p95: 0 });
    expect((await cli(['compare', 'now.json'], files)).code).toBe(2);
    const bad = await cli(['compare', 'now.json', 'x.json'], { ...files, 'x.json': '{ "churn": { "base": 2 } }' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('x.churn.base');
  });

  it('break-even: the value and what it reaches, or why it cannot be reached', async () => {
    const found = await cli(['break-even', '--vary', 'investment.upfront', '--metric', 'roiMedian', '--value', '0', '--runs', '300']);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(
      /^investment\.upfront of at most [\d,]+ \(± [\d,]+, the value's simulation error\) gives a median ROI of 0%: it reaches a median ROI of/,
    );
    expect(found.stdout).toMatch(/\d+ simulations of 300 runs/);
    const capped = await cli([
      'break-even',
      '--vary',
      'investment.failureReduction',
      '--metric',
      'probabilityPaidBackBy',
      '--month',
      '36',
      '--value',
      '0.8',
      '--runs',
      '300',
      '--format',
      'json',
    ]);
    const b = JSON.parse(capped.stdout);
    expect(b.status).toBe('not-reached');
    expect(b.reason).toContain('Execution risk caps it');
    const missing = await cli(['break-even', '--vary', 'investment.upfront', '--metric', 'roiMedian']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('break-even needs --value');
    const typo = await cli(['break-even', '--vary', 'investment.upfrnt', '--metric', 'roiMedian', '--value', '0']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('options.vary');
  });

  it('sensitivity and value-of-information: the drivers by month, and what information is worth', async () => {
    const s = await cli(['sensitivity', '--at', '12,60', '--runs', '600', '--no-swings']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('Month 12 (median NPV');
    expect(s.stdout).toMatch(/Month 60[^\n]*\n[^\n]*\n {2}investment\.executed /);
    expect(s.stdout).not.toContain('Fixed, sourced figures');
    const json = JSON.parse((await cli(['sensitivity', '--at', '60', '--runs', '300', '--format', 'json'])).stdout);
    expect(json.fixedFigures.figures.map((f: { path: string }) => f.path)).toContain('churn.switchAfterBad');
    expect((await cli(['sensitivity', '--at', '61'])).stderr).toContain('--at must be a list of months');
    const v = await cli(['voi', '--runs', '800']);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('The decision: invest or not, by expected NPV at the horizon. Today: invest');
    expect(v.stdout).toContain('investment.executed + investment.missedEffectShare');
    expect((await cli(['value-of-information', '--at', '5'])).code).toBe(2);
  });

  const built = join(import.meta.dirname, '../../dist/cli.js');
  it('runs as the built bin', () => {
    const out = execFileSync(process.execPath, [built, 'simulate', '--runs', '50', '--format', 'json'], { encoding: 'utf8' });
    expect(JSON.parse(out).runCount).toBe(50);
    const bad = spawnSync(process.execPath, [built, 'simulate', '--runs=-1'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('cx-roi: --runs must be at least 1 (got -1)\n');
    expect(execFileSync(process.execPath, [built, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('exits 2 for bad input even when stderr’s reader has gone', () => {
    const shell = spawnSync('bash', ['-c', `"${process.execPath}" "${built}" simulate --runs 0 2>&1 | true; exit \${PIPESTATUS[0]}`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(shell.status).toBe(2);
  });

  it('stops quietly when the reader closes the pipe (| head)', () => {
    const shell = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `"${process.execPath}" "${built}" simulate --runs 3000 --format json --keep-runs | head -c 100 > /dev/null`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(shell.stderr).toBe('');
    expect(shell.status).toBe(0);
  });

  it('ends with one line and exit code 1 when standard output cannot be written (/dev/full)', () => {
    // The table is written in one piece, the JSON in many: a failed write ends either the same way.
    for (const format of ['table', 'json']) {
      const full = spawnSync('bash', ['-c', `"${process.execPath}" "${built}" simulate --runs 20 --format ${format} > /dev/full`], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(full.stderr).toBe('cx-roi: cannot write to standard output: ENOSPC (no space left on device)\n');
      expect(full.status).toBe(1);
    }
  });

  it('refuses special files, directories and files over the size cap in one line, before reading them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-roi-cli-'));
    try {
      const fifo = join(dir, 'scenario.fifo');
      execFileSync('mkfifo', [fifo]);
      mkdirSync(join(dir, 'scenarios'));
      // Sparse: a file one byte over the cap that takes no room on disk.
      const big = join(dir, 'big.json');
      writeFileSync(big, '');
      truncateSync(big, 4 * 2 ** 20 + 1);
      const refused: [string, RegExp][] = [
        [
          '/dev/zero',
          /^cx-roi: cannot read \/dev\/zero: not a regular file \(a character device\); a scenario is read from a file or from standard input \(-\)\n$/,
        ],
        ['/dev/urandom', /^cx-roi: cannot read \/dev\/urandom: not a regular file \(a character device\);/],
        [fifo, /^cx-roi: cannot read .*scenario\.fifo: not a regular file \(a named pipe\);/],
        [join(dir, 'scenarios'), /^cx-roi: cannot read .*scenarios: not a regular file \(a directory\);/],
        [big, /^cx-roi: cannot read .*big\.json: 4,194,305 bytes, more than the 4 MB \(4,194,304 bytes\) a file may have\n$/],
      ];
      for (const [path, message] of refused) {
        const started = Date.now();
        const out = spawnSync(process.execPath, [built, 'simulate', path, '--runs', '10'], { encoding: 'utf8', timeout: 20_000 });
        expect(out.stderr).toMatch(message);
        expect(out.stderr.split('\n')).toHaveLength(2);
        expect(out.status).toBe(2);
        // Refused on sight: reading /dev/zero whole took seconds, a FIFO without a writer forever.
        expect(Date.now() - started).toBeLessThan(10_000);
      }
      // At the cap exactly, a file is read.
      const padded = join(dir, 'padded.json');
      writeFileSync(padded, `{}${' '.repeat(4 * 2 ** 20 - 2)}`);
      const read = spawnSync(process.execPath, [built, 'kpis', padded, '--format', 'json'], { encoding: 'utf8', timeout: 20_000 });
      expect(read.stderr).toBe('');
      expect(read.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the scenario from standard input when the file is -, up to the size cap', () => {
    const piped = spawnSync(process.execPath, [built, 'simulate', '-', '--runs', '20'], {
      encoding: 'utf8',
      input: JSON.stringify({ horizonMonths: 24 }),
      timeout: 60_000,
    });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('horizon 24 months');
    expect(execFileSync(process.execPath, [built, '--help'], { encoding: 'utf8' })).toMatch(
      /A file given as - is read from standard input/,
    );
    // An endless stream is refused as soon as it passes the cap, not read whole.
    const endless = spawnSync('bash', ['-c', `yes | "${process.execPath}" "${built}" simulate -`], { encoding: 'utf8', timeout: 20_000 });
    expect(endless.stderr).toBe('cx-roi: cannot read standard input: more than the 4 MB (4,194,304 bytes) it may have\n');
    expect(endless.status).toBe(2);
  });

  it('reads a file only if it is a regular file within the cap, and a stream only up to the cap', async () => {
    await expect(readScenarioFile('/dev/zero')).rejects.toThrow('not a regular file (a character device)');
    await expect(readScenarioFile(join(import.meta.dirname, '..'))).rejects.toThrow('not a regular file (a directory)');
    await expect(readScenarioFile(join(import.meta.dirname, 'cli.test.ts'), 100)).rejects.toThrow(
      /^[\d,]+ bytes, more than the 100 bytes a file may have$/,
    );
    await expect(readScenarioFile('no-such-scenario.json')).rejects.toMatchObject({ code: 'ENOENT' });
    // An endless stream is refused once it passes the cap.
    async function* endless() {
      for (;;) yield new Uint8Array(1000);
    }
    await expect(readAtMost(endless(), 10_000, 'it')).rejects.toThrow('more than the 10,000 bytes it may have');
    // A character split between two pieces is read whole.
    const euro = Buffer.from('{"name":"€"}');
    async function* split() {
      yield euro.subarray(0, 10);
      yield euro.subarray(10);
    }
    expect(await readAtMost(split(), 100, 'it')).toBe('{"name":"€"}');
  });

  it('names standard input as such, and takes it once', async () => {
    const bad = await cli(['simulate', '-'], { '-': '{ nope' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cx-roi: standard input is not valid JSON: /);
    const invalid = await cli(['simulate', '-'], { '-': JSON.stringify({ churn: { base: 2 } }) });
    expect(invalid.stderr).toMatch(/^cx-roi: standard input: /);
    const twice = await cli(['compare', '-', '-'], { '-': '{}' });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('cx-roi: - (standard input) can be given once\n');
  });
});
