import { describe, expect, it } from 'vitest';
import {
  applyNetworkOutcome,
  applyNetworkStart,
} from '../../extension/src/background/apply-network-events.js';
import { applyPageRecords } from '../../extension/src/background/apply-page-records.js';
import {
  createSessionStore,
  type StorageAreaLike,
} from '../../extension/src/background/create-session-store.js';
import { createTabSession } from '../../extension/src/background/create-tab-session.js';
import { recordNavigation } from '../../extension/src/background/record-navigation.js';
import { readLayerNameFromScriptUrl } from '../../extension/src/page/read-layer-name-from-script-url.js';
import type { PageRequestRecord } from '../../extension/src/common/page-record.js';

const url = 'https://shop.example/g/collect?v=2&tid=G-ABC123&cid=1.2&_s=1';
const body = 'en=purchase&epn.value=72.05\r\nen=scroll&epn.percent_scrolled=90';
const pageRequest: PageRequestRecord = {
  kind: 'request',
  seq: 1,
  time: 1_000,
  pageUrl: 'https://shop.example/',
  transport: 'beacon',
  method: 'POST',
  url,
  body,
  bodyKind: 'text',
  queued: true,
};
const networkStart = { url, method: 'POST', requestId: '7', type: 'ping', time: 1_004, frameId: 0 };
const sender = { frameId: 0, url: 'https://shop.example/' };
const blankCommit = {
  tabId: 1,
  frameId: 0,
  kind: 'document' as const,
  url: 'about:blank',
  time: 0,
  documentId: 'BLANK',
};
const shopCommit = { ...blankCommit, url: 'https://shop.example/', documentId: 'SHOP' };

describe('joining the page and network views of a hit', () => {
  it('joins whichever view arrives second, splits the batch into events and follows the outcome', () => {
    for (const order of ['page-first', 'network-first']) {
      const session = createTabSession(1, 0);
      if (order === 'page-first') applyPageRecords(session, [pageRequest], sender);
      applyNetworkStart(session, { ...networkStart, body });
      if (order === 'network-first') applyPageRecords(session, [pageRequest], sender);
      applyNetworkOutcome(session, '7', { statusCode: 204, completedAt: 1_050 });

      expect(session.hits).toHaveLength(1);
      const [hit] = session.hits;
      expect(hit?.state).toBe('completed');
      expect(hit?.page?.transport).toBe('beacon');
      expect(hit?.network?.statusCode).toBe(204);
      expect(hit?.summary).toEqual({
        kind: 'ga4',
        protocol: 'gtag',
        events: [
          { name: 'purchase', account: 'G-ABC123' },
          { name: 'scroll', account: 'G-ABC123' },
        ],
      });
    }
  });

  it.each([
    ['a different body', { body: 'en=other' }],
    ['another frame', { frameId: 3 }],
    ['a minute later', { time: 61_000 }],
  ])('keeps hits apart when the network view has %s', (_name, change) => {
    const session = createTabSession(1, 0);
    applyPageRecords(session, [pageRequest], sender);
    applyNetworkStart(session, { ...networkStart, body, ...change });
    expect(session.hits).toHaveLength(2);
  });

  it('joins a beacon sent while its page was left, which the network reports from another frame of the same document', () => {
    for (const order of ['page-first', 'network-first']) {
      const session = createTabSession(1, 0);
      const leaving = { ...sender, documentId: 'DOC-A' };
      const fromCache = { ...networkStart, body, frameId: 5, documentId: 'DOC-A' };
      if (order === 'page-first') applyPageRecords(session, [pageRequest], leaving);
      applyNetworkStart(session, fromCache);
      if (order === 'network-first') applyPageRecords(session, [pageRequest], leaving);
      expect(session.hits).toHaveLength(1);
      expect(session.hits[0]?.frameId).toBe(0);
      expect(session.hits[0]?.network?.frameId).toBe(5);
    }
  });

  it('keeps hits of two documents apart although the frame is the same', () => {
    const session = createTabSession(1, 0);
    applyPageRecords(session, [pageRequest], { ...sender, documentId: 'DOC-A' });
    applyNetworkStart(session, { ...networkStart, body, documentId: 'DOC-B' });
    expect(session.hits).toHaveLength(2);
  });

  it('marks a blocked hit failed and a refused beacon not sent', () => {
    const session = createTabSession(1, 0);
    applyNetworkStart(session, networkStart);
    applyNetworkOutcome(session, '7', { error: 'net::ERR_BLOCKED_BY_CLIENT' });
    applyPageRecords(session, [{ ...pageRequest, url: `${url}&x=1`, queued: false }], sender);
    expect(session.hits.map((hit) => hit.state)).toEqual(['failed', 'not-sent']);
  });
});

describe('the session store', () => {
  it('gives a restarted background the sessions the previous one stored', async () => {
    const stored = new Map<string, unknown>();
    const area: StorageAreaLike = {
      get: async () => Object.fromEntries(stored),
      set: async (items) =>
        void Object.entries(items).forEach(([key, value]) =>
          stored.set(key, structuredClone(value)),
        ),
      remove: async (keys) => void [keys].flat().forEach((key) => stored.delete(key)),
    };
    const first = createSessionStore(area, { persistDelayMs: 0 });
    await first.update(5, (session) => applyPageRecords(session, [pageRequest], sender));
    await first.flush();

    const restarted = createSessionStore(area);
    await restarted.update(5, (session) => applyNetworkStart(session, { ...networkStart, body }));
    const session = await restarted.get(5);
    expect(session?.hits).toHaveLength(1);
    expect(session?.hits[0]?.network?.requestId).toBe('7');
    await restarted.remove(5);
    expect(stored.size).toBe(0);
  });
});

describe('the session store’s writes', () => {
  it('writes each session as one JSON text, and reads back text or an object as it finds them', async () => {
    const stored = new Map<string, unknown>();
    const area: StorageAreaLike = {
      get: async () => Object.fromEntries(stored),
      set: async (items) =>
        void Object.entries(items).forEach(([key, value]) => stored.set(key, value)),
      remove: async (keys) => void [keys].flat().forEach((key) => stored.delete(key)),
    };
    const first = createSessionStore(area, { persistDelayMs: 0 });
    await first.update(5, (session) => applyPageRecords(session, [pageRequest], sender));
    await first.flush();
    const text = stored.get('tab:5');
    expect(typeof text).toBe('string');

    // An earlier version stored a whole session as an object, its hits and pushes inline.
    const whole = JSON.parse(JSON.stringify(await first.get(5))) as object;
    stored.set('tab:6', { ...whole, tabId: 6 });
    stored.set('tab:7', '{"tabId":7,"pushes":');
    const restarted = createSessionStore(area);
    expect((await restarted.get(5))?.hits).toHaveLength(1);
    expect((await restarted.get(6))?.hits).toHaveLength(1);
    expect(await restarted.get(7)).toBeUndefined();
  });
});

describe('reading a dataLayer name from a loader URL', () => {
  it.each([
    ['https://www.googletagmanager.com/gtm.js?id=GTM-X&l=myLayer', 'myLayer'],
    ['https://sgtm.shop.example/gtm.js?id=GTM-X&l=shopLayer', 'shopLayer'],
    ['/metrics/gtag/js?id=G-X&l=gaLayer', 'gaLayer'],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-X', undefined],
    ['https://cdn.example/app.js?l=notALoader', undefined],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-X&l=__proto__', undefined],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-X&l=a%20b', undefined],
  ])('%s gives %s', (scriptUrl, name) => {
    expect(readLayerNameFromScriptUrl(scriptUrl)).toBe(name);
  });
});

describe('a page the background did not see navigate', () => {
  it('stands the top frame’s records in for the navigation it missed, once', () => {
    const session = createTabSession(1, 0);
    const updates = applyPageRecords(session, [pageRequest], sender);
    applyPageRecords(session, [{ ...pageRequest, seq: 2, time: 1_200 }], sender);

    expect(session.navigations).toEqual([
      { id: 1, kind: 'document', url: 'https://shop.example/', time: 1_000, isInferred: true },
    ]);
    expect(updates[0]).toMatchObject({ type: 'navigation', navigation: { id: 1 } });
    expect(session.hits.map((hit) => hit.navigationId)).toEqual([1, 1]);
  });

  it('completes the inferred navigation when webNavigation reports it late, instead of adding one', () => {
    const session = createTabSession(1, 0);
    applyPageRecords(session, [pageRequest], sender);
    recordNavigation(session, {
      tabId: 1,
      frameId: 0,
      kind: 'document',
      url: 'https://shop.example/',
      time: 990,
      transitionType: 'typed',
    });

    expect(session.navigations).toEqual([
      {
        id: 1,
        kind: 'document',
        url: 'https://shop.example/',
        time: 1_000,
        transitionType: 'typed',
      },
    ]);
  });

  it('gives a new document’s records to it when its commit is stamped after them', () => {
    const session = createTabSession(1, 0);
    recordNavigation(session, { ...blankCommit, time: 500 });
    recordNavigation(session, { ...shopCommit, time: 1_050 });
    applyPageRecords(session, [pageRequest], { ...sender, documentId: 'SHOP' });
    applyNetworkStart(session, { ...networkStart, url: `${url}&other=1`, documentId: 'SHOP' });

    expect(session.hits.map((hit) => hit.navigationId)).toEqual([2, 2]);
    expect(session.navigations).toHaveLength(2);
  });

  it('stands records in for a new document whose commit has not reached the worker yet', () => {
    const session = createTabSession(1, 0);
    recordNavigation(session, { ...blankCommit, time: 500 });
    applyPageRecords(session, [pageRequest], { ...sender, documentId: 'SHOP' });
    recordNavigation(session, { ...shopCommit, time: 990 });

    expect(session.navigations.map(({ id, url, isInferred }) => ({ id, url, isInferred }))).toEqual(
      [
        { id: 1, url: 'about:blank', isInferred: undefined },
        { id: 2, url: 'https://shop.example/', isInferred: undefined },
      ],
    );
    expect(session.hits.map((hit) => hit.navigationId)).toEqual([2]);
  });

  it('keeps a beacon the old document sent on its page, though it arrives after the next commit', () => {
    const session = createTabSession(1, 0);
    recordNavigation(session, { ...shopCommit, time: 500 });
    recordNavigation(session, { ...blankCommit, documentId: 'NEXT', time: 900 });
    applyPageRecords(session, [{ ...pageRequest, time: 950 }], { ...sender, documentId: 'SHOP' });

    expect(session.hits.map((hit) => hit.navigationId)).toEqual([1]);
  });

  it('goes by time alone where the browser names no documents', () => {
    const session = createTabSession(1, 0);
    recordNavigation(session, { ...blankCommit, documentId: undefined, time: 500 });
    recordNavigation(session, { ...shopCommit, documentId: undefined, time: 1_050 });
    applyPageRecords(session, [pageRequest], sender);

    expect(session.hits.map((hit) => hit.navigationId)).toEqual([1]);
    expect(session.navigations).toHaveLength(2);
  });

  it('infers nothing from a subframe, nor once a navigation is known', () => {
    const fromFrame = createTabSession(1, 0);
    applyPageRecords(fromFrame, [pageRequest], { frameId: 4, url: 'https://ads.example/' });
    expect(fromFrame.navigations).toEqual([]);

    const navigated = createTabSession(1, 0);
    navigated.navigations.push({
      id: 1,
      kind: 'document',
      url: 'https://shop.example/',
      time: 900,
    });
    applyPageRecords(navigated, [pageRequest], sender);
    expect(navigated.navigations).toHaveLength(1);
  });
});
