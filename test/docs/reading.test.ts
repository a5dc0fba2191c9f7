import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { docPages, readmeBlock } from '../consumers/readme.js';
import { page, root } from './pages.js';

/** The text of a page without its fenced code blocks and inline code, where a link or heading is only an example. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2, …. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of text.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = (heading as string)
      .replace(/`/g, '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('the docs read in order and hold together', () => {
  it('the README stays short: under 16,000 bytes, the rest in docs/*.md', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThan(16_000);
  });

  it('every relative link in the README and docs/*.md names a file that exists, and an anchor its page has', () => {
    const broken: string[] = [];
    for (const { file, text } of docPages()) {
      for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z+.-]*:/i.test(target as string)) continue; // https:, mailto:: not a file of this repository
        const [path = '', anchor] = (target as string).split('#');
        const resolved = path === '' ? join(root, file) : join(root, dirname(file), path);
        if (!existsSync(resolved)) broken.push(`${file}: ${target} (no such file)`);
        else if (anchor !== undefined && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor))
          broken.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
    // The check sees the links it should: the README links every docs page.
    const readme = page('README.md');
    for (const { file } of docPages().slice(1)) expect(readme, file).toContain(`](${file})`);
  });

  it('the package ships every page the README links to, so its links resolve in an installed copy (the release check refuses otherwise)', async () => {
    const { readmeLinkedFiles, releaseProblems } = await import('../../scripts/release-check.js');
    const manifest = JSON.parse(page('package.json')) as { files: string[] };
    const linked = readmeLinkedFiles(page('README.md'));
    expect(linked).toEqual(
      expect.arrayContaining(
        docPages()
          .slice(1)
          .map(({ file }) => file),
      ),
    );
    const published = {
      ...manifest,
      repository: 'https://example.org/cx-roi.git',
      bugs: 'https://example.org/cx-roi/issues',
      homepage: 'https://example.org/cx-roi',
    };
    const files = (list: string[]) =>
      releaseProblems({ ...published, files: list }, page('README.md'), page('CHANGELOG.md')).filter((p) =>
        p.includes('which the README links to'),
      );
    expect(files(manifest.files)).toEqual([]);
    expect(files(manifest.files.filter((f) => f !== 'docs/*.md'))).toEqual([expect.stringContaining('docs/model.md')]);
  });

  it('every docs page opens with a paragraph saying what it covers, with a link back to the README', () => {
    for (const { file, text } of docPages().slice(1)) {
      const [title, first] = text.split('\n\n');
      expect(title, file).toMatch(/^# /);
      expect(first, file).toMatch(/^This page covers /);
      expect(first, file).toContain('](../README.md');
    }
  });

  it('the README’s first simulation prints what the README says it prints', () => {
    const code = readmeBlock('## A first simulation', 'ts');
    const printed = readmeBlock('## A first simulation', 'text');
    expect(code.split('\n').length).toBeLessThanOrEqual(12);
    const dir = mkdtempSync(join(tmpdir(), 'cx-roi-readme-example-'));
    try {
      // The source stands in for the package: the consumer tests run the built one.
      const file = join(dir, 'example.ts');
      writeFileSync(file, code.replace(/from 'cx-roi'/g, `from ${JSON.stringify(join(root, 'src/index.ts'))}`));
      const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [file], { cwd: root, encoding: 'utf8' });
      expect(out).toBe(printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('the README’s figure caption quotes the default programme’s payback as the model gives it today', () => {
    const { paybackMonth } = simulate({}, { runs: 2000, seed: 1 }).horizon;
    const caption =
      page('README.md')
        .split('\n')
        .find((line) => line.startsWith('*The default programme')) ?? '';
    expect(caption).toContain(`half of all runs have paid back by month ${paybackMonth.median}`);
    expect(caption).toContain(`${Math.round(100 * paybackMonth.neverShare)}% never do within five years`);
    expect(page('README.md')).toContain(
      `![Cumulative ROI of the default programme over five years: the median crosses zero at month ${paybackMonth.median};`,
    );
  });

  it('the model page quotes the examples’ figures as the README does (test/examples.test.ts holds the README to the examples’ output)', () => {
    const readme = page('README.md');
    const model = page('docs/model.md');
    const weakest = readme.match(/cuts bad experiences from [\d.]+% to [\d.]+% a month, median ROI −?[\d.]+ and P\(ROI > 0\) [\d.]+%/)?.[0];
    const spread = readme.match(/cuts them to [\d.]+%, median ROI −?[\d.]+, P\(ROI > 0\) [\d.]+%/)?.[0];
    expect(weakest).toBeDefined();
    expect(spread).toBeDefined();
    expect(model).toContain(weakest);
    expect(model).toContain(spread);
    const rows = [...readme.matchAll(/\| (−?[\d,]+, [\d.]+% \| −?[\d,]+, [\d.]+%) \|$/gm)].map((m) => m[1] as string);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(model).toContain(`| ${row} |`);
  });
});
