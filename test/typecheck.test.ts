import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm test` type-checks and lints here rather than before vitest starts: the checks then run beside the other
// suites instead of holding them up. bench/ imports the built package, so this is in the dist tier.
const root = join(import.meta.dirname, '..');

/** What a command prints when it fails (its report is the assertion), or '' when it succeeds. */
async function failures(command: string, args: readonly string[]): Promise<string> {
  return promisify(execFile)(process.execPath, [command, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then(
    () => '',
    (error: { stdout?: string; stderr?: string; message: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message,
  );
}

describe('the repository', () => {
  // Three environments: the library without a host's globals, the page with the DOM's, the rest with Node's.
  it.each(['tsconfig.lib.json', 'tsconfig.page.json', 'tsconfig.json'])(
    'type-checks (tsc -p %s)',
    async (config) => {
      expect(await failures(join(root, 'node_modules/typescript/bin/tsc'), ['-p', config, '--noEmit', '--pretty', 'false'])).toBe('');
    },
    300_000,
  );

  it('is linted and formatted as biome.jsonc says (biome ci)', async () => {
    expect(await failures(join(root, 'node_modules/@biomejs/biome/bin/biome'), ['ci', '--colors=off', '.'])).toBe('');
  }, 120_000);
});
