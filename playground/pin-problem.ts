/**
 * Why the link's scenario A could not be pinned, in words for the Compare cell. Loaded only when a link's A
 * cannot be pinned, so the page's first script does not carry them.
 */
import { type ScenarioIssue, describeAssumptions } from 'cx-roi';
import { plainMessage } from './assumptions-panel';
import { assumptionLabel, assumptionValue, displayScale } from './labels';

/** The factor from a field's value in the scenario to what the page shows in its cell: 100 for a chance. */
function scaleOf(path: string): number {
  const unit =
    describeAssumptions().find((row) => row.path === path)?.unit ??
    (path.startsWith('journey.touchpointFailure.') ? 'probability per month' : '');
  return displayScale({ unit });
}

/**
 * Each problem of a linked scenario in words: the field by its label, the value the link gives it, and the
 * message as the field is shown (in percent for a chance).
 */
export function linkIssueWords(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((issue) => {
      // The field the issue is in ("churn.base" for "churn.base.mode"), or its path where the field has no label (an unknown one).
      const segments = issue.path.split('.');
      const field =
        segments.map((_, n) => segments.slice(0, segments.length - n).join('.')).find((p) => assumptionLabel(p) !== p) ?? issue.path;
      const given = field === issue.path && typeof issue.value === 'number' ? ` (${assumptionValue(field, issue.value)} in the link)` : '';
      return `${issue.path ? `${assumptionLabel(field)}${given}: ` : ''}${plainMessage(issue.message, scaleOf(field))}`;
    })
    .join('; ');
}

/**
 * The Compare cell's message (`words`): scenario A (by its name, unless it is just "A") could not be pinned, why,
 * and what the user can do; and the line under the answer that points to it (`pointer`).
 *
 * @param why - The scenario's problems, or a sentence (what could not be read; the runs or seed).
 * @param waiting - A waits for runs and a seed the page allows, and is pinned with them: said instead of the buttons.
 * @example
 * pinProblemWords('Cautious', [{ path: 'churn.base', value: 7, message: 'must be a probability from 0 to 1' }], false);
 * // { words: 'Scenario A (“Cautious”) in the link could not be pinned: Leaving after a good experience (700% in the link): must be …', pointer: … }
 */
export function pinProblemWords(
  nameA: string,
  why: string | readonly ScenarioIssue[],
  waiting: boolean,
): { words: string; pointer: string } {
  const name = nameA === 'A' ? 'Scenario A' : `Scenario A (“${nameA}”)`;
  const reason = (typeof why === 'string' ? why : linkIssueWords(why)).replace(/\.?$/, '.');
  return {
    words: waiting
      ? `${name} in the link could not be pinned yet: ${reason} It is pinned as soon as the runs and seed are valid.`
      : `${name} in the link could not be pinned: ${reason} The link keeps it as it was: “Pin current result as A” replaces it, “Clear A” drops it.`,
    pointer: 'Scenario A in the link could not be pinned: see Compare, below.',
  };
}
