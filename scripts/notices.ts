/**
 * Writes THIRD_PARTY_NOTICES.md: the licence of every package whose code the
 * built files carry (none at present: the self-contained worker
 * bundles whatever it imports, so a package it gains is listed here), found by bundling the same entries as tsup with the
 * same packages left out, so the list follows the code rather than memory.
 *
 *   npm run notices    (a test fails when the file is out of date)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
// tsup leaves the dependencies and the peer dependencies to the consumer's install.
const dependencies = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];

/** The shipped entries, and the packages each leaves to the consumer's install (tsup's defaults: the dependencies). */
const entries: readonly { entry: string; external: readonly string[] }[] = [
  { entry: 'src/index.ts', external: dependencies },
  { entry: 'src/cli/bin.ts', external: [...dependencies, 'cx-roi/bullmq'] },
  { entry: 'src/bullmq/index.ts', external: [...dependencies, 'cx-roi'] },
  { entry: 'src/bullmq/shard-thread.ts', external: [...dependencies, 'cx-roi'] },
  // The worker is one self-contained file, for browsers as for Node.
  { entry: 'src/parallel/worker.ts', external: [] },
];

/** The packages bundled into the built files, by name. */
export async function bundledPackages(): Promise<string[]> {
  const names = new Set<string>();
  for (const { entry, external } of entries) {
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      external: [...external, 'node:*'],
      logLevel: 'silent',
    });
    // Only what reaches the output: a module imported but shaken out carries no code.
    for (const output of Object.values(result.metafile.outputs))
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
        if (match?.[1] && bytesInOutput > 0) names.add(match[1]);
      }
  }
  return [...names].sort();
}

function licenceFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^(licen[cs]e|notice)(\.(md|txt))?$/i.test(f))
    .sort((a, b) => Number(/notice/i.test(a)) - Number(/notice/i.test(b)));
}

/** The notices file's text. */
export async function thirdPartyNotices(): Promise<string> {
  const bundled = await bundledPackages();
  const parts = [
    '# Third-party notices',
    '',
    bundled.length === 0
      ? 'The built files of cx-roi (`dist/`) carry no code of other packages: its dependencies are installed beside it, each with its own licence.'
      : 'The built files of cx-roi (`dist/`) carry code from the packages below, each under its own licence, reproduced here.',
    '',
  ];
  for (const name of bundled) {
    const dir = join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string; homepage?: string };
    const files = licenceFiles(dir);
    if (files.length === 0 || !existsSync(join(dir, files[0] as string)))
      throw new Error(`${name} ships no licence file: add its licence by hand`);
    parts.push(`## ${name} ${pkg.version} (${pkg.license ?? 'see below'})`, '');
    for (const file of files) parts.push('```', readFileSync(join(dir, file), 'utf8').trim(), '```', '');
  }
  return `${parts.join('\n').trim()}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  writeFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), await thirdPartyNotices());
  console.log(`THIRD_PARTY_NOTICES.md: ${(await bundledPackages()).join(', ')}`);
}
