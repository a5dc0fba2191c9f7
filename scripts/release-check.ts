/**
 * Refuses `npm publish` while the package would reach npm incomplete: without
 * the addresses a user follows from the npm page (repository, issues,
 * homepage), with a README figure that points at another version's file, with
 * a README link to a page the package does not ship (docs/*.md), or without a
 * CHANGELOG entry for the version. Run by `prepublishOnly`.
 *
 *   tsx scripts/release-check.ts      (exit 1 and a list of what is missing)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Manifest {
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  readonly repository?: string | { readonly url?: string } | undefined;
  readonly bugs?: string | { readonly url?: string; readonly email?: string } | undefined;
  readonly homepage?: string | undefined;
  readonly files?: readonly string[] | undefined;
}

/** The README's figure, from the package's own files on jsDelivr, so npm's page shows it without a repository to resolve a relative path against. */
export function figureUrl(manifest: Manifest, file = 'docs/roi-fan.svg'): string {
  return `https://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/${file}`;
}

const isUrl = (s: unknown): boolean => typeof s === 'string' && /^(git\+)?https:\/\/\S+$/.test(s);

/** Whether a `files` entry of package.json ships `path` (a `*` stands for any name within one folder). */
function ships(pattern: string, path: string): boolean {
  const parts = pattern.split('*').map((part) => part.replace(/[.+?^$(){}|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]*')}(/.*)?$`).test(path);
}

/** The files of this repository the README links to (not web addresses, not anchors of its own). */
export function readmeLinkedFiles(readme: string): string[] {
  const prose = readme.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
  const paths = [...prose.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)].map((m) => m[1] as string).filter((p) => !/^[a-z][a-z+.-]*:/i.test(p));
  return [...new Set(paths)];
}

/** What stands between this package and a complete npm page, in words; empty when it may be published. */
export function releaseProblems(manifest: Manifest, readme: string, changelog: string): string[] {
  const problems: string[] = [];
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!isUrl(repository))
    problems.push(
      'package.json "repository": the public repository\'s https address (npm links to it, and resolves nothing else without it)',
    );
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : (manifest.bugs?.url ?? manifest.bugs?.email);
  if (!(isUrl(bugs) || (typeof bugs === 'string' && /^[^@\s]+@[^@\s]+$/.test(bugs))))
    problems.push('package.json "bugs": where users report a problem (the issue tracker\'s address or an e-mail)');
  if (!isUrl(manifest.homepage)) problems.push('package.json "homepage": the project\'s page (the playground or the repository)');
  const figure = figureUrl(manifest);
  if (!readme.includes(`](${figure})`))
    problems.push(`README.md: the figure must be ${figure} (this version's own file, shipped in the package)`);
  if (!(manifest.files ?? []).includes('docs/roi-fan.svg')) problems.push('package.json "files": docs/roi-fan.svg, the README\'s figure');
  // npm's page and an installed copy resolve the README's links against the package's own files.
  const unshipped = readmeLinkedFiles(readme).filter(
    (path) => !['README.md', 'package.json'].includes(path) && !(manifest.files ?? []).some((p) => ships(p, path)),
  );
  if (unshipped.length > 0) problems.push(`package.json "files": ${unshipped.join(', ')}, which the README links to`);
  if (!changelog.includes(`## [${manifest.version}]`)) problems.push(`CHANGELOG.md: no entry "## [${manifest.version}]"`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(import.meta.dirname, '..');
  const read = (f: string) => readFileSync(join(root, f), 'utf8');
  const problems = releaseProblems(JSON.parse(read('package.json')) as Manifest, read('README.md'), read('CHANGELOG.md'));
  if (problems.length > 0) {
    console.error(`Not ready to publish:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('Ready to publish.');
}
