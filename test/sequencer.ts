import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The suites that take longest, mostly waiting on other processes (a browser, npm, tsc, Redis, worker
 * processes), in the order they start: begun first, they overlap the rest instead of trailing after it.
 */
const longestFirst = [
  'test/e2e/',
  'test/consumers/',
  'test/bullmq/',
  'test/docs/',
  'test/typecheck.test.ts',
  'test/examples.test.ts',
  'test/cli/',
];

/**
 * Starts the long suites first, then the others longest first as the last run timed them (largest first
 * without one), whatever their project: vitest's own order runs the projects one after another, which
 * leaves a worker idle when the last project's suites are few and long.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const path = (spec: TestSpecification) => relative(config.root, spec.moduleId).replaceAll('\\', '/');
    const rank = (spec: TestSpecification) => {
      const index = longestFirst.findIndex((prefix) => path(spec).startsWith(prefix));
      return index === -1 ? longestFirst.length : index;
    };
    const key = (spec: TestSpecification) => `${spec.project.name}:${path(spec)}`;
    const duration = (spec: TestSpecification) => cache.getFileTestResults(key(spec))?.duration;
    const size = (spec: TestSpecification) => cache.getFileStats(key(spec))?.size ?? 0;
    return [...files].sort((a, b) => {
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      const [da, db] = [duration(a), duration(b)];
      if (da !== undefined && db !== undefined) return db - da;
      return size(b) - size(a);
    });
  }
}
