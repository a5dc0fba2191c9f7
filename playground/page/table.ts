/** A table with a header row and rows whose first cell labels the row. */
export function table(doc: Document, headers: readonly string[], rows: readonly (readonly string[])[], className = ''): HTMLTableElement {
  const element = doc.createElement('table');
  if (className) element.className = className;
  const head = doc.createElement('tr');
  for (const text of headers) {
    const th = doc.createElement('th');
    th.textContent = text;
    head.append(th);
  }
  element.createTHead().append(head);
  const body = element.createTBody();
  for (const cells of rows) {
    const tr = doc.createElement('tr');
    for (const [i, text] of cells.entries()) {
      const cell = doc.createElement(i === 0 ? 'th' : 'td');
      cell.textContent = text;
      tr.append(cell);
    }
    body.append(tr);
  }
  return element;
}
