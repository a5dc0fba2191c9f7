import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thirdPartyNotices } from '../scripts/notices.js';

const root = join(import.meta.dirname, '..');

describe('the package', () => {
  it('carries the licence of every package bundled into its built files (run `npm run notices` after changing them)', async () => {
    expect(readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8')).toBe(await thirdPartyNotices());
    // mathjs is Apache-2.0: its NOTICE goes with it.
    expect(readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8')).toMatch(/## mathjs [\d.]+ \(Apache-2\.0\)[\s\S]*Apache License[\s\S]*math\.js/);
  });

  it.runIf(existsSync(join(root, 'dist/index.js')))('ships the built code, types, docs and notices, and no sourcemaps', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[]; size: number }];
    // The README: "1.2 MB packed before, under 0.5 MB now".
    expect(pack.size).toBeLessThan(500_000);
    const files = pack.files.map((f) => f.path).sort();
    expect(files).toEqual(
      ['CHANGELOG.md', 'LICENSE', 'README.md', 'THIRD_PARTY_NOTICES.md', 'scenario.schema.json', 'dist/cli.js', 'dist/index.cjs', 'dist/index.d.cts', 'dist/index.d.ts', 'dist/index.js', 'dist/testing.cjs', 'dist/testing.d.cts', 'dist/testing.d.ts', 'dist/testing.js', 'dist/worker.js', 'package.json'].sort(),
    );
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // A tarball packed from a fresh clone builds first.
    expect(manifest.scripts.prepack).toMatch(/tsup/);
  });
});
