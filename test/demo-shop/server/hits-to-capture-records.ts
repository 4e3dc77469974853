import type { CapturedRequest } from '../../../shared/capture/captured-input.js';
import type { RecordedHit } from './recorded-hit.js';

/**
 * The recorded hits as capture records for `checkCaptures`, each pointing back at its place in
 * the recording (`entry`) and at the page that sent it (the Referer).
 */
export function hitsToCaptureRecords(
  hits: readonly RecordedHit[],
  file = 'demo-shop',
): CapturedRequest[] {
  return hits.map((hit, entry) => ({
    kind: 'request',
    url: hit.url,
    method: hit.method,
    ...(hit.body === '' ? {} : { body: hit.body }),
    ...(hit.headers.referer ? { pageUrl: hit.headers.referer } : {}),
    time: hit.time,
    source: { file, entry },
  }));
}
