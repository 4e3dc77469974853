import type { ReplayStep } from '../../../../shared/datalayer/replay-types.js';
import type { HitEvent, SharedHitFields } from '../gtag/collect-hit-types.js';
import { consentFields, isAnalyticsStorageGranted } from '../gtag/consent-fields.js';
import type { HitSender } from '../gtag/create-hit-sender.js';
import type { EventIdentity, SessionTracker } from '../gtag/create-session-tracker.js';
import type { MirrorBridge } from './create-mirror-bridge.js';

/** The GA4 ecommerce events the container's GA4 event tag fires on (a custom-event trigger). */
export const ECOMMERCE_EVENTS = new Set([
  'view_item_list',
  'select_item',
  'view_item',
  'add_to_cart',
  'remove_from_cart',
  'view_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
]);
const KEY_EVENTS = new Set(['purchase']);

export interface ContainerTagOptions {
  measurementId: string;
  gtmBuild: string;
  pageLoadId: number;
  sender: HitSender;
  tracker: SessionTracker;
  mirror: MirrorBridge;
}

/**
 * The demo container's tags: a GA4 event tag sending page_view (with `page_type`) on the
 * site's `page_view` push, the Google tag's own page view being off, and one GA4 event tag for
 * the ecommerce events that sends `{{Event}}` with "send ecommerce data" on, reading the
 * model's `ecommerce` object. Neither asks for consent before firing: that is deliberate
 * bug 5 (README). Each GA4 event is also handed to the web mirror tag.
 */
export function createContainerTags(options: ContainerTagOptions): {
  fire(step: ReplayStep): Promise<void>;
} {
  let lastEventTime: number | undefined;

  const send = (step: ReplayStep, event: Omit<HitEvent, 'flags'>) => {
    const name = event.name;
    const signals = step.consent.signals;
    const identity = options.tracker.identify(
      { isPageView: name === 'page_view', isKeyEvent: KEY_EVENTS.has(name) },
      isAnalyticsStorageGranted(signals),
    );
    const now = Date.now();
    const engagementMs = lastEventTime === undefined ? undefined : now - lastEventTime;
    lastEventTime = now;
    options.sender.enqueue(sharedFields(options, identity, signals), {
      ...event,
      flags: {
        ...identity.flags,
        isExplicit: name !== 'page_view',
        isKeyEvent: KEY_EVENTS.has(name),
      },
      ...(engagementMs === undefined ? {} : { engagementMs }),
    });
    // The mirror tag duplicates the GA4 tag field for field: the page_view tag's own
    // parameters go along; ecommerce events send ecommerce data from the model on both.
    return options.mirror.fire({
      name,
      measurementId: options.measurementId,
      params: name === 'page_view' ? event.params : {},
      model: step.model,
      consent: effectiveConsent(step),
    });
  };

  return {
    fire(step) {
      if (step.event === 'page_view') return send(step, { name: 'page_view', ...pageViewOf(step) });
      if (step.event === null || !ECOMMERCE_EVENTS.has(step.event)) return Promise.resolve();
      return send(step, { name: step.event, ...ecommerceOf(step) });
    },
  };
}

// The page, consent and identity values every event of a request shares.
function sharedFields(
  options: ContainerTagOptions,
  identity: EventIdentity,
  signals: ReplayStep['consent']['signals'],
): SharedHitFields {
  return {
    measurementId: options.measurementId,
    gtmBuild: options.gtmBuild,
    pageLoadId: options.pageLoadId,
    consent: consentFields(signals),
    clientId: identity.clientId,
    language: navigator.language.toLowerCase(),
    screenResolution: `${screen.width}x${screen.height}`,
    sessionId: identity.sessionId,
    sessionCount: identity.sessionCount,
    isSessionEngaged: identity.isSessionEngaged,
    page: { location: location.href, referrer: document.referrer, title: document.title },
  };
}

// The page_view tag's one parameter: `page_type: {{DLV - page_type}}`.
function pageViewOf(step: ReplayStep): Pick<HitEvent, 'params' | 'items'> {
  const pageType = step.model.page_type;
  return { params: typeof pageType === 'string' ? { page_type: pageType } : {}, items: [] };
}

// "Send ecommerce data: Data Layer": every key of the model's ecommerce object is a
// parameter, items become the item list (protocol notes §6, §12).
function ecommerceOf(step: ReplayStep): Pick<HitEvent, 'params' | 'items'> {
  const ecommerce = step.model.ecommerce;
  if (ecommerce === null || typeof ecommerce !== 'object' || Array.isArray(ecommerce))
    return { params: {}, items: [] };
  const { items, ...params } = ecommerce;
  const itemList = Array.isArray(items) ? (items as unknown[]).filter(isRecord) : [];
  return { params, items: itemList };
}

function effectiveConsent(step: ReplayStep): Record<string, 'granted' | 'denied'> {
  const consent: Record<string, 'granted' | 'denied'> = {};
  for (const [type, signal] of Object.entries(step.consent.signals)) {
    if (type !== '__proto__') consent[type] = signal.effective;
  }
  return consent;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
