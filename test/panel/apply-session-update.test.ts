import { describe, expect, it } from 'vitest';
import { applySessionUpdate } from '../../extension/src/panel/model/apply-session-update.js';
import type { SessionUpdate } from '../../extension/src/common/background-api.js';
import { shopSession } from './panel-fixtures.js';

describe('following a session live', () => {
  it('takes the snapshot, then puts each record in by its sequence number, a hit again when its state changes', () => {
    const snapshot = shopSession();
    const [firstHit] = snapshot.hits;
    const late = { ...snapshot.pushes[6]!, seq: 99 };
    let session = applySessionUpdate(
      null,
      { type: 'snapshot', tabId: 7, session: structuredClone(snapshot) },
      0,
    );
    session = applySessionUpdate(session, { type: 'push', tabId: 7, push: late }, 0);
    session = applySessionUpdate(
      session,
      { type: 'hit', tabId: 7, hit: { ...firstHit!, state: 'failed' } },
      0,
    );
    session = applySessionUpdate(session, { type: 'push', tabId: 7, push: late }, 0);
    expect(session?.pushes.map((push) => push.seq)).toEqual([
      ...snapshot.pushes.map((push) => push.seq),
      99,
    ]);
    expect(session?.hits.map((hit) => hit.state)).toEqual([
      'failed',
      ...snapshot.hits.slice(1).map((hit) => hit.state),
    ]);
    expect(session?.seq).toBe(99);
  });

  it('inserts a record that arrives out of order at its place, and a navigation by its id', () => {
    const session = shopSession();
    const removed = session.pushes.splice(1, 1)[0]!;
    applySessionUpdate(session, { type: 'push', tabId: 7, push: removed }, 0);
    applySessionUpdate(
      session,
      {
        type: 'navigation',
        tabId: 7,
        navigation: {
          id: 3,
          kind: 'fragment',
          url: 'https://shop.example.test/checkout/thanks#x',
          time: 5_000,
        },
      },
      0,
    );
    expect(session.pushes.map((push) => push.seq)).toEqual(
      shopSession().pushes.map((push) => push.seq),
    );
    expect(session.navigations.map((navigation) => navigation.id)).toEqual([1, 2, 3]);
  });

  it('starts an empty session for an update before any snapshot, and empties it when cleared', () => {
    const update: SessionUpdate = { type: 'push', tabId: 3, push: shopSession().pushes[0]! };
    expect(applySessionUpdate(null, update, 10)).toMatchObject({
      tabId: 3,
      createdAt: 10,
      pushes: [update.push],
    });
    expect(applySessionUpdate(shopSession(), { type: 'cleared', tabId: 7 }, 20)).toMatchObject({
      tabId: 7,
      createdAt: 20,
      pushes: [],
      hits: [],
    });
  });
});
