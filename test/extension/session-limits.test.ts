import { describe, expect, it } from 'vitest';
import { applyPageRecords } from '../../extension/src/background/apply-page-records.js';
import {
  createSessionStore,
  type StorageAreaLike,
} from '../../extension/src/background/create-session-store.js';
import { createTabSession } from '../../extension/src/background/create-tab-session.js';
import { SESSION_LIMITS, trimSession } from '../../extension/src/background/session-limits.js';
import type { PagePushRecord } from '../../extension/src/common/page-record.js';

const place = { frameId: 0, url: 'https://shop.example/' };

function pushRecords(count: number, firstSeq = 1): PagePushRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: 'push',
    seq: firstSeq + index,
    time: 1_000 + index,
    pageUrl: 'https://shop.example/',
    dataLayerName: 'dataLayer',
    arrayIndex: 1,
    origin: 'live',
    push: { event: `step_${firstSeq + index}` },
  }));
}

function memoryArea(): StorageAreaLike {
  const items = new Map<string, unknown>();
  return {
    get: async () => Object.fromEntries(items),
    set: async (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    remove: async (keys) => {
      for (const key of [keys].flat()) items.delete(key);
    },
  };
}

describe('bounding a tab session', () => {
  it('keeps the newest pushes, counts the dropped ones and says so once', () => {
    const session = createTabSession(1, 0);
    const limits = { ...SESSION_LIMITS, pushes: 10 };
    for (let round = 0; round < 3; round += 1) {
      applyPageRecords(session, pushRecords(8, round * 8 + 1), place);
      trimSession(session, limits, 5_000);
    }

    expect(session.pushes).toHaveLength(10);
    expect(session.pushes.map((push) => (push.push as { event: string }).event)[0]).toBe('step_15');
    expect(session.dropped.pushes).toBe(14);
    const dropNotices = session.notices.filter((notice) => notice.code === 'records-dropped');
    expect(dropNotices).toHaveLength(1);
    expect(dropNotices[0]?.detail).toContain('latest 10 pushes');
  });

  it('adds no notice while the session is within its bounds', () => {
    const session = createTabSession(1, 0);
    applyPageRecords(session, pushRecords(10), place);
    trimSession(session, { ...SESSION_LIMITS, pushes: 10 }, 5_000);

    expect(session.dropped).toEqual({ pushes: 0, hits: 0, notices: 0, invalid: 0 });
    expect(session.notices.some((notice) => notice.code === 'records-dropped')).toBe(false);
  });

  it('keeps the notices themselves bounded when a page floods them', () => {
    const session = createTabSession(1, 0);
    const limits = { ...SESSION_LIMITS, pushes: 5, notices: 3 };
    const notices = Array.from({ length: 20 }, (_, index) => ({
      kind: 'notice' as const,
      seq: index + 1,
      time: 1_000,
      pageUrl: 'https://shop.example/',
      code: 'data-layer-found' as const,
      dataLayerName: `layer${index}`,
    }));
    applyPageRecords(session, notices, place);
    applyPageRecords(session, pushRecords(6, 100), place);
    trimSession(session, limits, 5_000);

    expect(session.notices).toHaveLength(3);
    expect(session.notices.at(-1)?.code).toBe('records-dropped');
    expect(session.dropped.notices).toBe(18);
  });

  it('applies the limits a store is given to every change', async () => {
    const store = createSessionStore(memoryArea(), {
      limits: { pushes: 25 },
      persistDelayMs: 1,
      now: () => 9_000,
    });
    for (let round = 0; round < 4; round += 1) {
      await store.update(7, (session) =>
        applyPageRecords(session, pushRecords(10, round * 10 + 1), place),
      );
    }
    const session = await store.get(7);

    expect(session?.pushes).toHaveLength(25);
    expect(session?.dropped.pushes).toBe(15);
    expect(session?.notices.filter((notice) => notice.code === 'records-dropped')).toHaveLength(1);
    await store.flush();
  });
});
