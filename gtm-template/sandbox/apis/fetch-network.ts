import type { HttpResponse, NetworkPort, OutgoingRequest } from '../contract.js';
import { NetworkFailureError, isTimeout, NetworkTimeoutError } from './network-errors.js';

/** What the live port needs from its host; both default to the page's or Node's own. */
export interface FetchNetworkOptions {
  fetch?: typeof fetch;
  /**
   * Runs a script for `injectScript` in a real page (a `<script>` element). Without it the
   * script is only fetched, which is all a host without a DOM can do.
   */
  loadScript?: (url: string) => Promise<void>;
}

// Browser-side requests (pixels, iframes) are fire-and-forget: an opaque answer is success.
const BROWSER_APIS = new Set(['sendPixel', 'injectHiddenIframe', 'injectScript']);

/**
 * The live NetworkPort: sends with the web-standard `fetch`, honouring `timeoutMs` through
 * `AbortSignal.timeout`. Pixels and iframes go out `no-cors`, as an image request would.
 */
export function createFetchNetwork(options: FetchNetworkOptions = {}): NetworkPort {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async send(request: OutgoingRequest): Promise<HttpResponse> {
      if (request.api === 'injectScript' && options.loadScript !== undefined) {
        await options.loadScript(request.url);
        return { statusCode: 200, headers: {}, body: '' };
      }
      try {
        const response = await send(request.url, toFetchInit(request));
        return {
          statusCode: response.status,
          headers: readHeaders(response.headers),
          body: await response.text(),
        };
      } catch (error) {
        if (isTimeout(error)) throw new NetworkTimeoutError(request.url, request.timeoutMs ?? 0);
        throw new NetworkFailureError(
          request.url,
          error instanceof Error ? error.message : 'unknown error',
        );
      }
    },
  };
}

function toFetchInit(request: OutgoingRequest): RequestInit {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD')
    init.body = request.body;
  if (request.timeoutMs !== undefined) init.signal = AbortSignal.timeout(request.timeoutMs);
  if (BROWSER_APIS.has(request.api)) {
    init.mode = 'no-cors';
    init.credentials = 'include';
  }
  return init;
}

function readHeaders(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name !== '__proto__') record[name] = value;
  });
  return record;
}
