import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTabSession } from '../../extension/src/background/create-tab-session.js';
import { RECORD_CHUNK_SIZE as CHUNK_SIZE } from '../../extension/src/background/stored-record-chunks.js';
import { trimSession, SESSION_LIMITS } from '../../extension/src/background/session-limits.js';
import {
  planSessionWrite,
  readStoredSessions,
  type StoredChunks,
} from '../../extension/src/background/session-storage-layout.js';
import {
  forgetHitChanges,
  isHitChanged,
  markHitChanged,
} from '../../extension/src/background/hit-changes.js';
import type {
  SessionHit,
  SessionPush,
  TabSession,
} from '../../extension/src/common/session-types.js';

/** A storage area as a map, written the way the session store writes it. */
function createArea() {
  const items = new Map<string, unknown>();
  let stored: StoredChunks | undefined;
  return {
    items,
    /** Writes the session; the keys the write set. */
    write(session: TabSession): string[] {
      const write = planSessionWrite(session, stored, isHitChanged);
      forgetHitChanges(write.writtenHits);
      for (const [key, value] of Object.entries(write.items)) items.set(key, value);
      for (const key of write.removals) items.delete(key);
      stored = write.stored;
      return Object.keys(write.items);
    },
    read(tabId: number): TabSession | undefined {
      return readStoredSessions(Object.fromEntries(items)).sessions.get(tabId)?.session;
    },
  };
}

function addPushes(session: TabSession, count: number): void {
  for (let index = 0; index < count; index += 1) {
    session.seq += 1;
    const push: SessionPush = {
      seq: session.seq,
      time: session.seq,
      pageUrl: 'https://shop.example/product',
      dataLayerName: 'dataLayer',
      arrayIndex: session.seq,
      origin: 'live',
      push: { event: 'view_item', ecommerce: { items: [{ item_id: `SKU-${session.seq}` }] } },
      frameId: 0,
      navigationId: 1,
    };
    session.pushes.push(push);
  }
}

function addHits(session: TabSession, count: number): void {
  for (let index = 0; index < count; index += 1) {
    session.seq += 1;
    const hit: SessionHit = {
      seq: session.seq,
      time: session.seq,
      url: `https://shop.example/g/collect?v=2&tid=G-STANDIN1&en=page_view&_s=${session.seq}`,
      method: 'POST',
      state: 'pending',
      network: { requestId: String(session.seq), type: 'ping', time: session.seq, frameId: 0 },
      summary: { kind: 'ga4', protocol: 'collect', events: [{ name: 'page_view' }] },
      frameId: 0,
      navigationId: 1,
    };
    session.hits.push(hit);
  }
}

/** What the background does when a stored hit's network answer arrives. */
function answerHit(session: TabSession, index: number): void {
  const hit = session.hits[index];
  if (hit?.network === undefined) return;
  hit.network = { ...hit.network, statusCode: 204, completedAt: hit.time + 1 };
  hit.state = 'completed';
  markHitChanged(hit);
}

function sessionWithPushes(count: number, createdAt = 1): TabSession {
  const session = createTabSession(7, createdAt);
  session.navigations.push({ id: 1, kind: 'document', url: 'https://shop.example/', time: 1 });
  addPushes(session, count);
  return session;
}

describe('a session in storage', () => {
  it('reads back as it was written, its pushes spread over chunks', () => {
    const area = createArea();
    const session = sessionWithPushes(CHUNK_SIZE * 2 + 5);
    expect(area.write(session)).toHaveLength(4);
    expect(area.read(7)).toEqual(session);
  });

  it('writes the head and the chunk that grew, not the whole session, after a change', () => {
    const area = createArea();
    const session = sessionWithPushes(CHUNK_SIZE * 3 + 1);
    area.write(session);
    addPushes(session, 3);
    expect(area.write(session)).toEqual(['tab:7', 'tab:7:pushes:1:3']);
    session.notices.push({
      seq: 999,
      time: 1,
      code: 'records-dropped',
      frameId: 0,
      navigationId: 1,
      pageUrl: '',
      detail: '',
    });
    expect(area.write(session)).toEqual(['tab:7']);
    expect(area.read(7)).toEqual(session);
  });

  it('keeps hits in chunks of their own, and writes a stored hit’s chunk again only once it changed', () => {
    const area = createArea();
    const session = sessionWithPushes(1);
    addHits(session, CHUNK_SIZE + 3);
    expect(area.write(session)).toEqual([
      'tab:7',
      'tab:7:pushes:1:0',
      'tab:7:hits:1:0',
      'tab:7:hits:1:1',
    ]);
    expect(area.items.get('tab:7')).not.toContain('g/collect');
    answerHit(session, 2);
    expect(area.write(session)).toEqual(['tab:7', 'tab:7:hits:1:0']);
    session.hits[5]!.state = 'failed';
    expect(area.write(session)).toEqual(['tab:7']);
    session.hits[5]!.state = 'pending';
    expect(area.read(7)).toEqual(session);
  });

  it('reads a session an earlier version wrote with its hits in the head, and moves them to chunks', () => {
    const session = sessionWithPushes(2);
    addHits(session, 3);
    const pushRange = { createdAt: 1, size: CHUNK_SIZE, start: 0, end: 2 };
    const items = {
      'tab:7': JSON.stringify({ ...session, pushes: [], pushRange }),
      'tab:7:pushes:1:0': planSessionWrite(session).items['tab:7:pushes:1:0'],
    };
    const { sessions, staleKeys } = readStoredSessions(items);
    const read = sessions.get(7);
    expect(read?.session).toEqual(session);
    expect(staleKeys).toEqual([]);
    const next = planSessionWrite(read!.session, read!.stored);
    expect(Object.keys(next.items)).toEqual(['tab:7', 'tab:7:hits:1:0']);
  });

  it('keeps the ring buffer’s bound in storage: chunks of dropped pushes are removed', () => {
    const area = createArea();
    const session = sessionWithPushes(0);
    const limits = { ...SESSION_LIMITS, pushes: CHUNK_SIZE * 2 };
    for (let round = 0; round < 10; round += 1) {
      addPushes(session, CHUNK_SIZE - 1);
      trimSession(session, limits, 1);
      area.write(session);
    }
    expect(area.read(7)).toEqual(session);
    const chunks = [...area.items.keys()].filter((key) => key.includes(':pushes:'));
    expect(chunks.length).toBeLessThanOrEqual(3);
  });

  it('replaces a cleared session’s chunks, even one cleared within the same millisecond', () => {
    const area = createArea();
    area.write(sessionWithPushes(CHUNK_SIZE + 10));
    const cleared = sessionWithPushes(3);
    cleared.pushes.forEach((push) => (push.pageUrl = 'https://shop.example/after-clear'));
    area.write(cleared);
    expect(area.read(7)).toEqual(cleared);
    expect([...area.items.keys()].filter((key) => key.includes(':pushes:'))).toHaveLength(1);
  });

  it('keeps the pushes it can read when a chunk is missing, and reports chunks nothing uses', () => {
    const area = createArea();
    const session = sessionWithPushes(CHUNK_SIZE * 2);
    area.write(session);
    area.items.delete('tab:7:pushes:1:0');
    area.items.set('tab:9:pushes:1:0', '{"from":0,"pushes":[]}');
    const { sessions, staleKeys } = readStoredSessions(Object.fromEntries(area.items));
    expect(sessions.get(7)?.session.pushes).toEqual(session.pushes.slice(CHUNK_SIZE));
    expect(sessions.get(7)?.stored).toBeUndefined();
    expect(staleKeys.sort()).toEqual(['tab:7:pushes:1:1', 'tab:9:pushes:1:0']);
  });

  it('reads a whole session written by an earlier version, as text or as an object', () => {
    const session = sessionWithPushes(5);
    const { sessions } = readStoredSessions({
      'tab:7': JSON.stringify(session),
      'tab:8': { ...session, tabId: 8 },
      'tab:9': '{"tabId":9,"pushes":',
    });
    expect(sessions.get(7)?.session).toEqual(session);
    expect(sessions.get(8)?.session.pushes).toHaveLength(5);
    expect(sessions.has(9)).toBe(false);
  });

  it('reads back what was written after any run of appends, drops and clears', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 0, max: 150 }) }),
      fc.record({ kind: fc.constant('hits' as const), count: fc.integer({ min: 0, max: 150 }) }),
      fc.record({ kind: fc.constant('answer' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('trim' as const), limit: fc.integer({ min: 0, max: 200 }) }),
      fc.record({ kind: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const area = createArea();
        let session = sessionWithPushes(0);
        for (const change of steps) {
          if (change.kind === 'append') addPushes(session, change.count);
          else if (change.kind === 'hits') addHits(session, change.count);
          else if (change.kind === 'answer')
            answerHit(session, change.at % Math.max(1, session.hits.length));
          else if (change.kind === 'trim')
            trimSession(
              session,
              { ...SESSION_LIMITS, pushes: change.limit, hits: change.limit },
              1,
            );
          else session = sessionWithPushes(0);
          area.write(session);
          expect(area.read(7)).toEqual(session);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reads any stored items without throwing or touching Object.prototype', () => {
    const value = fc.oneof(fc.json(), fc.jsonValue(), fc.string());
    const key = fc.oneof(
      fc.constantFrom(
        'tab:7',
        'tab:7:pushes:1:0',
        'tab:7:hits:1:0',
        '__proto__',
        'tab:__proto__',
        'constructor',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (items) => {
        expect(() => readStoredSessions(items)).not.toThrow();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
    );
  });
});
