import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  it('weakest-link', () => {
    const out = run('weakest-link.ts');
    const customers = (label: string) => Number(out.split('\n').find((l) => l.startsWith(label))?.trim().split(/\s+/).at(-1)?.replace(/,/g, ''));
    expect(customers('every touchpoint good')).toBeGreaterThan(2 * customers('late delivery, others perfect'));
    expect(customers('late delivery, others perfect')).toBeGreaterThan(customers('late delivery (12%)'));
  });
});
