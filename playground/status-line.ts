/** A line of `box` that says what just happened (a change's effect, why an export was not made): made once, at its end. */
export function statusLine(box: HTMLElement, className: string, tag: 'p' | 'span' = 'p'): HTMLElement {
  let line = box.querySelector<HTMLElement>(`:scope > .${className}`);
  if (!line) {
    line = box.ownerDocument.createElement(tag);
    line.className = className;
    line.setAttribute('role', 'status');
    box.append(line);
  }
  return line;
}
