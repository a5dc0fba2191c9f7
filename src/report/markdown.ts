import { describeAssumptions } from '../scenario/describe.js';
import type { ScenarioInput } from '../scenario/schema.js';

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The assumptions table as Markdown: path, default, unit, meaning, and source
 * (credit, article and quote) or "illustrative assumption", with any
 * competing figures from the source articles. The README's table is this
 * function's output.
 *
 * @param input - A partial scenario; the defaults when left out.
 * @throws {@link ScenarioError} when `input` is not a valid scenario.
 * @example
 * ```ts
 * fs.writeFileSync('ASSUMPTIONS.md', assumptionsMarkdown());
 * ```
 */
export function assumptionsMarkdown(input: ScenarioInput = {}): string {
  const rows = describeAssumptions(input).map((r) => {
    const source = r.source
      ? `${r.source.figure} (${r.source.credit}; \`${r.source.article}\`: “${r.source.quote}”)${r.note ? ` ${r.note}` : ''}`
      : `*Illustrative assumption.* ${(r.note ?? '').replace(/^Illustrative assumption, not a published finding: /, '')}`;
    const competing = r.alternatives.map((a) => ` Competing figure: ${a.value}, ${a.figure} (${a.credit}; \`${a.article}\`; ${a.note}).`).join('');
    return `| \`${r.path}\` | ${escape(r.valueText)} | ${escape(r.unit)} | ${escape(r.description)} Allowed: ${escape(r.allowed)}. | ${escape(source + competing)} |`;
  });
  return ['| field | default | unit | meaning | source |', '|---|---|---|---|---|', ...rows].join('\n');
}
