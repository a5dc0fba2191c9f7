/** The scenario's issues shown on the fields they name. */
import { plainMessage } from './words';

/** Shows each issue next to the field it names (the longest matching path), in words; returns the ones no field matched. */
export function showIssues(container: HTMLElement, issues: readonly { path: string; message: string; value: unknown }[]): typeof issues {
  const cells = [...container.querySelectorAll<HTMLElement>('.field')];
  for (const cell of cells) {
    cell.classList.remove('invalid');
    const error = cell.querySelector('.error');
    if (error) error.textContent = '';
    for (const box of cell.querySelectorAll('input')) {
      box.removeAttribute('aria-invalid');
      if (error?.id) box.removeAttribute('aria-describedby');
    }
  }
  const unmatched: (typeof issues)[number][] = [];
  for (const issue of issues) {
    const cell = cells
      .filter((c) => issue.path === c.dataset.path || issue.path.startsWith(`${c.dataset.path}.`))
      .sort((a, b) => (b.dataset.path?.length ?? 0) - (a.dataset.path?.length ?? 0))[0];
    if (!cell) {
      unmatched.push(issue);
      continue;
    }
    cell.classList.add('invalid');
    const error = cell.querySelector('.error');
    for (const box of cell.querySelectorAll('input:not([type="range"])')) {
      box.setAttribute('aria-invalid', 'true');
      // A screen reader reads the error with the box.
      if (error?.id) box.setAttribute('aria-describedby', error.id);
    }
    // A field asking which number was meant says so itself: "type a number" beside the question would mislead.
    if (error && !cell.querySelector('.ask'))
      error.textContent = `${error.textContent ? `${error.textContent} · ` : ''}${plainMessage(issue.message, Number(cell.dataset.scale ?? 1))}`;
  }
  return unmatched;
}
