import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequest } from '../../shared/beacons/decode-request.js';
import type { Ga4Event } from '../../shared/events/event-types.js';
import {
  classifyGa4Hit,
  lineageNodeFromGa4Event,
  lineageNodeFromPush,
  matchLineage,
  type LineageNode,
} from '../../shared/lineage/index.js';

const push = (id: string, name: string, time: number, extra: Partial<LineageNode> = {}) =>
  ({ id, layer: 'datalayer', name, time, itemIds: [], ...extra }) as LineageNode;
const hit = (id: string, name: string, time: number, extra: Partial<LineageNode> = {}) =>
  ({
    id,
    layer: 'ga4',
    name,
    time,
    itemIds: [],
    destination: 'G-1@google',
    ...extra,
  }) as LineageNode;
const mirror = (id: string, name: string, time: number, extra: Partial<LineageNode> = {}) =>
  ({ id, layer: 'mirror', name, time, itemIds: [], ...extra }) as LineageNode;

const pairs = (nodes: LineageNode[]) =>
  matchLineage(nodes).links.map((link) => `${link.from}>${link.to}`);
const kinds = (nodes: LineageNode[]) =>
  matchLineage(nodes).findings.map((finding) => `${finding.kind}:${finding.node}`);

function ga4EventOf(url: string, body?: string): Ga4Event {
  const decoded = decodeRequest({ url, ...(body === undefined ? {} : { body }) });
  if (decoded.kind !== 'ga4') throw new Error(`not a GA4 hit: ${url}`);
  return decoded.events[0] as Ga4Event;
}

describe('linking pushes to hits and hits to mirror copies', () => {
  it('follows a purchase from the push to the GA4 hit to its mirror copy, with nothing to report', () => {
    const fields = { '/name': 'purchase', '/params/value': 72.05, '/items/0/item_id': 'SKU_1' };
    const nodes = [
      push('p1', 'purchase', 1_000, { transactionId: 'T-1', itemIds: ['SKU_1'] }),
      hit('h1', 'purchase', 3_500, { transactionId: 'T-1', itemIds: ['SKU_1'], fields }),
      mirror('m1', 'purchase', 1_200, {
        transactionId: 'T-1',
        eventId: 'e-9',
        fields: { ...fields, '/params/event_id': 'e-9' },
      }),
    ];
    const result = matchLineage(nodes);
    expect(result.links).toEqual([
      {
        kind: 'sent-as',
        from: 'p1',
        to: 'h1',
        matchedBy: ['transaction_id', 'item_ids', 'name_and_time'],
        delayMs: 2_500,
      },
      {
        kind: 'mirrored-as',
        from: 'h1',
        to: 'm1',
        matchedBy: ['transaction_id', 'name_and_time'],
        delayMs: -2_300,
      },
    ]);
    expect(result.findings).toEqual([]);
  });

  it.each([
    ['the hit leaves 20 s after the push', hit('h', 'login', 21_000)],
    ['the hit seems to leave 3 s before the push', hit('h', 'login', -2_000)],
    ['the hit is of another document', hit('h', 'login', 1_500, { scope: 'doc-2' })],
    ['the hit names another event', hit('h', 'sign_up', 1_500)],
  ])('does not link a push and a hit when %s', (_, lookAlike) => {
    const nodes = [push('p', 'login', 1_000, { scope: 'doc-1' }), lookAlike];
    expect(pairs(nodes)).toEqual([]);
    expect(kinds(nodes)).toEqual(['pushed-never-sent:p', 'hit-without-push:h']);
  });

  it.each([
    ['transaction IDs differ', { transactionId: 'T-1' }, { transactionId: 'T-2' }],
    ['event IDs differ', { eventId: 'a' }, { eventId: 'b' }],
    ['the items share no ID', { itemIds: ['A'] }, { itemIds: ['B'] }],
  ])('keeps two close records apart when %s', (_, pushExtra, hitExtra) => {
    expect(
      pairs([push('p', 'add_to_cart', 0, pushExtra), hit('h', 'add_to_cart', 10, hitExtra)]),
    ).toEqual([]);
  });

  it('pairs purchases by transaction ID even when the hits leave in the other order', () => {
    const nodes = [
      push('p1', 'purchase', 0, { transactionId: 'T-1' }),
      push('p2', 'purchase', 100, { transactionId: 'T-2' }),
      hit('h2', 'purchase', 200, { transactionId: 'T-2' }),
      hit('h1', 'purchase', 300, { transactionId: 'T-1' }),
    ];
    expect(pairs(nodes)).toEqual(['p2>h2', 'p1>h1']);
  });

  it('pairs identical pushes with the hits batched from them in the order they happened', () => {
    const nodes = [
      push('p1', 'select_item', 0),
      push('p2', 'select_item', 50),
      hit('h1', 'select_item', 2_000),
      hit('h2', 'select_item', 2_000),
    ];
    expect(pairs(nodes)).toEqual(['p1>h1', 'p2>h2']);
  });

  it('links one push to one hit per destination, so a push sent to two properties has two hits', () => {
    const nodes = [
      push('p1', 'sign_up', 0),
      hit('a', 'sign_up', 10, { destination: 'G-A@google' }),
      hit('b', 'sign_up', 20, { destination: 'G-B@google' }),
      hit('c', 'sign_up', 30, { destination: 'G-A@google' }),
    ];
    expect(pairs(nodes)).toEqual(['p1>a', 'p1>b']);
    expect(kinds(nodes)).toEqual(['hit-without-push:c']);
  });

  it("marks Google's automatic events without a push as expected, other orphan hits as warnings", () => {
    const { findings } = matchLineage([
      push('p', 'login', 0),
      hit('pv', 'page_view', 10),
      hit('lead', 'generate_lead', 20),
      hit('login', 'login', 30),
    ]);
    expect(findings).toEqual([
      { kind: 'hit-without-push', node: 'pv', severity: 'info', isAutomatic: true },
      { kind: 'hit-without-push', node: 'lead', severity: 'warning', isAutomatic: false },
    ]);
  });

  it('says nothing of pushes never sent when the session holds no hit at all, nor of GTM events', () => {
    expect(kinds([push('p', 'login', 0), push('g', 'gtm.dom', 5)])).toEqual([]);
    expect(kinds([push('p', 'login', 0), hit('h', 'page_view', 5)])).toContain(
      'pushed-never-sent:p',
    );
  });

  it('asks the caller which pushes are meant for GA4', () => {
    const nodes = [push('p', 'internal_ping', 0), push('q', 'login', 0), hit('h', 'page_view', 5)];
    const result = matchLineage(nodes, { expectsHit: (name) => name !== 'internal_ping' });
    expect(result.findings.map((finding) => finding.node)).toEqual(['q', 'h']);
  });

  it('reports hits not mirrored only once mirroring is seen or expected, and mirror copies without a hit', () => {
    const withoutMirror = [hit('h1', 'login', 0), hit('h2', 'sign_up', 5)];
    expect(kinds(withoutMirror)).toEqual([]);
    expect(matchLineage(withoutMirror, { expectsMirror: true }).findings).toHaveLength(2);
    expect(
      kinds([...withoutMirror, mirror('m1', 'login', 10), mirror('m9', 'refund', 10)]),
    ).toEqual(['sent-not-mirrored:h2', 'mirror-without-hit:m9']);
  });

  it('gives a mirror copy to the hit sent to Google rather than its server-side twin, whichever left first', () => {
    const nodes = [
      push('p', 'login', 0),
      hit('server', 'login', 10, { layer: 'sgtm', destination: 'G-1@sst' }),
      hit('google', 'login', 30, { destination: 'G-1@google' }),
      mirror('m', 'login', 20),
    ];
    expect(pairs(nodes)).toEqual(['p>server', 'p>google', 'google>m']);
  });

  it('counts a push mirrored once when it went both to Google and to a server container', () => {
    const nodes = [
      push('p', 'login', 0),
      hit('google', 'login', 10, { destination: 'G-1@google' }),
      hit('server', 'login', 10, { layer: 'sgtm', destination: 'G-1@sst' }),
      mirror('m', 'login', 20),
    ];
    expect(kinds(nodes)).toEqual([]);
  });

  it('lists the fields a mirror copy changed, lost or added, beside the hit', () => {
    const { findings } = matchLineage([
      hit('h', 'purchase', 0, {
        fields: { '/params/value': 7.77, '/params/coupon': 'X', '/items/0/price': 5 },
      }),
      mirror('m', 'purchase', 5, {
        fields: {
          '/params/value': '7.77',
          '/items/0/price': 5,
          '/params/event_id': 'e1',
          '/params/extra': 'y',
        },
      }),
    ]);
    expect(findings).toEqual([
      {
        kind: 'mirror-differs',
        node: 'm',
        hit: 'h',
        severity: 'warning',
        differences: [
          { path: '/params/coupon', hit: 'X' },
          { path: '/params/extra', mirror: 'y' },
          { path: '/params/value', hit: 7.77, mirror: '7.77' },
        ],
      },
    ]);
  });
});

describe('lineage nodes from decoded records', () => {
  const query =
    'v=2&tid=G-DEMO000009&cid=1.2&_p=9&en=purchase&ep.transaction_id=T_12345&epn.value=72.05&pr1=idSKU_1~nmTee~pr5';

  it.each([
    [`https://region1.google-analytics.com/g/collect?${query}`, 'ga4'],
    [`https://www.google.de/g/collect?${query}`, 'ga4'],
    [`https://sst.shop.example/g/collect?${query}`, 'sgtm'],
    [`https://collect.shop.example/tw?${query}&tw_src=web_mirror&tw_tv=1.0.0`, 'mirror'],
    [`https://collect.shop.example/tw?${query}&tw_src=web_mirrors`, 'sgtm'],
    [`https://google-analytics.com.evil.example/g/collect?${query}`, 'sgtm'],
  ])('classifies %s as %s', (url, layer) => {
    expect(classifyGa4Hit(ga4EventOf(url))).toBe(layer);
  });

  it('reads the IDs and fields of a GA4 hit', () => {
    const node = lineageNodeFromGa4Event(
      ga4EventOf(`https://region1.google-analytics.com/g/collect?${query}`),
      { id: 'r1', time: 5, scope: 'd' },
    );
    expect(node).toMatchObject({
      id: 'r1',
      layer: 'ga4',
      name: 'purchase',
      transactionId: 'T_12345',
      itemIds: ['SKU_1'],
      destination: 'G-DEMO000009@region1.google-analytics.com',
      scope: 'd',
    });
    expect(node.fields).toMatchObject({
      '/name': 'purchase',
      '/params/value': 72.05,
      '/items/0/item_id': 'SKU_1',
    });
  });

  it('reads the IDs of a push at the top level or inside ecommerce', () => {
    const fromEcommerce = lineageNodeFromPush(
      'purchase',
      { ecommerce: { transaction_id: 12345, items: [{ item_id: 'A' }, { item_name: 'no id' }] } },
      { id: 'p', time: 1 },
    );
    expect(fromEcommerce).toEqual({
      id: 'p',
      layer: 'datalayer',
      name: 'purchase',
      time: 1,
      transactionId: '12345',
      itemIds: ['A'],
    });
    expect(
      lineageNodeFromPush(
        'x',
        { transaction_id: ' ', event_id: 'e', items: 'no' },
        { id: 'q', time: 1 },
      ),
    ).toEqual({ id: 'q', layer: 'datalayer', name: 'x', time: 1, eventId: 'e', itemIds: [] });
  });
});

describe('matching lineage on hostile input', () => {
  const name = fc.constantFrom('purchase', '__proto__', 'constructor', 'gtm.js', '');
  const node = fc.record({
    id: fc.constantFrom('__proto__', 'a', 'b', 'c', 'toString', 'd'),
    layer: fc.constantFrom('datalayer', 'ga4', 'sgtm', 'mirror'),
    name: fc.option(name, { nil: null }),
    time: fc.oneof(fc.integer({ min: -5_000, max: 50_000 }), fc.constant(Number.NaN)),
    transactionId: fc.option(fc.constantFrom('T1', 'T2', '__proto__'), { nil: undefined }),
    itemIds: fc.array(fc.constantFrom('A', 'B', '__proto__'), { maxLength: 3 }),
    fields: fc.option(
      fc.dictionary(
        fc.constantFrom('/__proto__', '/name', '/params/value'),
        fc.oneof(fc.string(), fc.double()),
      ),
      { nil: undefined },
    ),
  });

  it('never throws, links only known records, and leaves Object.prototype clean', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 30 }), (nodes) => {
        const result = matchLineage(nodes as LineageNode[]);
        const ids = new Set<string>(nodes.map((entry) => entry.id));
        for (const link of result.links) {
          expect(ids.has(link.from) && ids.has(link.to)).toBe(true);
        }
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>)['T1']).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
