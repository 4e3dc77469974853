import type { RelayExtensionApi } from './read-relay-extension-api.js';

/**
 * Test-only (built in only when `TAGWARDEN_E2E=1`): lets an end-to-end test read its tab's
 * session from the page, where Firefox's BiDi driver can neither open extension pages nor
 * evaluate in the background (toolchain notes §6). The page posts
 * `{ tagwardenE2E: 'getSession', id }` and receives `{ tagwardenE2EReply: id, session }`.
 */
export function installE2eBridge(scope: Window, runtime: RelayExtensionApi['runtime']): void {
  scope.addEventListener('message', (event) => {
    const data = event.data as { tagwardenE2E?: unknown; id?: unknown } | null;
    if (event.source !== scope || data?.tagwardenE2E !== 'getSession') return;
    runtime
      .sendMessage({ type: 'getSession' })
      .then((session: unknown) => {
        scope.postMessage({ tagwardenE2EReply: data.id, session: JSON.stringify(session) }, '*');
      })
      .catch((error: unknown) => {
        scope.postMessage({ tagwardenE2EReply: data.id, error: String(error) }, '*');
      });
  });
}
