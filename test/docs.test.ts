import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withGeneratedTable } from '../scripts/docs.js';

describe('README', () => {
  it('carries the assumptions table generated from the schema (run `npm run docs` after changing it)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(withGeneratedTable(readme));
    expect(readme).toContain('| `churn.switchAfterBad` | 0.86 |');
  });
});
