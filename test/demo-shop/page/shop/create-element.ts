type Child = Node | string | null | undefined | false;

/**
 * Builds an element from a tag, attributes and children. Text is always a text node, so
 * product names or form input can never become markup.
 */
export function createElement(
  tag: string,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** The element with this `data-testid`, or an error naming it (a page without it is broken). */
export function byTestId<T extends HTMLElement = HTMLElement>(testId: string): T {
  const element = document.querySelector<T>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`the page has no element with data-testid="${testId}"`);
  return element;
}
