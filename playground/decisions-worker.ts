/**
 * The decision cells' slow work, off the page's thread: a paired comparison
 * (two simulations), a break-even search (up to 20), the swings of the
 * published figures (two a figure) and the decision under each reading (one
 * a reading). One request per worker; the page ends
 * the worker when the answer comes, or when the request goes stale.
 */
import { ScenarioError, breakEven, compare, formatIssue, robustness, sensitivity } from 'cx-roi';
import type { DecisionRequest, DecisionResponse } from './decisions';

declare const self: { onmessage: ((event: { data: DecisionRequest }) => void) | null; postMessage(message: DecisionResponse): void };

function answer(request: DecisionRequest): Extract<DecisionResponse, { ok: true }>['value'] {
  switch (request.kind) {
    case 'compare':
      return compare(request.scenarios, request.options);
    case 'breakEven':
      return breakEven(request.input, request.options);
    case 'swings':
      return sensitivity(request.result, request.options);
    case 'robustness':
      return robustness(request.input, request.options);
  }
}

self.onmessage = (event) => {
  try {
    self.postMessage({ ok: true, value: answer(event.data) });
  } catch (error) {
    const message =
      error instanceof ScenarioError ? error.issues.map((issue) => formatIssue(issue).trim()).join('; ') : (error as Error).message;
    self.postMessage({ ok: false, message });
  }
};
