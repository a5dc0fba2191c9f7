import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const examples = [
  'default-scenario.ts',
  'cautious-vs-bold.ts',
  'property-test.ts',
  'targeted-budget.ts',
  'channels-few-vs-many.ts',
  'weakest-link.ts',
];
const outputs = new Map<string, Promise<string>>();
/** What an example prints; each runs once, all of them side by side (they wait on tsx and on each other's cores). */
const run = (name: string): Promise<string> => {
  let output = outputs.get(name);
  if (!output) {
    output = promisify(execFile)(tsx, [join(root, 'examples', name)], { encoding: 'utf8', cwd: root }).then(({ stdout }) => stdout);
    // Its test reports a failure; until then it is not an unhandled rejection.
    output.catch(() => undefined);
    outputs.set(name, output);
  }
  return output;
};

// The examples import 'cx-roi' itself, which resolves to the build (the dist tier builds it first).
describe('examples run and say what they claim', { timeout: 180_000 }, () => {
  beforeAll(() => {
    for (const name of examples) void run(name);
  });

  it('default-scenario', async () => {
    const out = await run('default-scenario.ts');
    expect(out).toMatch(/median ROI -?\d+\.\d\d/);
    expect(out).toContain("against Accenture's published 23% / 57% / 20%");
    expect(out).toContain('churn.switchAfterBad = 0.86');
  });
  it('cautious-vs-bold: each claim it prints holds in its own table and in compare', async () => {
    const out = await run('cautious-vs-bold.ts');
    const row = (name: string) =>
      out
        .split('\n')
        .find((l) => l.startsWith(name))
        ?.trim()
        .split(/\s+/) ?? [];
    const [, , , cautiousRoiP95, cautiousChance, , , , cautiousNpvP95] = row('cautious');
    const [, , , boldRoiP95, boldChance, , , , boldNpvP95] = row('bold');
    const num = (x = '') => Number(x.replace(/[,%]/g, ''));
    const more = (c: string | undefined, b: string | undefined) => (num(c) >= num(b) ? 'cautious' : 'bold');
    expect(out).toContain(`the ${more(cautiousChance, boldChance)} programme has a positive ROI more often`);
    expect(out).toContain(`the ${more(cautiousNpvP95, boldNpvP95)} one has the bigger upside in money (NPV p95)`);
    expect(out).toContain(`the ${more(cautiousRoiP95, boldRoiP95)} one in return on what it costs (ROI p95)`);
    // The paired figures are compare's.
    const { compare } = await import('../src/index.js');
    const scenario = (name: string) => JSON.parse(readFileSync(join(root, `examples/scenarios/${name}.json`), 'utf8'));
    const programmes = { cautious: scenario('cautious'), bold: scenario('bold') };
    const pair = compare(programmes, { runs: 2000, seed: 42 }).pairs[0];
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(out).toContain(
      `bold's NPV beats cautious's in ${pct(pair?.probabilityBBeatsA ?? Number.NaN)} ± ${pct(pair?.probabilityBBeatsAStandardError ?? Number.NaN)} of runs`,
    );
    expect(out).toContain(`bold − cautious has median ${Math.round(pair?.npv.p50 ?? Number.NaN).toLocaleString('en-US')}`);
  });
  it('property-test: a user’s property test with cx-roi/testing finds and shrinks where the claim fails, and holds once it is ruled out', async () => {
    const out = await run('property-test.ts');
    expect(out).toMatch(/^For any business: fails, shrunk to \{.*\}: a business where a good month is worth less than a bad one\.$/m);
    // Shrunk: the counterexample names only a few fields.
    const shrunk = JSON.parse(out.match(/shrunk to (\{.*\}):/)?.[1] ?? '{}');
    expect(JSON.stringify(shrunk).length).toBeLessThan(120);
    expect(out).toContain('Where a good month is worth at least a bad one: held for 100 scenarios.');
  });

  it('targeted-budget: the same budget on the weakest touchpoint does better than spread over all five', async () => {
    const out = await run('targeted-budget.ts');
    const chance = (label: string) =>
      Number(
        out
          .split('\n')
          .find((l) => l.startsWith(label))
          ?.match(/(\d+\.\d)%\s+[\d,]+\s*$/)?.[1],
      );
    expect(chance('weakest only')).toBeGreaterThan(chance('spread over all five'));
    // The README quotes these figures.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    // The README quotes the example's output, both options: bad experiences at full effect, median ROI and P(ROI > 0).
    const row = (label: string) =>
      out
        .split('\n')
        .find((l) => l.startsWith(label))
        ?.match(/(\d+\.\d\d)% → (\d+\.\d\d)%\s+(-?\d+\.\d\d)\s+(\d+\.\d)%/)
        ?.slice(1) ?? [];
    const [before, weakest, weakestRoi, weakestChance] = row('weakest only');
    const [, spread, spreadRoi, spreadChance] = row('spread over all five');
    const minus = (x = '') => x.replace('-', '−');
    expect(readme).toContain(
      `cuts bad experiences from ${before}% to ${weakest}% a month, median ROI ${minus(weakestRoi)} and P(ROI > 0) ${weakestChance}%`,
    );
    expect(readme).toContain(`cuts them to ${spread}%, median ROI ${minus(spreadRoi)}, P(ROI > 0) ${spreadChance}%`);
  });
  it('channels-few-vs-many: few beats many with a set-up cost a channel, many beats few without one', async () => {
    const out = await run('channels-few-vs-many.ts');
    const blocks = out.split('\n\n').filter((b) => b.includes('3 channels'));
    const npv = (block: string, label: string) =>
      Number(
        block
          .split('\n')
          .find((l) => l.trim().startsWith(label))
          ?.trim()
          .split(/\s+/)[2]
          ?.replace(/,/g, ''),
      );
    const [setup, none] = blocks;
    expect(npv(setup ?? '', '3 channels')).toBeGreaterThan(npv(setup ?? '', '9 channels'));
    expect(npv(none ?? '', '9 channels')).toBeGreaterThan(npv(none ?? '', '3 channels'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const chance = (block: string, label: string) =>
      block
        .split('\n')
        .find((l) => l.trim().startsWith(label))
        ?.trim()
        .split(/\s+/)[3];
    for (const block of blocks)
      expect(readme).toContain(
        `| ${Math.round(npv(block, '3 channels')).toLocaleString('en-US').replace('-', '−')}, ${chance(block, '3 channels')} | ${Math.round(npv(block, '9 channels')).toLocaleString('en-US').replace('-', '−')}, ${chance(block, '9 channels')} |`,
      );
  });
  it('weakest-link', async () => {
    const out = await run('weakest-link.ts');
    const customers = (label: string) =>
      Number(
        out
          .split('\n')
          .find((l) => l.startsWith(label))
          ?.trim()
          .split(/\s+/)
          .at(-1)
          ?.replace(/,/g, ''),
      );
    expect(customers('every touchpoint good')).toBeGreaterThan(2 * customers('late delivery, others perfect'));
    expect(customers('late delivery, others perfect')).toBeGreaterThan(customers('late delivery (12%)'));
  });
});
