import type { FunctionMask } from './create-function-mask.js';
import { callMethod, intrinsics } from './page-intrinsics.js';
import { replaceSetter } from './replace-setter.js';

/**
 * Tells `onScriptUrl` the URL of every script the page loads, before it runs: scripts given a
 * `src` from code (the GTM snippet sets `j.src = …gtm.js?id=…&l=…`) through the `src` setter,
 * and scripts in the markup through a mutation observer that lives only until
 * `DOMContentLoaded`, so the page pays for it only while it is parsed (no polling: extension
 * landscape §3.9).
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
  if (document === undefined || srcGetter === undefined || document.readyState !== 'loading')
    return;
  const ScriptClass = scope.HTMLScriptElement;
  const observer = new scope.MutationObserver((mutations) => {
    for (let index = 0; index < mutations.length; index += 1) {
      const added = (mutations[index] as MutationRecord).addedNodes;
      for (let nodeIndex = 0; nodeIndex < added.length; nodeIndex += 1) {
        const node = added[nodeIndex];
        if (node instanceof ScriptClass) onScriptUrl(String(callMethod(srcGetter, node)));
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  const stop = (): void => observer.disconnect();
  callMethod(scope.EventTarget.prototype.addEventListener, document, [
    'DOMContentLoaded',
    stop,
    { once: true },
  ]);
}
