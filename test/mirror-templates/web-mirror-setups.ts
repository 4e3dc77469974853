import type { WebWorld } from '../../gtm-template/sandbox/contract.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import type { GtagEvent } from './encode-gtag-hit.js';

/** Where the mirror sends in these tests; the recording network never leaves the machine. */
export const MIRROR_ENDPOINT = 'https://collect.tagwarden.example/g/collect';

/** A published container, not preview: the GA4 tag then sends no `_dbg`, nor does the mirror. */
export const LIVE_CONTAINER = {
  containerId: 'GTM-SHOP',
  debugMode: false,
  environmentMode: false,
  environmentName: '',
  previewMode: false,
  version: '42',
};

/** The tag's fields and the page it fires on. */
export interface MirrorSetup {
  data: Record<string, unknown>;
  page: Partial<WebWorld>;
}

/**
 * The web mirror set up beside the GA4 tag that sent `event`: the same measurement ID, event
 * name, parameters and user properties in its fields, items in the dataLayer's ecommerce
 * object (Send Ecommerce data), and the page and cookies the GA4 tag saw, the session cookie
 * in the older GS1.1 or the 2025 GS2.1 format.
 */
export function mirrorSetupFor(event: Ga4Event, cookieFormat: 'GS1' | 'GS2'): MirrorSetup {
  const measurementId = event.ids.measurementId ?? 'G-MISSING';
  const rows = (record: Record<string, unknown>) =>
    Object.entries(record).map(([name, value]) => ({ name, value }));
  return {
    data: {
      measurementId,
      eventName: event.name,
      endpoint: MIRROR_ENDPOINT,
      eventParameters: rows(event.params),
      userProperties: rows(event.userProperties),
      userId: event.ids.userId ?? '',
      sendEcommerceData: event.items.length > 0,
      joinKeyParameter: 'event_id',
      exposeEventId: false,
      consentMode: 'skip',
      cookiePrefix: '',
      maxUrlLength: 8000,
    },
    page: {
      url: event.page.location ?? '',
      title: event.page.title ?? '',
      referrer: event.page.referrer ?? '',
      cookies: gaCookies(event, measurementId.slice(2), cookieFormat),
      consent: consentOf(event.consent.gcs),
      dataLayerModel: event.items.length > 0 ? { ecommerce: { items: event.items } } : {},
      containerVersion: LIVE_CONTAINER,
    },
  };
}

function gaCookies(
  event: Ga4Event,
  stream: string,
  format: 'GS1' | 'GS2',
): Array<{ name: string; value: string }> {
  const { clientId, sessionId, sessionCount } = event.ids;
  if (clientId === undefined || sessionId === undefined || sessionCount === undefined) return [];
  const engaged = event.session.engaged ? '1' : '0';
  const lastHit = Number(sessionId) + 100;
  const session =
    format === 'GS1'
      ? `GS1.1.${sessionId}.${sessionCount}.${engaged}.${lastHit}.0.0.0`
      : `GS2.1.s${sessionId}$o${sessionCount}$g${engaged}$t${lastHit}$j60$l0$h0`;
  return [
    { name: '_ga', value: `GA1.1.${clientId}` },
    { name: `_ga_${stream}`, value: session },
  ];
}

// `gcs` is G1 + ad_storage + analytics_storage (ga4-protocol.md §3.7); no gcs, no consent mode.
function consentOf(gcs: string | undefined): Record<string, 'granted' | 'denied'> {
  if (gcs === undefined) return {};
  const state = (bit: string) => (bit === '1' ? 'granted' : 'denied');
  return { ad_storage: state(gcs.charAt(2)), analytics_storage: state(gcs.charAt(3)) };
}

/**
 * A purchase of 30 different items with every item field filled, names with spaces, accents,
 * `&` and `~`, and a custom item parameter: about twice what one 8,000-byte URL holds.
 */
export function thirtyItemPurchase(): GtagEvent {
  const items = Array.from({ length: 30 }, (_unused, index) => ({
    item_id: `SKU_${20_000 + index}`,
    item_name: `Tée № ${index} – organic cotton & linen ~ limited`,
    affiliation: 'Google Merchandise Store',
    coupon: 'SUMMER_FUN',
    discount: 1.25,
    index,
    item_brand: 'Google',
    item_category: 'Apparel',
    item_category2: 'Adult',
    item_category3: 'Shirts',
    item_category4: 'Crew',
    item_category5: 'Short sleeve',
    item_list_id: 'related_products',
    item_list_name: 'Related Products',
    item_variant: index % 2 === 0 ? 'green' : 'gray',
    location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
    price: 10.01 + index,
    quantity: 1 + (index % 4),
    google_business_vertical: 'retail',
  }));
  return {
    measurementId: 'G-ABC123',
    name: 'purchase',
    params: {
      currency: 'EUR',
      value: 1234.56,
      transaction_id: 'T_30_ITEMS',
      shipping: 4.99,
      tax: 197.12,
      coupon: 'WELCOME10',
    },
    items,
    userProperties: { customer_tier: 'gold', lifetime_orders: 12 },
    clientId: '111111121.1700000021',
    sessionId: '1766755460',
    sessionCount: 3,
    isEngaged: true,
    page: {
      location: 'https://www.example.com/checkout/thanks?order=T_30_ITEMS',
      title: 'Thank you for your order',
      referrer: 'https://www.example.com/checkout/payment',
    },
  };
}
