import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import { summariseHit } from '../../extension/src/background/summarise-hit.js';
import type {
  SessionHit,
  SessionPush,
  TabSession,
} from '../../extension/src/common/session-types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A file of the repository, as text. */
export function readRepoFile(path: string): string {
  return readFileSync(`${root}${path}`, 'utf8');
}

/** A plan of the repository, loaded; fails the test when it does not load. */
export function loadRepoPlan(path: string): TrackingPlan {
  const result = loadPlan(readRepoFile(path), path);
  if (!result.ok) throw new Error(`${path} does not load: ${result.errors[0]?.message}`);
  return result.plan;
}

export const shopPlan = (): TrackingPlan => loadRepoPlan('test/fixtures/plans/tagwarden/shop.yaml');
export const ga4RecommendedPlan = (): TrackingPlan =>
  loadRepoPlan('shared/plans/ga4-recommended.yaml');

const PAGE = 'https://shop.example.test/product/stan-tee';
const CHECKOUT = 'https://shop.example.test/checkout/thanks';
const SHARED = 'v=2&tid=G-DEMO000009&cid=111.222&_p=77&sid=5&sct=1&gcs=G111&gcd=13t3t3t3t5l1';

let seq = 0;

function push(time: number, navigationId: number, pageUrl: string, value: unknown): SessionPush {
  seq += 1;
  return {
    seq,
    time,
    pageUrl,
    dataLayerName: 'dataLayer',
    arrayIndex: 1,
    origin: 'live',
    push: value as SessionPush['push'],
    frameId: 0,
    navigationId,
  };
}

function hit(
  time: number,
  navigationId: number,
  pageUrl: string,
  url: string,
  body?: string,
): SessionHit {
  seq += 1;
  return {
    seq,
    time,
    url,
    method: body === undefined ? 'GET' : 'POST',
    state: 'completed',
    frameId: 0,
    navigationId,
    page: {
      transport: body === undefined ? 'image' : 'beacon',
      time,
      pageUrl,
      frameId: 0,
      ...(body === undefined ? {} : { body, bodyKind: 'text' as const }),
    },
    network: { requestId: String(seq), type: 'ping', time: time + 2, frameId: 0, statusCode: 204 },
    summary: summariseHit(url, body),
  };
}

const purchaseItems = [
  { item_id: 'SKU_1', item_name: 'Stan and Friends Tee', price: 10, quantity: 2 },
];

/**
 * A shop session as the background records it: consent commands, a product page whose
 * view_item reaches GA4 in a batch with page_view, a route change to the thank-you page, a
 * purchase pushed and sent to Google, to a server container and mirrored with a changed value,
 * an add_to_cart pushed but never sent, a Meta pixel and a request that is no analytics.
 */
export function shopSession(): TabSession {
  seq = 0;
  const pushes: SessionPush[] = [];
  const hits: SessionHit[] = [];
  pushes.push(
    push(1_000, 1, PAGE, {
      $arguments: ['consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied' }],
    }),
    push(1_010, 1, PAGE, { event: 'gtm.js', 'gtm.start': 1_000 }),
    push(1_020, 1, PAGE, { $arguments: ['config', 'G-DEMO000009'] }),
    push(1_030, 1, PAGE, {
      $arguments: ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'granted' }],
    }),
    push(1_100, 1, PAGE, {
      event: 'view_item',
      ecommerce: { currency: 'USD', value: 20, items: purchaseItems },
    }),
  );
  hits.push(
    hit(
      2_000,
      1,
      PAGE,
      `https://region1.google-analytics.com/g/collect?${SHARED}&dl=${encodeURIComponent(PAGE)}`,
      'en=page_view&_et=1\r\nen=view_item&cu=USD&epn.value=20&pr1=idSKU_1~nmStan%20and%20Friends%20Tee~pr10~qt2',
    ),
  );
  pushes.push(
    push(3_000, 1, PAGE, {
      event: 'add_to_cart',
      ecommerce: { currency: 'usd', value: 20, items: purchaseItems },
    }),
    push(4_000, 2, CHECKOUT, {
      event: 'purchase',
      ecommerce: { transaction_id: 'T-1', currency: 'USD', value: 20, items: purchaseItems },
      user_email: 'jane.doe@example.com',
    }),
  );
  const purchaseQuery = `${SHARED}&dl=${encodeURIComponent(CHECKOUT)}&en=purchase&cu=USD&ep.transaction_id=T-1&epn.value=20&pr1=idSKU_1~nmStan%20and%20Friends%20Tee~pr10~qt2`;
  hits.push(
    hit(4_200, 2, CHECKOUT, `https://region1.google-analytics.com/g/collect?${purchaseQuery}`),
    hit(4_300, 2, CHECKOUT, `https://sst.shop.example.test/g/collect?${purchaseQuery}`),
    hit(
      4_400,
      2,
      CHECKOUT,
      `https://collect.shop.example.test/tw?${purchaseQuery.replace('epn.value=20', 'ep.value=20')}&ep.event_id=e-1&tw_src=web_mirror&tw_tv=1.0.0`,
    ),
    hit(
      4_500,
      2,
      CHECKOUT,
      'https://www.facebook.com/tr/?id=1234567890&ev=Purchase&cd[value]=20&cd[currency]=USD',
    ),
    hit(4_600, 2, CHECKOUT, 'https://cdn.example.test/pixel.gif?x=1'),
  );
  return {
    tabId: 7,
    createdAt: 900,
    seq,
    navigations: [
      { id: 1, kind: 'document', url: PAGE, time: 950, transitionType: 'typed' },
      { id: 2, kind: 'history', url: CHECKOUT, time: 3_900 },
    ],
    frames: [{ frameId: 0, url: PAGE }],
    pushes,
    hits,
    notices: [],
    dropped: { pushes: 0, hits: 0, notices: 0, invalid: 0 },
  };
}
