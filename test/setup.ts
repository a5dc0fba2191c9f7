import fc from 'fast-check';
import { propertyRuns } from './helpers/counts.js';

// CI pins fast-check's seed (FC_SEED) so a failure there can be replayed exactly;
// locally every run explores new cases.
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal({
  ...(seed === undefined || Number.isNaN(seed) ? {} : { seed }),
  // A property that names no count: 40 runs in `npm test`, 400 under `npm run test:stats`, or FC_NUM_RUNS.
  numRuns: process.env.FC_NUM_RUNS === undefined ? propertyRuns(40) : Number(process.env.FC_NUM_RUNS),
});
