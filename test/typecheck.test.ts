import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm test` type-checks here rather than before vitest starts: tsc then runs beside the other suites
// instead of holding them up. bench/ imports the built package, so this is in the dist tier.
const root = join(import.meta.dirname, '..');

describe('the repository', () => {
  it('type-checks: library, tests, examples, playground, bench and scripts (tsc -p .)', async () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    // tsc prints its errors on standard output and exits non-zero: the report is the assertion.
    const report = await promisify(execFile)(process.execPath, [tsc, '-p', '.', '--noEmit', '--pretty', 'false'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout }) => stdout,
      (error: { stdout?: string; message: string }) => error.stdout || error.message,
    );
    expect(report).toBe('');
  }, 300_000);
});
