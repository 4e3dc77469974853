import type { ElementHandle, Page } from 'puppeteer-core';

/**
 * Clicks the first button whose text starts with `label` (inside `scope` when given), with
 * a real mouse click: downloads and the clipboard need the user's gesture.
 */
export async function clickButton(page: Page, label: string, scope = 'body'): Promise<void> {
  const handle = await page.evaluateHandle(
    (text, selector) =>
      Array.from(document.querySelectorAll<HTMLButtonElement>(`${selector} button`)).find(
        (candidate) => (candidate.textContent ?? '').trim().startsWith(text),
      ) ?? null,
    label,
    scope,
  );
  const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
  if (button === null) throw new Error(`no button "${label}" in ${scope}`);
  await button.click();
  await button.dispose();
}

/** The visible text of the first element matching `selector`, or '' when there is none. */
export function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    (query) => (document.querySelector(query) as HTMLElement | null)?.innerText ?? '',
    selector,
  );
}

/** Waits until the text of `selector` contains `expected`. */
export async function waitForText(
  page: Page,
  selector: string,
  expected: string,
  timeout = 10_000,
): Promise<void> {
  await page.waitForFunction(
    (query, text) =>
      ((document.querySelector(query) as HTMLElement | null)?.innerText ?? '').includes(text),
    { timeout, polling: 100 },
    selector,
    expected,
  );
}

/** The id of the row whose lane is `layer` and whose name is `name`. */
export async function rowIdOf(page: Page, layer: string, name: string): Promise<string> {
  const id = await page.evaluate(
    (wantedLayer, wantedName) =>
      Array.from(document.querySelectorAll('[data-row-id]'))
        .find(
          (row) =>
            row.getAttribute('data-layer') === wantedLayer &&
            row.querySelector('.name')?.firstChild?.textContent === wantedName,
        )
        ?.getAttribute('data-row-id') ?? '',
    layer,
    name,
  );
  if (id === '') throw new Error(`no ${layer} row named ${name}`);
  return id;
}
