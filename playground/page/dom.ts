/** The page's element for `selector`: a missing one is a bug in the page, thrown at once rather than met later as null. */
export function required<T extends HTMLElement = HTMLElement>(doc: ParentNode, selector: string): T {
  const element = doc.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
}
