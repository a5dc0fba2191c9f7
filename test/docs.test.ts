import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeFigure, withGeneratedTable } from '../scripts/docs.js';

const root = join(import.meta.dirname, '..');

describe('generated docs (run `npm run docs` after changing the schema or the model)', () => {
  it('the README carries the assumptions table generated from the schema', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(withGeneratedTable(readme));
    expect(readme).toContain('| `churn.switchAfterBad` | 0.86 |');
  });

  it('the README’s figure is the default scenario’s ROI chart as the model draws it today', () => {
    expect(readFileSync(join(root, 'docs/roi-fan.svg'), 'utf8')).toBe(readmeFigure());
  });
});
