import {
  configEventType,
  dataEventType,
  HELLO_EVENT,
  isChannelSecret,
  RELAY_READY_EVENT,
} from '../common/page-channel-names.js';
import type { CaptureMessage } from '../common/background-api.js';
import type { PageConfig } from '../common/page-record.js';
import { isBatchText } from '../common/read-page-batch.js';
import type { BackgroundLink } from './create-background-link.js';

export interface Relay {
  /** Hands the user's dataLayer names to this document's hook. */
  sendConfig(config: PageConfig): void;
}

/**
 * The relay's side of the page channel (isolated world, `document_start`). It takes the
 * first well-formed secret announced in a `tagwarden:hello` event, which only the hook can
 * send before page scripts run, acknowledges it, and from then on listens only to events
 * named after that secret. Each batch's JSON text goes to the background as it came; the
 * background checks it record by record (`readPageBatch`), off the page's thread. Later hello
 * events are ignored, so a page cannot re-key.
 */
export function startRelay(scope: Window, link: BackgroundLink): Relay {
  let secret: string | undefined;
  let latestConfig: PageConfig | undefined;

  const onData = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
    const detail: unknown = (event as CustomEvent).detail;
    const message: CaptureMessage = isBatchText(detail)
      ? { type: 'page-batch', text: detail }
      : { type: 'page-records', records: [], rejected: 1 };
    link.send(message);
  };

  const sendConfig = (config: PageConfig): void => {
    latestConfig = config;
    if (secret === undefined) return;
    const detail = JSON.stringify(config);
    scope.dispatchEvent(new CustomEvent(configEventType(secret), { detail }));
  };

  const onHello = (event: Event): void => {
    const detail = (event as CustomEvent).detail;
    if (secret !== undefined || !isChannelSecret(detail)) return;
    secret = detail;
    event.preventDefault();
    event.stopImmediatePropagation();
    scope.addEventListener(dataEventType(secret), onData, true);
    if (latestConfig !== undefined) sendConfig(latestConfig);
  };

  scope.addEventListener(HELLO_EVENT, onHello, true);
  scope.dispatchEvent(new CustomEvent(RELAY_READY_EVENT));
  return { sendConfig };
}
