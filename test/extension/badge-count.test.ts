import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { CapturedRecord } from '../../shared/capture/captured-input.js';
import { loadPlan } from '../../shared/plan/load-plan.js';
import type { TrackingPlan } from '../../shared/plan/plan-types.js';
import {
  badgeTextOf,
  createBadgeService,
} from '../../extension/src/background/create-badge-service.js';
import { createErrorCounter } from '../../extension/src/background/create-error-counter.js';
import { readSitePlan, SITE_PLANS_KEY } from '../../extension/src/background/read-site-plan.js';
import { createTabSession } from '../../extension/src/background/create-tab-session.js';
import type {
  SessionHit,
  SessionPush,
  TabSession,
} from '../../extension/src/common/session-types.js';

function planOf(text: string, name: string): TrackingPlan {
  const result = loadPlan(text, name);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result.plan;
}

const bundled = planOf(
  readFileSync(new URL('../../shared/plans/ga4-recommended.yaml', import.meta.url), 'utf8'),
  'ga4-recommended',
);
const sitePlanText = `
name: shop plan
events:
  signup:
    required: [method]
    properties:
      method: { type: string }
`;
const pageUrl = 'https://shop.example/checkout';
const items = [{ item_id: 'SKU-1', item_name: 'Mug', price: 12, quantity: 1 }];
const collect = 'https://www.google-analytics.com/g/collect?v=2&tid=G-SHOP1&cid=1.2&_s=1';

const pushCases: Array<[string, unknown]> = [
  ['GTM starting', { 'gtm.start': 1, event: 'gtm.js' }],
  [
    'a valid purchase',
    { event: 'purchase', ecommerce: { transaction_id: 'T1', value: 12, currency: 'EUR', items } },
  ],
  ['a purchase without a transaction id or items', { event: 'purchase', ecommerce: { value: 12 } }],
  [
    'an add_to_cart with a price as text',
    {
      event: 'add_to_cart',
      ecommerce: { currency: 'EUR', value: 12, items: [{ item_id: 'SKU-1', price: 'twelve' }] },
    },
  ],
  ['a model update without an event', { page_type: 'checkout' }],
];
const requestCases: Array<[string, string, string | undefined]> = [
  ['a valid page_view', `${collect}&en=page_view&dl=${encodeURIComponent(pageUrl)}`, undefined],
  ['a purchase without a transaction id', `${collect}&en=purchase&epn.value=12&cu=EUR`, undefined],
  ['a batch with one bad purchase', collect, 'en=page_view\r\nen=purchase&epn.value=3'],
  ['a vendor pixel', 'https://www.facebook.com/tr?id=1&ev=Purchase', undefined],
];

/** `tagwarden check`'s error count for records, less the session-wide duplicate findings. */
function checkErrors(records: CapturedRecord[]): number {
  const report = checkCaptures(records, bundled, { inputs: ['session'] });
  return report.events
    .flatMap((event) => event.violations)
    .filter((violation) => violation.severity === 'error' && violation.code !== 'duplicate_event')
    .length;
}

describe('counting a tab’s errors record by record', () => {
  it.each(pushCases)('counts %s as tagwarden check does', (_, push) => {
    const counter = createErrorCounter(bundled);
    const counted = counter.countPush({ push: push as never, pageUrl, dataLayerName: 'dataLayer' });
    const record: CapturedRecord = {
      kind: 'push',
      push: push as never,
      pageUrl,
      source: { file: 'session', line: 1 },
    };
    expect(counted).toBe(checkErrors([record]));
  });

  it.each(requestCases)('counts %s as tagwarden check does', (_, url, body) => {
    const counted = createErrorCounter(bundled).countRequest({
      url,
      method: body ? 'POST' : 'GET',
      ...(body ? { body } : {}),
    });
    const record: CapturedRecord = {
      kind: 'request',
      url,
      method: body ? 'POST' : 'GET',
      ...(body ? { body } : {}),
      source: { file: 'session', line: 1 },
    };
    expect(counted).toBe(checkErrors([record]));
  });

  it('finds errors where there are some, and none in valid events', () => {
    const counter = createErrorCounter(bundled);
    const count = (push: unknown) =>
      counter.countPush({ push: push as never, pageUrl, dataLayerName: 'dataLayer' });
    expect(count(pushCases[1]?.[1])).toBe(0);
    expect(count(pushCases[2]?.[1])).toBeGreaterThanOrEqual(2);
    expect(counter.countRequest({ url: requestCases[1]?.[1] ?? '' })).toBeGreaterThan(0);
  });

  it('replays a page’s pushes in order, as tagwarden check does', () => {
    const counter = createErrorCounter(bundled);
    const purchase = { event: 'purchase' };
    const model = { ecommerce: { transaction_id: 'T1', value: 12, currency: 'EUR', items } };
    const push = (value: unknown, url: string) =>
      counter.countPush({ push: value as never, pageUrl: url, dataLayerName: 'dataLayer' });
    push(model, pageUrl);
    expect(push(purchase, pageUrl)).toBe(
      checkErrors([
        { kind: 'push', push: model, pageUrl, source: { file: 's', line: 1 } },
        { kind: 'push', push: purchase, pageUrl, source: { file: 's', line: 2 } },
      ]),
    );
  });
});

describe('choosing the plan of a site', () => {
  const origin = 'https://shop.example';
  it.each<[string, Record<string, unknown>, string]>([
    ['no plans kept', {}, 'ga4-recommended'],
    ['a plan kept for the origin', { [SITE_PLANS_KEY]: { [origin]: sitePlanText } }, 'shop plan'],
    [
      'a plan kept for another origin',
      { [SITE_PLANS_KEY]: { 'https://other.example': sitePlanText } },
      'ga4-recommended',
    ],
    [
      'the panel’s entry for the origin',
      { [`plan:${origin}`]: { kind: 'paste', name: 'pasted plan', text: sitePlanText } },
      'shop plan',
    ],
    [
      'a plan that does not load',
      { [SITE_PLANS_KEY]: { [origin]: 'events: [' } },
      'ga4-recommended',
    ],
    ['plans that are not text', { [SITE_PLANS_KEY]: { [origin]: 42 } }, 'ga4-recommended'],
    [
      'a prototype key',
      JSON.parse(`{"${SITE_PLANS_KEY}": {"__proto__": {"${origin}": 1}}}`),
      'ga4-recommended',
    ],
  ])('with %s', (_, items, name) => {
    expect(readSitePlan(items, origin, bundled).name).toBe(name);
    expect(({} as Record<string, unknown>)[origin]).toBeUndefined();
  });
});

function push(seq: number, value: unknown): SessionPush {
  return {
    seq,
    time: seq,
    pageUrl,
    dataLayerName: 'dataLayer',
    arrayIndex: 1,
    origin: 'live',
    push: value as never,
    frameId: 0,
    navigationId: 1,
  };
}

function hit(seq: number, url: string, body?: string): SessionHit {
  return {
    seq,
    time: seq,
    url,
    method: 'POST',
    state: 'completed',
    frameId: 0,
    navigationId: 1,
    summary: { kind: 'ga4', protocol: 'gtag', events: [] },
    ...(body === undefined
      ? {}
      : { network: { requestId: String(seq), type: 'ping', time: seq, frameId: 0, body } }),
  };
}

function sessionWithNavigation(createdAt: number, url = pageUrl): TabSession {
  const session = createTabSession(4, createdAt);
  session.navigations.push({ id: 1, kind: 'document', url, time: createdAt });
  return session;
}

describe('the toolbar badge', () => {
  const setUp = (storage: Record<string, unknown> = {}) => {
    const shown: Array<[number, number]> = [];
    let session: TabSession | undefined = sessionWithNavigation(1);
    const badge = createBadgeService({
      getSession: async () => session,
      readStorage: async () => storage,
      defaultPlan: () => bundled,
      showErrors: async (tabId, errors) => void shown.push([tabId, errors]),
      delayMs: 1,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
    return {
      shown,
      badge,
      settle,
      session: () => session as TabSession,
      replace: (next: TabSession | undefined) => (session = next),
    };
  };

  it('counts new records as they come, and a hit again once its body arrives', async () => {
    const { shown, badge, settle, session } = setUp();
    session().pushes.push(push(1, { event: 'purchase', ecommerce: { value: 12 } }));
    badge.touch(4);
    await settle();
    const afterPush = shown.at(-1)?.[1] ?? 0;
    expect(afterPush).toBeGreaterThan(0);

    session().hits.push(hit(2, collect));
    badge.touch(4);
    await settle();
    expect(shown.at(-1)?.[1]).toBe(afterPush);

    session().hits[0] = hit(2, collect, 'en=purchase&epn.value=3');
    badge.touch(4);
    await settle();
    expect(shown.at(-1)?.[1]).toBeGreaterThan(afterPush);
    expect(shown.every(([tabId]) => tabId === 4)).toBe(true);
  });

  it('starts again from zero when the session is cleared', async () => {
    const { shown, badge, settle, session, replace } = setUp();
    session().pushes.push(push(1, { event: 'purchase' }));
    badge.touch(4);
    await settle();
    replace(sessionWithNavigation(2));
    badge.touch(4);
    await settle();
    expect(shown.at(-1)).toEqual([4, 0]);
  });

  it('judges by the site’s own plan once one is kept, and again when plans change', async () => {
    const storage: Record<string, unknown> = {};
    const { shown, badge, settle, session } = setUp(storage);
    session().pushes.push(
      push(1, { event: 'signup' }),
      push(2, { event: 'purchase', ecommerce: { value: 1 } }),
    );
    badge.touch(4);
    await settle();
    const byBundled = shown.at(-1)?.[1];

    storage[SITE_PLANS_KEY] = { 'https://shop.example': sitePlanText };
    badge.replan();
    await settle();
    expect(shown.at(-1)?.[1]).not.toBe(byBundled);
    expect(shown.at(-1)?.[1]).toBe(1);
  });

  it('judges only the records published since the last count, not the whole session again', async () => {
    const { shown, badge, settle, session } = setUp();
    badge.touch(4);
    await settle();
    expect(shown).toEqual([[4, 0]]);

    // Put in the session behind the badge's back: a published record is what gets judged.
    session().pushes.push(push(1, { event: 'purchase', ecommerce: { value: 12 } }));
    const published = push(2, { event: 'add_to_cart', ecommerce: { items: 'none' } });
    session().pushes.push(published);
    badge.note([{ type: 'push', tabId: 4, push: published }]);
    await settle();
    const byPublished = shown.at(-1)?.[1] ?? 0;
    expect(byPublished).toBeGreaterThan(0);

    badge.touch(4);
    await settle();
    expect(shown.at(-1)?.[1]).toBe(byPublished);
  });

  it('counts a published hit again once its body arrives, and keeps a dropped hit’s errors', async () => {
    const { shown, badge, settle, session } = setUp();
    const sent = hit(1, collect);
    session().hits.push(sent);
    badge.note([{ type: 'hit', tabId: 4, hit: sent }]);
    await settle();
    expect(shown.at(-1)).toEqual([4, 0]);

    sent.network = { requestId: '1', type: 'ping', time: 1, frameId: 0, body: 'en=purchase' };
    badge.note([{ type: 'hit', tabId: 4, hit: sent }]);
    await settle();
    const withBody = shown.at(-1)?.[1] ?? 0;
    expect(withBody).toBeGreaterThan(0);

    const next = hit(2, `${collect}&en=page_view`);
    session().hits.splice(0, 1, next);
    badge.note([{ type: 'hit', tabId: 4, hit: next }]);
    await settle();
    expect(shown.at(-1)?.[1]).toBe(withBody);
  });

  it('sets the badge only when its number changes, and again after a new document', async () => {
    const { shown, badge, settle, session } = setUp();
    const first = push(1, { event: 'purchase', ecommerce: { value: 12 } });
    session().pushes.push(first);
    badge.note([{ type: 'push', tabId: 4, push: first }]);
    await settle();
    const unchanged = push(2, { event: 'gtm.dom' });
    badge.note([{ type: 'push', tabId: 4, push: unchanged }]);
    await settle();
    expect(shown).toHaveLength(1);

    const navigation = { id: 2, kind: 'document' as const, url: pageUrl, time: 3 };
    session().navigations.push(navigation);
    badge.note([{ type: 'navigation', tabId: 4, navigation }]);
    await settle();
    expect(shown).toHaveLength(2);
    expect(shown[1]).toEqual(shown[0]);
  });

  it.each([
    [0, ''],
    [1, '1'],
    [999, '999'],
    [1_000, '999+'],
  ])('shows %i errors as “%s”', (errors, text) => {
    expect(badgeTextOf(errors)).toBe(text);
  });
});
