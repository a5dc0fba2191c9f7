import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thirdPartyNotices } from '../scripts/notices.js';
import { figureUrl, releaseProblems, type Manifest } from '../scripts/release-check.js';

const root = join(import.meta.dirname, '..');

describe('the package', () => {
  it('carries the licence of every package bundled into its built files (run `npm run notices` after changing them)', async () => {
    expect(readFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8')).toBe(await thirdPartyNotices());
  });

  it('ships the built code, types, docs and notices, and no sourcemaps', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as [{ files: { path: string }[]; size: number }];
    // The README: "1.2 MB packed before, under 0.5 MB now".
    expect(pack.size).toBeLessThan(500_000);
    const files = pack.files.map((f) => f.path).sort();
    expect(files).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'THIRD_PARTY_NOTICES.md',
        'docs/roi-fan.svg',
        'docs/api.md',
        'docs/assumptions.md',
        'docs/benchmarks.md',
        'docs/cli.md',
        'docs/contributing.md',
        'docs/deciding.md',
        'docs/model.md',
        'docs/playground.md',
        'docs/scaling-out.md',
        'docs/testing-kit.md',
        'scenario.schema.json',
        'dist/bullmq.cjs',
        'dist/bullmq.d.cts',
        'dist/bullmq.d.ts',
        'dist/bullmq.js',
        'dist/cli.js',
        'dist/index.cjs',
        'dist/index.d.cts',
        'dist/index.d.ts',
        'dist/index.js',
        'dist/testing.cjs',
        'dist/testing.d.cts',
        'dist/testing.d.ts',
        'dist/testing.js',
        'dist/shard-thread.js',
        'dist/worker.js',
        'dist/worker-api.cjs',
        'dist/worker-api.d.cts',
        'dist/worker-api.d.ts',
        'dist/worker-api.js',
        'package.json',
      ].sort(),
    );
    // The worker is sent a parsed scenario and its fields: it carries no zod, so it starts fast.
    const worker = readFileSync(join(root, 'dist/worker.js'), 'utf8');
    expect(worker).not.toMatch(/ZodError|\$ZodType|typed-function/);
    expect(worker.length).toBeLessThan(40_000);
    // The horizon statistics are the library's own (held to mathjs by test/maths/statistics.test.ts): no copy of mathjs ships.
    expect(readFileSync(join(root, 'dist/index.js'), 'utf8')).not.toMatch(/typed-function|mathjs\//);
    // The declarations ship once: the ESM entry's types re-export the CommonJS ones (the consumer tests check both resolve).
    expect(readFileSync(join(root, 'dist/index.d.ts'), 'utf8')).toBe("export * from './index.cjs';\n");
    // Not the testing kit's: an ESM project's fast-check is fast-check's ESM declarations, so the kit's ESM types import those.
    expect(readFileSync(join(root, 'dist/testing.d.ts'), 'utf8')).toMatch(/^import fc from 'fast-check';/);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // A tarball packed from a fresh clone, and an install from a git URL (npm install git+https://…), build
    // the library first: npm runs prepare for both (and for npm ci in a clone). One script, so npm pack builds once.
    expect(manifest.scripts.prepare).toBe('npm run build:lib');
    expect(manifest.scripts['build:lib']).toMatch(/tsup && tsx scripts\/field-docs\.ts --dist/);
    expect(manifest.scripts.prepack).toBeUndefined();
  });

  it("shows its README figure on npm: this version's own shipped file, through jsDelivr", () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(figureUrl(manifest)).toBe(`https://cdn.jsdelivr.net/npm/cx-roi@${manifest.version}/docs/roi-fan.svg`);
    expect(readme).toContain(`](${figureUrl(manifest)})`);
    expect(manifest.files).toContain('docs/roi-fan.svg');
  });

  it('refuses to publish without the addresses npm shows, naming each, and with them lets it through', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest & { scripts: Record<string, string> };
    expect(manifest.scripts.prepublishOnly).toBe('tsx scripts/release-check.ts');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
    const bare = { name: manifest.name, version: manifest.version, files: manifest.files };
    const missing = releaseProblems(bare, readme, changelog);
    expect(missing.map((p) => p.split(':')[0])).toEqual(['package.json "repository"', 'package.json "bugs"', 'package.json "homepage"']);
    const complete = {
      ...bare,
      repository: { url: 'git+https://example.org/cx-roi.git' },
      bugs: { url: 'https://example.org/cx-roi/issues' },
      homepage: 'https://example.org/cx-roi',
    };
    expect(releaseProblems(complete, readme, changelog)).toEqual([]);
    // A version bump without its figure link or CHANGELOG entry is caught too.
    const bumped = releaseProblems({ ...complete, version: '99.0.0' }, readme, changelog);
    expect(bumped).toHaveLength(2);
    expect(bumped.join('\n')).toMatch(/README\.md[\s\S]*CHANGELOG\.md/);
  });
});
