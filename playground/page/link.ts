/**
 * The page's link: the address always reproduces the answer on screen (with
 * the pinned A, the currency and names, and word for word what the opening
 * link carried that the page has not used); opening a link (or going back)
 * puts its state in the store.
 */
import { type KeptLink, type PageState, decodeState, encodeState } from '../url-state';
import type { Store } from './store';

/** The address that reproduces `state`'s answer. */
export function linkOf(store: Store, state: PageState, location: Location): string {
  const { extras, pinned, kept } = store.data;
  return `${location.origin}${location.pathname}${encodeState(state, { ...extras, compare: pinned?.input ?? null }, kept)}`;
}

/** Keeps the address on the answer on screen. */
export function followAnswer(store: Store, view: Window): void {
  // The scenario the link carried but the page could not read stays in the address until an answer for a changed
  // scenario comes (not on a pin, a name or the currency: those leave the scenario as the link gave it).
  store.on('answer', ({ answer, linkedInput, kept }) => {
    if (answer && answer.state.input !== linkedInput && kept.scenario !== undefined)
      store.update({ kept: { ...kept, scenario: undefined } satisfies KeptLink });
  });
  store.on(['answer', 'pinned', 'look'], ({ answer }) => {
    if (answer) view.history.replaceState(null, '', linkOf(store, answer.state, view.location));
  });
}

/** Puts the link's state in the store: its scenario, options, currency, names and A, and what it got wrong. */
export function openLink(store: Store, location: Location): void {
  const { state, extras, problems, problemA, kept } = decodeState(location.search, location.hash);
  store.update(
    { state, linkedInput: state.input, extras, kept, linkProblems: problems, linkProblemA: problemA, pinProblem: null },
    'input',
    'link',
    'problems',
  );
}
