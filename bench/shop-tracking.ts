import { encodeGa4Hit, type Ga4WireEvent, type ShopItem } from './encode-ga4-hit.js';
import type { SessionWriter } from './session-writer.js';

/** What the page pushes under `ecommerce` (corpus D5, D6). */
export interface EcommercePush {
  currency?: string;
  value?: number | string;
  items?: ShopItem[];
  [key: string]: unknown;
}

/** The shop's tags, as GTM and gtag.js run them on every page: pushes, GA4 hits, pixels. */
export interface ShopTracking {
  /** A new document (`gtm.js`, consent, config) or an SPA route; then its page_view. */
  startPage(kind: 'document' | 'history', url: string, title: string): void;
  /** `{ecommerce: null}`, the event's push, and its GA4 event (sent batched with others). */
  ecommerceEvent(name: string, ecommerce: EcommercePush): void;
  /** An event only gtag.js itself sends (enhanced measurement): no push. */
  measurementEvent(event: Ga4WireEvent): void;
  /** A push no tag turns into a hit, or one the plan does not know. */
  pushOnly(value: unknown): void;
  /** A Meta pixel event (corpus C5, C7). */
  pixel(eventName: string, customData?: Record<string, string | number>): void;
  /** A Google Ads conversion ping (corpus C1). */
  adsConversion(value: number, currency: string): void;
  /** Sends what is still queued, and user_engagement as the page is left. */
  endPage(): void;
}

const GA4_ENDPOINT = 'https://region1.google-analytics.com/g/collect';
// The roll-up property goes through the shop's own server container (corpus A23, A27).
const SERVER_ENDPOINT = 'https://metrics.shop.example.test/g/collect';
const MEASUREMENT_ID = 'G-TDW4SHOP01';
const ROLLUP_ID = 'G-TDW4ROLL02';
const SESSION_TIMEOUT_MS = 30 * 60_000;
const CONSENT_SIGNALS = ['analytics_storage', 'ad_storage', 'ad_user_data', 'ad_personalization'];
const CLIENT_HINTS =
  'uaa=x86&uab=64&uafvl=Google%2520Chrome%3B142.0.7444.176%7CChromium%3B142.0.7444.176%7CNot_A%2520Brand%3B99.0.0.0&uamb=0&uam=&uap=Windows&uapv=19.0.0&uaw=0';

interface TrackingState {
  clientId: string;
  /** The visitor's answer to the consent banner; undefined until they give one. */
  consent: 'granted' | 'denied' | undefined;
  pageLoadId: number;
  title: string;
  referrer: string;
  sessionId: number;
  sessionCount: number;
  lastHitAt: number;
  hitCount: number;
  queue: Ga4WireEvent[];
}

export function createShopTracking(writer: SessionWriter): ShopTracking {
  const state: TrackingState = {
    clientId: '',
    consent: undefined,
    pageLoadId: 0,
    title: '',
    referrer: '',
    sessionId: 0,
    sessionCount: 0,
    lastHitAt: -SESSION_TIMEOUT_MS,
    hitCount: 0,
    queue: [],
  };
  const queue = (event: Ga4WireEvent) => queueEvent(writer, state, event);
  return {
    startPage: (kind, url, title) => startPage(writer, state, { kind, url, title }),
    ecommerceEvent(name, ecommerce) {
      writer.wait(400, 6_000);
      writer.push({ ecommerce: null });
      writer.push({ event: name, ecommerce });
      const event = wireEventOf(name, ecommerce);
      queue(event);
      if (name === 'purchase') sendGa4(writer, state, SERVER_ENDPOINT, ROLLUP_ID, [event]);
    },
    measurementEvent(event) {
      writer.wait(800, 9_000);
      queue(event);
    },
    pushOnly(value) {
      writer.wait(100, 3_000);
      writer.push(value);
    },
    pixel: (eventName, customData = {}) => sendPixel(writer, eventName, customData),
    adsConversion: (value, currency) => sendAdsConversion(writer, value, currency),
    endPage() {
      writer.wait(2_000, 40_000);
      queue({ name: 'user_engagement', engagementMs: writer.random.integer(900, 60_000) });
      flush(writer, state);
    },
  };
}

/**
 * A page: GTM's start, consent and gtag config pushes for a new document, then page_view.
 * After half an hour away a new GA4 session starts; half the time the tester has cleared
 * cookies, so the banner asks again and that first page_view leaves with consent denied.
 */
function startPage(
  writer: SessionWriter,
  state: TrackingState,
  page: { kind: 'document' | 'history'; url: string; title: string },
): void {
  const { random } = writer;
  const isNewSession = writer.now() - state.lastHitAt >= SESSION_TIMEOUT_MS;
  const isFreshVisitor = isNewSession && (state.clientId === '' || random.chance(0.5));
  if (isFreshVisitor) {
    state.clientId = `111111201.${Math.floor(writer.now() / 1000)}`;
    state.consent = undefined;
    state.sessionCount = 0;
  }
  state.referrer = page.kind === 'document' ? writer.pageUrl() : '';
  writer.navigate(page.kind, page.url);
  state.title = page.title;
  if (page.kind === 'document') {
    state.pageLoadId = writer.now();
    pushDocumentStart(writer, state.consent);
  }
  const flags = isNewSession ? ['_ss', '_nsi', ...(isFreshVisitor ? ['_fv'] : [])] : [];
  queueEvent(writer, state, { name: 'page_view', flags });
  if (state.consent === undefined) {
    flush(writer, state);
    state.consent = random.chance(0.8) ? 'granted' : 'denied';
    writer.push({ $arguments: ['consent', 'update', consentOf(state.consent)] });
  }
  if (page.kind === 'document' && random.chance(0.3)) {
    const event = { name: 'page_view', params: { page_type: page.title } };
    sendGa4(writer, state, SERVER_ENDPOINT, ROLLUP_ID, [event]);
  }
}

function pushDocumentStart(writer: SessionWriter, consent: TrackingState['consent']): void {
  writer.push({ 'gtm.start': writer.now(), event: 'gtm.js' });
  writer.push({
    $arguments: ['consent', 'default', { ...consentOf('denied'), wait_for_update: 500 }],
  });
  writer.push({ $arguments: ['js', new Date(writer.now()).toISOString()] });
  writer.push({ $arguments: ['config', MEASUREMENT_ID, { send_page_view: false }] });
  // The consent platform replays a remembered answer on every page.
  if (consent !== undefined) writer.push({ $arguments: ['consent', 'update', consentOf(consent)] });
  writer.push({ event: 'gtm.dom' });
  writer.push({ event: 'gtm.load' });
}

function consentOf(answer: 'granted' | 'denied'): Record<string, string> {
  return Object.fromEntries(CONSENT_SIGNALS.map((signal) => [signal, answer]));
}

// gtag.js holds events for a moment and sends what gathered as one batched request.
function queueEvent(writer: SessionWriter, state: TrackingState, event: Ga4WireEvent): void {
  state.queue.push(event);
  if (state.queue.length >= writer.random.integer(1, 3)) flush(writer, state);
}

function flush(writer: SessionWriter, state: TrackingState): void {
  if (state.queue.length === 0) return;
  sendGa4(writer, state, GA4_ENDPOINT, MEASUREMENT_ID, state.queue);
  state.queue = [];
}

function sendGa4(
  writer: SessionWriter,
  state: TrackingState,
  endpoint: string,
  measurementId: string,
  events: Ga4WireEvent[],
): void {
  renewSession(writer.now(), state);
  const { url, body } = encodeGa4Hit(endpoint, sharedParams(writer, state, measurementId), events);
  const withHints = url.replace('&_s=', `&${CLIENT_HINTS}&_s=`);
  writer.send({ url: withHints, ...(body === undefined ? {} : { body }), transport: 'beacon' });
}

function renewSession(now: number, state: TrackingState): void {
  if (now - state.lastHitAt >= SESSION_TIMEOUT_MS) {
    state.sessionId = Math.floor(now / 1000);
    state.sessionCount += 1;
    state.hitCount = 0;
  }
  state.lastHitAt = now;
}

// The parameters every event of a hit shares, in gtag's order (corpus A15, A28).
function sharedParams(
  writer: SessionWriter,
  state: TrackingState,
  measurementId: string,
): Record<string, string | number> {
  const isGranted = state.consent === 'granted';
  state.hitCount += 1;
  return {
    v: 2,
    tid: measurementId,
    gtm: '45je5bi1v896246467za200zb77944370',
    _p: state.pageLoadId,
    gcs: isGranted ? 'G111' : 'G100',
    gcd: isGranted ? '13r3r3r3r5l1' : '13p3p3p3p5l1',
    npa: 0,
    dma: 0,
    tag_exp: '103116026~103200004~104527906~104528501~104684208',
    cid: state.clientId,
    ul: 'en-us',
    sr: '1920x1080',
    _s: state.hitCount,
    sid: state.sessionId,
    sct: state.sessionCount,
    seg: state.hitCount > 1 ? 1 : 0,
    dl: writer.pageUrl(),
    ...(state.referrer === '' ? {} : { dr: state.referrer }),
    dt: state.title,
  };
}

function wireEventOf(name: string, ecommerce: EcommercePush): Ga4WireEvent {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(ecommerce)) {
    if (key === 'items' || key === 'currency') continue;
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return {
    name,
    params,
    ...(ecommerce.currency === undefined ? {} : { currency: ecommerce.currency }),
    ...(ecommerce.items === undefined ? {} : { items: ecommerce.items }),
  };
}

function sendPixel(
  writer: SessionWriter,
  eventName: string,
  customData: Record<string, string | number>,
): void {
  const custom = Object.entries(customData)
    .map(([key, value]) => `&cd[${key}]=${encodeURIComponent(String(value))}`)
    .join('');
  const page = encodeURIComponent(writer.pageUrl());
  writer.send({
    url: `https://www.facebook.com/tr/?id=992980065451679&ev=${eventName}&dl=${page}&rl=&if=false&ts=${writer.now()}${custom}&sw=1920&sh=1080&v=2.9.201&r=stable&ec=0&o=4126&fbp=fb.1.1700000000000.1234567890123456789&it=${writer.now() - 350}&coo=false&rqm=GET`,
    transport: 'image',
    isBlockable: true,
    // GTM's custom-HTML pixel writes an <img>: the hook never sees it (about one in ten).
    isNetworkOnly: writer.random.chance(0.1),
  });
}

function sendAdsConversion(writer: SessionWriter, value: number, currency: string): void {
  const page = encodeURIComponent(writer.pageUrl());
  const time = writer.now();
  writer.send({
    url: `https://googleads.g.doubleclick.net/pagead/viewthroughconversion/797629828/?random=${time}&cv=11&fst=${time}&bg=ffffff&guid=ON&async=1&gtm=45je5bi1v896246467za200&gcd=13r3r3r3r5l1&dma=0&u_w=1920&u_h=1080&url=${page}&label=AbC-D_efG-h12_34-567&value=${value}&currency_code=${currency}&data=event%3Dpurchase&fmt=3`,
    transport: 'image',
    isBlockable: true,
  });
}
