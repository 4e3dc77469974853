import type { Runtime, Storage } from 'webextension-polyfill';

/** The calls the relay makes into the extension API, with promise-returning methods. */
export interface RelayExtensionApi {
  runtime: Pick<Runtime.Static, 'connect' | 'sendMessage'>;
  storage: Pick<Storage.Static, 'local' | 'onChanged'>;
}

/**
 * The extension API of the relay's world: Firefox's `browser` where it exists, Chrome's
 * `chrome` otherwise, or undefined outside an extension (a relay left behind by a removed
 * extension). The relay runs in every frame, so it takes this instead of
 * `webextension-polyfill`, whose 30 KB Chrome parsed and ran per document only to wrap calls
 * that already return promises in Manifest V3: `storage.local.get` and `runtime.sendMessage`
 * (Chrome 99+; the manifest asks for 111), while `runtime.connect` and its port's
 * `postMessage`, `onMessage` and `onDisconnect` are plain calls and events in both browsers.
 */
export function readRelayExtensionApi(scope: object): RelayExtensionApi | undefined {
  const { browser, chrome } = scope as { browser?: unknown; chrome?: unknown };
  if (hasRelayCalls(browser)) return browser;
  if (hasRelayCalls(chrome)) return chrome;
  return undefined;
}

function hasRelayCalls(namespace: unknown): namespace is RelayExtensionApi {
  const api = namespace as Partial<RelayExtensionApi> | null | undefined;
  return typeof api?.runtime?.connect === 'function' && api.storage?.local !== undefined;
}
