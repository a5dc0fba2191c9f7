import { describeAssumptions } from '../scenario/describe.js';
import type { ScenarioInput } from '../scenario/schema.js';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The assumptions table as Markdown: path, default, unit, meaning, and source
 * (credit, article and quote) or "illustrative assumption", with any
 * competing figures from the source articles. A field a held business
 * solves shows its value at the assumptions' means (four digits) and the
 * business figure it comes from. The README's table is this
 * function's output.
 *
 * @param input - A partial scenario; the defaults when left out.
 * @throws {@link ScenarioError} when `input` is not a valid scenario.
 * @example
 * ```ts
 * import { assumptionsMarkdown } from 'cx-roi';
 * const lines = assumptionsMarkdown().split('\n');
 * lines[0]; // => '| field | default | unit | meaning | source |'
 * // The header, its rule, and a row for each of the 35 fields:
 * lines.length; // => 37
 * lines.find((line) => line.startsWith('| `churn.switchAfterBad` |'))?.split(' | ').slice(1, 3); // => ['0.86', 'probability']
 * lines.find((line) => line.startsWith('| `churn.base` |'))?.split(' | ')[1]; // => '0.005608, solved from the business'
 * ```
 */
export function assumptionsMarkdown(input: ScenarioInput = {}): string {
  const rows = describeAssumptions(input).map((r) => {
    const source = r.source
      ? `${r.source.figure} (${r.source.credit}; \`${r.source.article}\`: “${r.source.quote}”)${r.note ? ` ${r.note}` : ''}`
      : `*Illustrative assumption.* ${(r.note ?? '').replace(/^Illustrative assumption, not a published finding: /, '')}`;
    const competing = r.alternatives
      .map((a) => ` Competing figure: ${a.value}, ${a.figure} (${a.credit}; \`${a.article}\`; ${a.note}).`)
      .join('');
    // A field a held business solves: its value at the assumptions' means, to four digits, and where it comes from.
    const value =
      r.derivedFrom !== null && typeof r.value === 'number' ? `${Number(r.value.toPrecision(4))}, solved from the business` : r.valueText;
    const solved = r.derivedFrom !== null ? ` Solved in every run from ${r.derivedFrom}.` : '';
    return `| \`${r.path}\` | ${escapeCell(value)} | ${escapeCell(r.unit)} | ${escapeCell(r.description)} Allowed: ${escapeCell(r.allowed)}.${escapeCell(solved)} | ${escapeCell(source + competing)} |`;
  });
  return ['| field | default | unit | meaning | source |', '|---|---|---|---|---|', ...rows].join('\n');
}
