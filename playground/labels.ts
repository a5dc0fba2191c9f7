/**
 * Assumptions in words, from the library's own labels (the scenario schema's
 * metadata), for the charts, tables and screen-reader names of the page.
 */
import { describeAssumptions } from 'cx-roi';

let labels: ReadonlyMap<string, string> | undefined;

/** An assumption (or a group, "a + b") in words; the dotted path for a field the library has no label for. */
export function assumptionLabel(path: string): string {
  if (path.includes(' + ')) {
    const parts = path.split(' + ').map(assumptionLabel);
    return `${parts.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(' + ')} (together)`;
  }
  if (path === 'investment.executed') return 'Carried out as planned';
  labels ??= new Map(describeAssumptions().map((row) => [row.path, (row as { label?: string }).label ?? row.description]));
  if (path.startsWith('journey.touchpointFailure.')) return `Touchpoint “${path.slice('journey.touchpointFailure.'.length)}” fails`;
  return labels.get(path) ?? path;
}
