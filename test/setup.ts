import fc from 'fast-check';

// CI pins fast-check's seed (FC_SEED) so a failure there can be replayed exactly;
// locally every run explores new cases.
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal({
  ...(seed === undefined || Number.isNaN(seed) ? {} : { seed }),
  numRuns: Number(process.env.FC_NUM_RUNS ?? 40),
});
