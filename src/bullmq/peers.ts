/**
 * bullmq, loaded when cx-roi/bullmq is imported (the ESM build): a dynamic
 * import, so that a missing peer dependency says what to install instead of
 * Node's "Cannot find package". The CommonJS build loads peers.cjs.ts in its
 * place (tsup.config.ts), with require.
 */
import type * as BullMQ from 'bullmq';
import { peerLoadError } from './peer-missing.js';

export const bullmq: typeof BullMQ = await import('bullmq').catch((error: unknown) => {
  throw peerLoadError(error);
});
