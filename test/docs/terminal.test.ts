import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeBlock } from '../consumers/readme.js';
import { root } from './pages.js';

describe('the terminal examples (the built CLI)', () => {
  it('the terminal examples of the README and the CLI page run as pasted in an empty folder, with the built CLI as npx cx-roi', () => {
    const runBlock = (block: string, check: (dir: string) => void) => {
      const dir = mkdtempSync(join(tmpdir(), 'cx-roi-readme-cli-'));
      try {
        // Only what a package user has: the files the block writes itself. `npx cx-roi` is the built CLI.
        const script = `set -e\nnpx() { if [ "$1" = cx-roi ]; then shift; node ${JSON.stringify(join(root, 'dist/cli.js'))} "$@"; else command npx "$@"; fi; }\n${block}`;
        execFileSync('sh', ['-c', script], {
          cwd: dir,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 256 * 1024 * 1024,
        });
        check(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    runBlock(readmeBlock('## The command line', 'sh'), (dir) => {
      expect(JSON.parse(readFileSync(join(dir, 'mine.json'), 'utf8')).business.customers).toBe(42_000);
    });
    runBlock(readmeBlock('## Use it from the terminal', 'sh'), (dir) => {
      for (const file of ['bands.csv', 'runs.csv', 'mine.json']) expect(statSync(join(dir, file)).size, file).toBeGreaterThan(0);
      expect(JSON.parse(readFileSync(join(dir, 'mine.json'), 'utf8')).business.customers).toBe(42_000);
      expect(readFileSync(join(dir, 'runs.csv'), 'utf8').trim().split('\n').length).toBeGreaterThan(1000);
    });
  }, 600_000);
});
