/**
 * The version the speed targets are measured against: cx-roi 0.5.0, as packed
 * (`bench/baseline/cx-roi-0.5.0.tgz`, the tarball `npm pack` made of the 0.5.0
 * release), unpacked once under node_modules/.cx-roi-baseline so that its one
 * dependency, zod, resolves from this project's install. The bench runs it and
 * the current build alternately in one process, so a ratio compares two
 * versions on the same machine at the same minute.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
export const baselineVersion = '0.5.0';
const tarball = join(root, 'bench/baseline', `cx-roi-${baselineVersion}.tgz`);
const unpacked = join(root, 'node_modules/.cx-roi-baseline', baselineVersion);

/** What the bench calls of the baseline: the same names as the current build's. */
export interface BaselineModule {
  simulate: typeof import('../src/index.js').simulate;
  simulateParallel: typeof import('../src/index.js').simulateParallel;
  stopWorkers: typeof import('../src/index.js').stopWorkers;
}

/** The baseline's ESM entry, unpacking the tarball the first time. */
export function baselineEntry(): string {
  const entry = join(unpacked, 'package/dist/index.js');
  if (!existsSync(entry)) {
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  }
  return entry;
}

/** cx-roi 0.5.0, loaded beside the current build. */
export async function loadBaseline(): Promise<BaselineModule> {
  return (await import(pathToFileURL(baselineEntry()).href)) as BaselineModule;
}
