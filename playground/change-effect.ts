/**
 * Act and see: what a cell's change did to the answer, said where the button
 * was pressed ("Median ROI +14% → +22%; chance it pays for itself 56% → 71%;
 * payback month 56 → month 41."), so nobody has to scroll to the headline to
 * learn whether "Apply" helped.
 */
import type { SimulationResult } from 'cx-roi';
import { percent, signedPercent as signed } from '../src/format/numbers';
import { years } from './headline';
import { statusLine } from './status-line';

const payback = (r: SimulationResult) => {
  const month = r.horizon.paybackMonth.median;
  return month === null ? `not within ${years(r.scenario.horizonMonths)}` : `month ${month}`;
};

/** The three figures a strategist asks about, before → after, in words; "unchanged" where a figure did not move. */
export function effectWords(before: SimulationResult, after: SimulationResult): string {
  const parts: [string, string, string][] = [
    ['median ROI', signed(before.horizon.roi.p50), signed(after.horizon.roi.p50)],
    ['chance it pays for itself', percent(before.horizon.probabilityPositiveRoi, 0), percent(after.horizon.probabilityPositiveRoi, 0)],
    ['median payback', payback(before), payback(after)],
  ];
  const said = parts.map(([name, was, now]) => (was === now ? `${name} ${now} (unchanged)` : `${name} ${was} → ${now}`));
  const text = said.join('; ');
  return `This change: ${text.charAt(0).toLowerCase()}${text.slice(1)}.`;
}

/** A change a cell made, waiting for its answer: where to say what it did, and the settings it asked for. */
export interface PendingEffect {
  readonly box: HTMLElement;
  readonly key: string;
}

/** The line a cell shows its change's effect in, made once, after the cell's own content. */
export function effectLine(box: HTMLElement): HTMLElement {
  return statusLine(box, 'change-effect');
}
