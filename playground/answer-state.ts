/**
 * One truth on screen: every element that shows an answer says, in words,
 * whether it is current, a labelled preview, or the previous answer. The
 * page's HTML marks those elements with `data-answer`: "headline" for what a
 * preview replaces (the sentence, the cards, the spread, the phone's bar),
 * "rest" for what waits for the full answer (the business line, the charts,
 * the tables, the decision cells); `data-answer-scope` marks a cell outlined
 * as a whole when all of it is the previous answer. Marked elements keep their full contrast
 * (dimming text failed it); a previous answer is outlined and tagged.
 */

/** What the answer on screen is, for the inputs as they are now. */
export type AnswerState =
  | { readonly kind: 'current' }
  /** No answer on screen yet. */
  | { readonly kind: 'none' }
  /** A preview of the inputs' answer: the first `runs` of `of` runs. */
  | { readonly kind: 'preview'; readonly runs: number; readonly of: number }
  /** The previous answer, with the inputs' own simulation pending or under way. */
  | { readonly kind: 'pending' }
  /** The previous answer, with an input that cannot be simulated. */
  | { readonly kind: 'invalid' };

/** What a region of the kind `group` shows in `state`: the current answer, a preview, or the previous answer. */
export function regionShows(group: 'headline' | 'rest', state: AnswerState): 'current' | 'preview' | 'previous' {
  if (state.kind === 'pending' || state.kind === 'invalid') return 'previous';
  if (state.kind === 'preview') return group === 'headline' ? 'preview' : 'previous';
  return 'current';
}

/** The words of a previous answer's tag, by state. */
export function previousWords(state: AnswerState): string {
  if (state.kind === 'invalid') return 'Previous answer, for the inputs before your change: fix the highlighted field to simulate again.';
  if (state.kind === 'preview') return 'Previous answer: the preview above is for your change; this part follows with the full answer.';
  return 'Previous answer, for the inputs before your change: your change is being simulated.';
}

/** The words of the headline's tag, or null when the headline is current. */
export function headlineWords(state: AnswerState): string | null {
  if (state.kind === 'preview')
    return `Preview from the first ${state.runs.toLocaleString('en-US')} of ${state.of.toLocaleString('en-US')} runs, for your change: the full answer follows.`;
  if (state.kind === 'pending' || state.kind === 'invalid') return previousWords(state);
  return null;
}

/** The short tag of the phone's answer bar. */
function barWords(state: AnswerState): string | null {
  if (state.kind === 'preview') return 'Preview:';
  if (state.kind === 'pending' || state.kind === 'invalid') return 'Previous answer:';
  return null;
}

const tags = new WeakMap<HTMLElement, HTMLElement>();

// Marks change on every keystroke's schedule: only what differs is written, so an unchanged page is not laid out again.
function setStale(element: HTMLElement, previous: boolean): void {
  if (previous && element.dataset.stale !== 'previous') element.dataset.stale = 'previous';
  else if (!previous && element.dataset.stale !== undefined) delete element.dataset.stale;
}

function setTag(tag: HTMLElement, words: string | null): void {
  const text = words ?? '';
  if (tag.textContent !== text) tag.textContent = text;
  if (tag.hidden !== (words === null)) tag.hidden = words === null;
}

/** The tag of a region: after a cell's heading, or just before the element; made once. */
function tagOf(region: HTMLElement): HTMLElement {
  let tag = tags.get(region);
  if (!tag) {
    tag = region.ownerDocument.createElement(region.id === 'answer-bar-figures' ? 'span' : 'p');
    tag.className = 'stale-tag';
    tag.hidden = true;
    const heading = region.tagName === 'SECTION' ? region.querySelector(':scope > h2') : null;
    if (heading) heading.after(tag);
    else region.before(tag);
    tags.set(region, tag);
  }
  return tag;
}

/** Marks every `[data-answer]` region of the page for `state`, with its words. */
export function markAnswer(root: ParentNode, state: AnswerState): void {
  for (const region of root.querySelectorAll<HTMLElement>('[data-answer]')) {
    const group = region.dataset.answer === 'headline' ? 'headline' : 'rest';
    const shows = regionShows(group, state);
    setStale(region, shows === 'previous');
    // The headline's regions share one tag (#answer-tag) and the phone's bar has its own; the rest are tagged one by one.
    if (region.id === 'answer-bar-figures') setTag(tagOf(region), barWords(state));
    else if (group === 'rest')
      // In the headline's own cell a pending or invalid state is said once, by the headline's tag.
      setTag(
        tagOf(region),
        shows !== 'previous' || (state.kind !== 'preview' && region.dataset.answerTag === 'headline') ? null : previousWords(state),
      );
  }
  // A cell whose every answer is the previous one is outlined once, not region by region.
  for (const scope of root.querySelectorAll<HTMLElement>('[data-answer-scope]'))
    setStale(scope, state.kind === 'pending' || state.kind === 'invalid');
  const headlineTag = root.querySelector<HTMLElement>('#answer-tag');
  if (headlineTag) {
    setTag(headlineTag, headlineWords(state));
    if (headlineTag.dataset.state !== state.kind) headlineTag.dataset.state = state.kind;
  }
}
