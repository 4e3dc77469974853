import type { FunctionMask } from './create-function-mask.js';
import { callMethod, intrinsics } from './page-intrinsics.js';
import { replaceSetter } from './replace-setter.js';

/**
 * Tells `onScriptUrl` the URL of every script the page loads: scripts given a `src` from code
 * (the GTM snippet sets `j.src = …gtm.js?id=…&l=…`) through the `src` setter, before they run;
 * scripts in the markup of `<head>`, where GTM and gtag tell sites to put their loaders, as
 * the parser adds them, before they run; and any other markup script by one look through
 * `document.scripts` in a task just after DOMContentLoaded.
 *
 * A markup loader must be seen before it runs: GTM adds `gtm.uniqueEventId` to what it finds
 * in its layer, so a layer first read after GTM has run reports pushes GTM has already
 * changed. Markup scripts were found by a mutation observer of the whole document, told of
 * every node the parser added: about 0.5–0.7 ms before DOMContentLoaded on the demo shop's
 * product page (traced), growing with the page. The observers here are told only of the
 * children of the document, of `<html>` and of `<head>`, a few dozen nodes on any page; none
 * lives past DOMContentLoaded. No polling (extension landscape §3.9).
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
  const reportScript = (script: unknown): void => {
    const url = String(callMethod(srcGetter, script));
    if (url !== '') onScriptUrl(url);
  };
  const stopWatchingHead = watchHeadScripts(scope, document, reportScript);
  const lookThroughAll = readScriptsLookup(scope, document, reportScript);
  const setTimer = scope.setTimeout;
  callMethod(scope.EventTarget.prototype.addEventListener, document, [
    'DOMContentLoaded',
    () => {
      stopWatchingHead();
      // In a task of its own: inside the event it would add to the page's DOMContentLoaded.
      if (lookThroughAll !== undefined) callMethod(setTimer, scope, [lookThroughAll, 0]);
    },
    { once: true },
  ]);
}

/**
 * Reports each script the parser adds to `<head>` (or straight to `<html>`), by watching the
 * children of the document, of `<html>` and of `<head>` only. Returns what stops it.
 */
function watchHeadScripts(
  scope: typeof globalThis,
  document: Document,
  reportScript: (script: unknown) => void,
): () => void {
  const ScriptClass = scope.HTMLScriptElement;
  const HtmlClass = scope.HTMLHtmlElement;
  const HeadClass = scope.HTMLHeadElement;
  const observe = scope.MutationObserver.prototype.observe;
  const watched = { childList: true };
  const take = (node: unknown): void => {
    if (node instanceof ScriptClass) reportScript(node);
    else if (node instanceof HtmlClass || node instanceof HeadClass) {
      callMethod(observe, observer, [node, watched]);
      // What the parser added before the observer could hear of it.
      const children = node.children;
      for (let index = 0; index < children.length; index += 1) take(children[index]);
    }
  };
  const observer = new scope.MutationObserver((mutations) => {
    try {
      for (let index = 0; index < mutations.length; index += 1) {
        const added = (mutations[index] as MutationRecord).addedNodes;
        for (let nodeIndex = 0; nodeIndex < added.length; nodeIndex += 1) take(added[nodeIndex]);
      }
    } catch {
      // A page that broke the DOM's own getters loses this early look, never its own errors.
    }
  });
  callMethod(observe, observer, [document, watched]);
  if (document.documentElement !== null) take(document.documentElement);
  const disconnect = scope.MutationObserver.prototype.disconnect;
  return () => callMethod(disconnect, observer);
}

/** One look through `document.scripts`, with the getters taken now; undefined without them. */
function readScriptsLookup(
  scope: typeof globalThis,
  document: Document,
  reportScript: (script: unknown) => void,
): (() => void) | undefined {
  const scriptsGetter =
    scope.Document && intrinsics.getOwnPropertyDescriptor(scope.Document.prototype, 'scripts')?.get;
  const lengthGetter =
    scope.HTMLCollection &&
    intrinsics.getOwnPropertyDescriptor(scope.HTMLCollection.prototype, 'length')?.get;
  const item = scope.HTMLCollection?.prototype.item;
  if (scriptsGetter === undefined || lengthGetter === undefined || item === undefined)
    return undefined;
  return () => {
    try {
      const scripts = callMethod<HTMLCollection>(scriptsGetter, document);
      const count = callMethod<number>(lengthGetter, scripts);
      for (let index = 0; index < count; index += 1)
        reportScript(callMethod(item, scripts, [index]));
    } catch {
      // A script that cannot be read is skipped; the hook never throws into the page.
    }
  };
}
