/** Short phrases the CLI's decision tables say things in: a metric's value, a swing's range, a source. */
import type { BreakEvenTarget, Source } from 'cx-roi';
import { count, percent } from '../format/numbers.js';

/** A share as said in a sentence: "80%", "80.5%" (the tenths only when there are any). */
export function sharePhrase(share: number): string {
  return percent(share, 1).replace(/\.0%$/, '%');
}

/** A break-even metric's value in words: "an 80% chance of payback by month 36", "a median ROI of 0%". */
export function describeMetric(target: BreakEvenTarget, value: number): string {
  const pct = sharePhrase(value);
  // "an 80% chance", "an 18% chance", "an 8% chance": as the number is said.
  const a = /^(8|1[18](?!\d))/.test(pct) ? 'an' : 'a';
  switch (target.metric) {
    case 'probabilityPositiveRoi':
      return `${a} ${pct} chance of a positive ROI`;
    case 'probabilityPaidBackBy':
      return `${a} ${pct} chance of payback by month ${target.month}`;
    case 'roiMedian':
      return `a median ROI of ${pct}`;
    default:
      return `a median NPV of ${count(value)}`;
  }
}

/** The range the fixed figures are swung over, in words. */
export function describeSwingRange(range: number): string {
  return `each figure ${sharePhrase(range)} below and above its value, cut to its allowed range`;
}

/** A source in short words: "article 000". */
export function articleOf(source: Source): string {
  return `article ${source.article.slice(0, 3)}`;
}
