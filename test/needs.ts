import { inject } from 'vitest';
import { missing } from './prerequisites.js';

// Run before every suite of a project that needs more than the source: a missing prerequisite fails the
// suite with what to install and why, instead of letting it skip.
if (!inject('listing')) {
  const problems = inject('needs').flatMap((need) => missing(need) ?? []);
  if (problems.length > 0) throw new Error(`This suite cannot run: ${problems.join('; ')}`);
}
