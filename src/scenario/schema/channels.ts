import * as z from 'zod';
import { domains } from '../domain.js';
import { sources } from '../sources.js';
import { assumption, byName, channelName, illustrative, probability, setting } from './field-kinds.js';
import type { SectionCheck } from './checks.js';

/** `scenario.channels` (optional): the channels customers contact the company through, and how often each fails. */
export const channelsSchema = z.strictObject({
  /**
   * Customers getting in touch each month.
   *
   * Share of customers who contact the company in a month; a failed contact makes the month’s journey bad.
   *
   * Unit: share of customers per month. Allowed: a probability from 0 to 1, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data.
   */
  contactRate: probability({
    label: 'Customers getting in touch each month',
    unit: 'share of customers per month',
    description: 'Share of customers who contact the company in a month; a failed contact makes the month’s journey bad.',
    source: null,
    note: illustrative,
  }),
  /**
   * Extra failures of an unconnected channel.
   *
   * How many times as often a channel not connected to the others fails.
   *
   * Unit: × failure rate. Allowed: a multiplier from 1 to 100, or a distribution over it, drawn once per run.
   * Illustrative assumption, not a published finding: set it from your own data. Article 002 (Dimension Data) finds 58% of organisations manage their channels in silos, which guarantees problems sharing data; it does not say how much more often a siloed channel fails, so 1.5 is a choice.
   */
  siloPenalty: assumption(domains.failureMultiplier, {
    label: 'Extra failures of an unconnected channel',
    unit: '× failure rate',
    description: 'How many times as often a channel not connected to the others fails.',
    source: null,
    note: `${illustrative} Article 002 (Dimension Data) finds ${sources.channelsInSilos.figure.replace(/^58%/, '58% of organisations')}; it does not say how much more often a siloed channel fails, so 1.5 is a choice.`,
  }),
  offered: byName(
    channelName,
    z.strictObject({
      share: setting(domains.share, {
        label: 'Channel’s share of contacts',
        unit: 'share of contacts',
        description: 'Share of contacts through this channel (the shares add up to 1).',
        source: null,
        note: illustrative,
      }),
      failure: probability({
        label: 'Channel failure rate',
        unit: 'probability per contact',
        description: 'Chance that a contact through this channel fails when it is connected to the others.',
        source: null,
        note: illustrative,
      }),
      connected: z.boolean({ error: 'must be true or false' }),
    }),
    'channels',
  ),
});

/** The channels' shares of contacts add up to 1: every contact goes through one of them. */
export const sharesAddUpToOne: SectionCheck<z.output<typeof channelsSchema>> = (channels, { complain }) => {
  const total = Object.values(channels.offered).reduce((sum, c) => sum + c.share, 0);
  if (Math.abs(total - 1) > 1e-9) complain(['offered'], `the channels' shares of contacts must add up to 1, not ${total}`);
};
