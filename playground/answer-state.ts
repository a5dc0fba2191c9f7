/**
 * One truth on screen: every element that shows an answer says, in words,
 * whether it is current, a labelled preview, or the previous answer. The
 * page's HTML marks those elements with `data-answer`: "headline" for what a
 * preview replaces (the sentence, the cards, the spread, the phone's bar),
 * "rest" for what waits for the full answer (the business line, the charts,
 * the tables, the decision cells); `data-answer-scope` marks a cell outlined
 * as a whole when all of it is the previous answer. Marked elements keep their full contrast
 * (dimming text failed it); a previous answer is outlined, its charts drawn
 * in grey, and tagged.
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
    if (shows === 'previous') region.dataset.stale = 'previous';
    else delete region.dataset.stale;
    // The headline's regions share one tag (#answer-tag) and the phone's bar has its own; the rest are tagged one by one.
    if (region.id === 'answer-bar-figures') {
      const words = barWords(state);
      const tag = tagOf(region);
      tag.textContent = words ?? '';
      tag.hidden = words === null;
    } else if (group === 'rest') {
      const tag = tagOf(region);
      tag.textContent = shows === 'previous' ? previousWords(state) : '';
      // In the headline's own cell a pending or invalid state is said once, by the headline's tag.
      tag.hidden = shows !== 'previous' || (state.kind !== 'preview' && region.dataset.answerTag === 'headline');
    }
  }
  // A cell whose every answer is the previous one is outlined once, not region by region.
  for (const scope of root.querySelectorAll<HTMLElement>('[data-answer-scope]')) {
    if (state.kind === 'pending' || state.kind === 'invalid') scope.dataset.stale = 'previous';
    else delete scope.dataset.stale;
  }
  const headlineTag = root.querySelector<HTMLElement>('#answer-tag');
  if (headlineTag) {
    const words = headlineWords(state);
    headlineTag.textContent = words ?? '';
    headlineTag.hidden = words === null;
    headlineTag.dataset.state = state.kind;
  }
}
