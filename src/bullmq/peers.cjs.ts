/**
 * bullmq, loaded when cx-roi/bullmq is required (the CommonJS build, where
 * tsup.config.ts puts this file in the place of peers.ts): a require in a
 * try, so that a missing peer dependency says what to install.
 */
import type * as BullMQ from 'bullmq';
import { peerLoadError } from './peer-missing.js';

declare const require: (id: string) => unknown;

function load(): typeof BullMQ {
  try {
    return require('bullmq') as typeof BullMQ;
  } catch (error) {
    throw peerLoadError(error);
  }
}

export const bullmq: typeof BullMQ = load();
