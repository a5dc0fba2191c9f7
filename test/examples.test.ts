import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (name: string) => execFileSync(tsx, [join(root, 'examples', name)], { encoding: 'utf8', cwd: root });

// The examples import 'cx-roi' itself, which resolves to the build.
describe.runIf(existsSync(join(root, 'dist/index.js')))('examples run and say what they claim', () => {
  it('default-scenario', () => {
    const out = run('default-scenario.ts');
    expect(out).toMatch(/median ROI -?\d+\.\d\d/);
    expect(out).toContain("against Accenture's published 23% / 57% / 20%");
    expect(out).toContain('churn.switchAfterBad = 0.86');
  });
  it('cautious-vs-bold', () => {
    const lines = run('cautious-vs-bold.ts').split('\n');
    expect(lines.some((l) => l.startsWith('cautious'))).toBe(true);
    expect(lines.some((l) => l.startsWith('bold'))).toBe(true);
  });
  it('targeted-budget: the same budget on the weakest touchpoint does better than spread over all five', () => {
    const out = run('targeted-budget.ts');
    const chance = (label: string) => Number(out.split('\n').find((l) => l.startsWith(label))?.match(/(\d+\.\d)%\s+[\d,]+\s*$/)?.[1]);
    expect(chance('weakest only')).toBeGreaterThan(chance('spread over all five'));
    // The README quotes these figures.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`median ROI −0.09 and P(ROI > 0) ${chance('weakest only')}%`);
  });
  it('channels-few-vs-many: few beats many with a set-up cost a channel, many beats few without one', () => {
    const out = run('channels-few-vs-many.ts');
    const blocks = out.split('\n\n').filter((b) => b.includes('3 channels'));
    const npv = (block: string, label: string) => Number(block.split('\n').find((l) => l.trim().startsWith(label))?.trim().split(/\s+/)[2]?.replace(/,/g, ''));
    const [setup, none] = blocks;
    expect(npv(setup ?? '', '3 channels')).toBeGreaterThan(npv(setup ?? '', '9 channels'));
    expect(npv(none ?? '', '9 channels')).toBeGreaterThan(npv(none ?? '', '3 channels'));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const block of blocks) for (const label of ['3 channels', '9 channels']) expect(readme).toContain(Math.round(npv(block, label)).toLocaleString('en-US').replace('-', '−'));
  });
  it('weakest-link', () => {
    const out = run('weakest-link.ts');
    const customers = (label: string) => Number(out.split('\n').find((l) => l.startsWith(label))?.trim().split(/\s+/).at(-1)?.replace(/,/g, ''));
    expect(customers('every touchpoint good')).toBeGreaterThan(2 * customers('late delivery, others perfect'));
    expect(customers('late delivery, others perfect')).toBeGreaterThan(customers('late delivery (12%)'));
  });
});
