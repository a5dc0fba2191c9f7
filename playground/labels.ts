/**
 * Assumptions in words, from the library's own labels (the scenario schema's
 * metadata), for the charts, tables and screen-reader names of the page.
 */
import { describeAssumptions } from 'cx-roi';

let labels: ReadonlyMap<string, string> | undefined;
let units: ReadonlyMap<string, string> | undefined;

/** An assumption (or a group, "a + b") in words; the dotted path for a field the library has no label for. */
export function assumptionLabel(path: string): string {
  if (path.includes(' + ')) {
    const parts = path.split(' + ').map(assumptionLabel);
    return `${parts.map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(' + ')} (together)`;
  }
  if (path === 'investment.executed') return 'Carried out as planned';
  labels ??= new Map(describeAssumptions().map((row) => [row.path, (row as { label?: string }).label ?? row.description]));
  if (path.startsWith('journey.touchpointFailure.')) return `Touchpoint “${path.slice('journey.touchpointFailure.'.length)}” fails`;
  return labels.get(path) ?? channelLabel(path) ?? path;
}

/** A channel's own figure, named by the channel ("Web: channel failure rate"): the library labels the figure, not which channel. */
function channelLabel(path: string): string | null {
  const offered = /^channels\.offered\.([A-Za-z0-9_-]+)\.(failure|share)$/.exec(path);
  const budget = /^investment\.channels\.budget\.([A-Za-z0-9_-]+)$/.exec(path);
  const name = offered?.[1] ?? budget?.[1];
  if (!name) return null;
  const what = budget ? 'channel budget' : offered?.[2] === 'failure' ? 'channel failure rate' : 'share of contacts';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${what}`;
}

/**
 * A message of the library's with each assumption it names by its path ("investment.failureReduction") named in
 * words instead ("Failure reduction"); a path the page has no label for is left as it is.
 */
export function pathsInWords(text: string): string {
  return text.replace(/\b[a-z][A-Za-z]*(?:\.[A-Za-z0-9_-]+)+\b/g, (path) => {
    const label = assumptionLabel(path);
    return label === path ? path : label;
  });
}

/** Chances and shares are shown in percent: the factor from the scenario's fraction to what the page shows. */
export function displayScale(row: { readonly unit: string }): number {
  return /^(probability|share)/.test(row.unit) || row.unit === 'ROI at the horizon' ? 100 : 1;
}

/** A value of an assumption as the page shows it: "86%" for a chance, "110,000" for money. */
export function assumptionValue(path: string, value: number): string {
  units ??= new Map(describeAssumptions().map((row) => [row.path, row.unit]));
  const unit = units.get(path) ?? (path.startsWith('journey.touchpointFailure.') ? 'probability per month' : '');
  return numberWords(unit, value);
}

/** A number of an assumption with the given unit as the page shows it: percent (two decimals at most) for chances and shares. */
export function numberWords(unit: string, value: number): string {
  const percent = displayScale({ unit }) === 100;
  const shown = Number((value * (percent ? 100 : 1)).toPrecision(12));
  return `${shown.toLocaleString('en-US', { maximumFractionDigits: percent ? 2 : 4 })}${percent ? '%' : ''}`;
}
