import type { TestProject } from 'vitest/node';
import { type Need, ensureBuilt } from './prerequisites.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What the project's suites need beyond the source (vitest.config.ts declares it). */
    needs: Need[];
    /** The run only lists the tests (`vitest list`): nothing is built or required. */
    listing: boolean;
  }
}

/**
 * Builds, once for the whole run, what the project's suites need and what is missing or older than its
 * sources: the library (`dist/`, which `npm ci` has already built through `prepare`) and the playground.
 * Projects run their global setups one after another, so a second project that needs the same build
 * finds it current. Chromium and redis-server are checked by each suite (test/needs.ts), so that a
 * missing one fails its own suites with what to install and leaves the others running.
 */
export function setup(project: TestProject): void {
  const listing = process.argv.slice(2).includes('list');
  project.provide('listing', listing);
  if (listing) return;
  const needs = project.getProvidedContext().needs ?? [];
  if (needs.includes('dist')) ensureBuilt('dist');
  if (needs.includes('playground')) ensureBuilt('playground');
}
