import {
  configEventType,
  dataEventType,
  HELLO_EVENT,
  isChannelSecret,
  RELAY_READY_EVENT,
} from '../common/page-channel-names.js';
import type { CaptureMessage } from '../common/background-api.js';
import type { PageConfig } from '../common/page-record.js';
import { readPageBatch } from '../common/read-page-batch.js';
import type { BackgroundLink } from './create-background-link.js';

export interface Relay {
  /** Hands the user's dataLayer names to this document's hook. */
  sendConfig(config: PageConfig): void;
}

/**
 * The relay's side of the page channel (isolated world, `document_start`). It takes the
 * first well-formed secret announced in a `tagwarden:hello` event, which only the hook can
 * send before page scripts run, acknowledges it, and from then on listens only to events
 * named after that secret. Each batch is checked record by record (`readPageBatch`) and
 * forwarded to the background; later hello events are ignored, so a page cannot re-key.
 */
export function startRelay(scope: Window, link: BackgroundLink): Relay {
  let secret: string | undefined;
  let latestConfig: PageConfig | undefined;

  const onData = (event: Event): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
    const { records, rejected } = readPageBatch((event as CustomEvent).detail);
    if (records.length === 0 && rejected === 0) return;
    const message: CaptureMessage = { type: 'page-records', records, rejected };
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
