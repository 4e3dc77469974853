import type { FunctionMask } from './create-function-mask.js';
import { callMethod, intrinsics } from './page-intrinsics.js';
import { replaceSetter } from './replace-setter.js';

/**
 * Tells `onScriptUrl` the URL of every script the page loads: scripts given a `src` from code
 * (the GTM snippet sets `j.src = …gtm.js?id=…&l=…`) through the `src` setter, before they run,
 * and scripts in the markup (`<script async src="…/gtag/js?id=…&l=…">`) by one look through
 * `document.scripts` in a task just after DOMContentLoaded.
 *
 * Markup scripts were found by a mutation observer while the page was parsed. It was told of
 * every node the parser added, so its cost grew with the page: about 0.7 ms of main-thread
 * time before DOMContentLoaded on the demo shop's product page (traced). It learnt a markup
 * name no sooner than that script's first microtask checkpoint, after the inline `gtag()`
 * calls beside it had pushed, so those pushes were found as preexisting either way; only
 * pushes made between that checkpoint and DOMContentLoaded are now preexisting rather than
 * live. No polling (extension landscape §3.9).
 */
export function watchScriptSources(
  scope: typeof globalThis,
  mask: FunctionMask,
  onScriptUrl: (url: string) => void,
): void {
  const prototype = scope.HTMLScriptElement?.prototype;
  const srcGetter = prototype && intrinsics.getOwnPropertyDescriptor(prototype, 'src')?.get;
  replaceSetter(prototype, 'src', mask, (script, getter) => {
    onScriptUrl(String(callMethod(getter, script)));
  });

  const document = scope.document;
  const scriptsGetter =
    scope.Document && intrinsics.getOwnPropertyDescriptor(scope.Document.prototype, 'scripts')?.get;
  const lengthGetter =
    scope.HTMLCollection &&
    intrinsics.getOwnPropertyDescriptor(scope.HTMLCollection.prototype, 'length')?.get;
  const item = scope.HTMLCollection?.prototype.item;
  if (
    document === undefined ||
    srcGetter === undefined ||
    scriptsGetter === undefined ||
    lengthGetter === undefined ||
    item === undefined ||
    document.readyState !== 'loading'
  )
    return;

  const lookThroughScripts = (): void => {
    try {
      const scripts = callMethod<HTMLCollection>(scriptsGetter, document);
      const count = callMethod<number>(lengthGetter, scripts);
      for (let index = 0; index < count; index += 1) {
        const url = String(callMethod(srcGetter, callMethod(item, scripts, [index])));
        if (url !== '') onScriptUrl(url);
      }
    } catch {
      // A script that cannot be read is skipped; the hook never throws into the page.
    }
  };
  const setTimer = scope.setTimeout;
  // In a task of its own: inside the event it would add to the page's DOMContentLoaded.
  callMethod(scope.EventTarget.prototype.addEventListener, document, [
    'DOMContentLoaded',
    () => callMethod(setTimer, scope, [lookThroughScripts, 0]),
    { once: true },
  ]);
}
