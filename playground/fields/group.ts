/** The panel's groups of fields: drawn, closed or open, and filtered by a search. */
import type { AssumptionRow, ScenarioInput } from 'cx-roi';
import { type FieldCallbacks, renderField } from './field';
import { type groups, shownValue } from './rows';

/** The groups the user has closed. */
export function closedGroups(container: HTMLElement): ReadonlySet<string | undefined> {
  return new Set([...container.querySelectorAll<HTMLDetailsElement>('details.group:not([open])')].map((d) => d.dataset.group));
}

/** One group of cells. */
export function renderGroup(
  doc: Document,
  group: (typeof groups)[number],
  rows: readonly AssumptionRow[],
  input: ScenarioInput,
  on: FieldCallbacks,
  closed: ReadonlySet<string | undefined> = new Set(),
): HTMLElement {
  const section = doc.createElement('details');
  section.className = 'group';
  section.dataset.group = group.id;
  section.open = !closed.has(group.id);
  const legend = doc.createElement('summary');
  legend.textContent = group.title;
  section.append(legend);
  for (const row of rows.filter((r) => group.match(r.path))) section.append(renderField(row, shownValue(input, row.path), input, doc, on));
  if (group.id === 'journey') {
    const add = doc.createElement('form');
    add.className = 'add-touchpoint';
    const name = doc.createElement('input');
    name.type = 'text';
    name.placeholder = 'e.g. returns';
    name.maxLength = 60;
    name.setAttribute('aria-label', 'Name of a new touchpoint');
    const button = doc.createElement('button');
    button.type = 'submit';
    button.textContent = 'Add touchpoint';
    const problem = doc.createElement('div');
    problem.className = 'error';
    problem.setAttribute('role', 'alert');
    add.append(name, button, problem);
    add.addEventListener('submit', (event) => {
      event.preventDefault();
      problem.textContent = name.value.trim() === '' ? 'Give the new touchpoint a name.' : (on.addTouchpoint(name.value.trim()) ?? '');
    });
    section.append(add);
  }
  return section;
}

/** Shows only the fields whose name, path or meaning contains every word of `query`; returns how many match. */
export function filterFields(container: HTMLElement, query: string): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shownCount = 0;
  for (const group of container.querySelectorAll<HTMLDetailsElement>('details.group')) {
    let inGroup = 0;
    for (const cell of group.querySelectorAll<HTMLElement>('.field')) {
      const match = words.every((w) => (cell.dataset.search ?? '').includes(w));
      cell.hidden = !match;
      if (match) inGroup += 1;
    }
    group.hidden = inGroup === 0 && words.length > 0;
    if (words.length > 0 && inGroup > 0) group.open = true;
    shownCount += inGroup;
  }
  return shownCount;
}
