import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { createCaptureService } from '../../extension/src/background/create-capture-service.js';
import {
  createSessionStore,
  type StorageAreaLike,
} from '../../extension/src/background/create-session-store.js';
import type { CaptureAck, SessionUpdate } from '../../extension/src/common/background-api.js';
import type { PagePushRecord } from '../../extension/src/common/page-record.js';
import { readStoredSessions } from '../../extension/src/background/session-storage-layout.js';
import { createBackgroundLink } from '../../extension/src/relay/create-background-link.js';

/** A port whose far end is a function; `isDead` makes it swallow messages without a word. */
function fakePort(answer: (message: unknown, port: FakePort) => void) {
  const port = {
    isDead: false,
    isDisconnected: false,
    posted: [] as unknown[],
    messageListeners: [] as Array<(message: unknown) => void>,
    disconnectListeners: [] as Array<() => void>,
    postMessage(message: unknown) {
      if (port.isDisconnected) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(message);
      if (!port.isDead) answer(message, port);
    },
    disconnect() {
      port.isDisconnected = true;
    },
    onMessage: {
      addListener: (listener: (message: unknown) => void) =>
        void port.messageListeners.push(listener),
    },
    onDisconnect: {
      addListener: (listener: () => void) => void port.disconnectListeners.push(listener),
    },
    deliver(message: unknown) {
      for (const listener of port.messageListeners) listener(message);
    },
  };
  return port;
}
type FakePort = ReturnType<typeof fakePort>;

/** Timers run by hand, in the order they were set. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let nextId = 1;
  return {
    setTimer: (run: () => void) => {
      pending.set(nextId, run);
      return nextId++;
    },
    clearTimer: (id: unknown) => void pending.delete(id as number),
    runAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const run of due) run();
    },
    get size() {
      return pending.size;
    },
  };
}

const push = (seq: number): PagePushRecord => ({
  kind: 'push',
  seq,
  time: 1_000 + seq,
  pageUrl: 'https://shop.example/',
  dataLayerName: 'dataLayer',
  arrayIndex: 1,
  origin: 'live',
  push: { event: `event_${seq}` },
});

/** The pushes of a tab's session as a restarted background would read them from the area. */
function storedPushes(area: { stored: Map<string, unknown> }, tabId: number): unknown[] {
  const { sessions } = readStoredSessions(Object.fromEntries(area.stored));
  return sessions.get(tabId)?.session.pushes ?? [];
}

function memoryArea(): StorageAreaLike & { stored: Map<string, unknown> } {
  const stored = new Map<string, unknown>();
  return {
    stored,
    get: async () => Object.fromEntries(stored),
    set: async (items) =>
      void Object.entries(items).forEach(([key, value]) => stored.set(key, structuredClone(value))),
    remove: async (keys) => void [keys].flat().forEach((key) => stored.delete(key)),
  };
}

describe('the relay’s link to the background', () => {
  it('sends each message with its link id and sequence number, and forgets it once acknowledged', () => {
    const timers = manualTimers();
    const ports: FakePort[] = [];
    const link = createBackgroundLink(
      () => {
        const port = fakePort((message, self) => {
          const { seq } = message as { seq: number };
          self.deliver({ type: 'capture-ack', linkId: 'frame-1', seq });
        });
        ports.push(port);
        return port as unknown as Runtime.Port;
      },
      { linkId: 'frame-1', ...timers },
    );
    link.send({ type: 'page-records', records: [], rejected: 0 });
    link.send({ type: 'page-records', records: [], rejected: 0 });
    expect(ports).toHaveLength(1);
    expect(ports[0]?.posted).toMatchObject([
      { linkId: 'frame-1', seq: 1 },
      { linkId: 'frame-1', seq: 2 },
    ]);
    expect(timers.size).toBe(0);
  });

  it('opens a new port and sends everything unacknowledged again, in order, when no answer comes', () => {
    const timers = manualTimers();
    const ports: FakePort[] = [];
    const link = createBackgroundLink(
      () => {
        const port = fakePort(() => undefined);
        ports.push(port);
        return port as unknown as Runtime.Port;
      },
      { linkId: 'frame-1', ...timers },
    );
    link.send({ n: 1 });
    link.send({ n: 2 });
    expect(timers.size).toBe(1);
    timers.runAll();
    expect(ports).toHaveLength(2);
    expect(ports[0]?.isDisconnected).toBe(true);
    expect(ports[1]?.posted).toMatchObject([
      { n: 1, seq: 1 },
      { n: 2, seq: 2 },
    ]);
    ports[1]?.deliver({ type: 'capture-ack', linkId: 'frame-1', seq: 1 });
    timers.runAll();
    expect(ports[2]?.posted).toMatchObject([{ n: 2, seq: 2 }]);
    ports[2]?.deliver({ type: 'capture-ack', linkId: 'frame-1', seq: 2 });
    expect(timers.size).toBe(0);
  });

  it('ignores acknowledgements of another link and malformed answers', () => {
    const timers = manualTimers();
    const ports: FakePort[] = [];
    const link = createBackgroundLink(
      () => {
        const port = fakePort(() => undefined);
        ports.push(port);
        return port as unknown as Runtime.Port;
      },
      { linkId: 'frame-1', ...timers },
    );
    link.send({ n: 1 });
    ports[0]?.deliver({ type: 'capture-ack', linkId: 'frame-2', seq: 9 });
    ports[0]?.deliver({ type: 'capture-ack', linkId: 'frame-1', seq: '9' });
    ports[0]?.deliver(null);
    timers.runAll();
    expect(ports[1]?.posted).toMatchObject([{ n: 1, seq: 1 }]);
  });

  it('keeps later messages behind one that could not be posted, so none overtakes it', () => {
    const timers = manualTimers();
    let canConnect = false;
    const ports: FakePort[] = [];
    const link = createBackgroundLink(
      () => {
        if (!canConnect) throw new Error('Extension context invalidated');
        const port = fakePort(() => undefined);
        ports.push(port);
        return port as unknown as Runtime.Port;
      },
      { linkId: 'frame-1', ...timers },
    );
    link.send({ n: 1 });
    canConnect = true;
    link.send({ n: 2 });
    expect(ports).toHaveLength(0);
    timers.runAll();
    expect(ports[0]?.posted).toMatchObject([{ n: 1 }, { n: 2 }]);
  });
});

describe('the background’s side of the link', () => {
  const sender = { tabId: 3, frameId: 0, url: 'https://shop.example/' };
  const message = (seq: number, records: PagePushRecord[]) => ({
    type: 'page-records',
    records,
    rejected: 0,
    linkId: 'frame-1',
    seq,
  });

  it('applies a message sent again once, and acknowledges only after the session is stored', async () => {
    const area = memoryArea();
    const store = createSessionStore(area, { persistDelayMs: 0 });
    const published: SessionUpdate[] = [];
    const capture = createCaptureService(store, {
      add: () => undefined,
      publish: (updates) => void published.push(...updates),
    });

    const ack = await capture.onPageRecords(message(1, [push(1), push(2)]), sender);
    expect(ack).toEqual<CaptureAck>({ type: 'capture-ack', linkId: 'frame-1', seq: 1 });
    expect(storedPushes(area, 3)).toHaveLength(2);

    const again = await capture.onPageRecords(message(1, [push(1), push(2)]), sender);
    expect(again).toEqual(ack);
    await capture.onPageRecords(message(2, [push(3)]), sender);
    const session = await store.get(3);
    expect(session?.pushes.map((entry) => entry.push)).toEqual([
      { event: 'event_1' },
      { event: 'event_2' },
      { event: 'event_3' },
    ]);
    expect(published.filter((update) => update.type === 'push')).toHaveLength(3);
  });

  it('writes a burst of messages once, and acknowledges none of them before that write', async () => {
    const area = memoryArea();
    const writes: Array<() => void> = [];
    // Each write waits until the test lets it through, as a slow storage area would.
    const gated: StorageAreaLike = {
      ...area,
      set: (items) => new Promise((resolve) => writes.push(() => resolve(area.set(items)))),
    };
    const store = createSessionStore(gated, { persistDelayMs: 0 });
    const capture = createCaptureService(store, { add: () => undefined, publish: () => undefined });
    const acked: number[] = [];
    for (const seq of [1, 2, 3])
      void capture
        .onPageRecords(message(seq, [push(seq)]), sender)
        .then((ack) => ack && acked.push(ack.seq));

    await vi.waitFor(() => expect(writes).toHaveLength(1));
    expect(acked).toEqual([]);
    expect(area.stored.has('tab:3')).toBe(false);

    writes[0]?.();
    await vi.waitFor(() => expect(acked).toEqual([1, 2, 3]));
    expect(storedPushes(area, 3)).toHaveLength(3);
    expect(writes).toHaveLength(1);
  });

  it('writes on the next change once its timer runs a second late, as behind a flood of messages', async () => {
    // Only the store's timer is held back; the test's own turns of the event loop still run.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const area = memoryArea();
      let clock = 0;
      const store = createSessionStore(area, { persistDelayMs: 250, now: () => clock });
      const capture = createCaptureService(store, {
        add: () => undefined,
        publish: () => undefined,
      });
      const acked: number[] = [];
      const send = (seq: number) =>
        void capture
          .onPageRecords(message(seq, [push(seq)]), sender)
          .then((ack) => ack && acked.push(ack.seq));
      const settle = () => new Promise((resolve) => setImmediate(resolve));

      send(1);
      await settle();
      clock = 900;
      send(2);
      await settle();
      expect(acked).toEqual([]);
      expect(area.stored.has('tab:3')).toBe(false);

      clock = 1_000;
      send(3);
      for (let turn = 0; turn < 20 && acked.length < 3; turn += 1) await settle();
      expect(acked).toEqual([1, 2, 3]);
      expect(storedPushes(area, 3)).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('acknowledges nothing a worker stopped before its write held, so the resend restores it', async () => {
    const area = memoryArea();
    const stopped = createSessionStore(
      { ...area, set: () => new Promise(() => undefined) },
      {
        persistDelayMs: 0,
      },
    );
    const noSubscribers = { add: () => undefined, publish: () => undefined };
    let wasAcked = false;
    void createCaptureService(stopped, noSubscribers)
      .onPageRecords(message(1, [push(1)]), sender)
      .then(() => (wasAcked = true));
    await stopped.update(3, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wasAcked).toBe(false);

    const restarted = createSessionStore(area, { persistDelayMs: 0 });
    const ack = await createCaptureService(restarted, noSubscribers).onPageRecords(
      message(1, [push(1)]),
      sender,
    );
    expect(ack).toMatchObject({ seq: 1 });
    expect((await restarted.get(3))?.pushes).toHaveLength(1);
  });

  it('reads a batch the relay forwarded as text, record by record, counting what it drops', async () => {
    const store = createSessionStore(memoryArea(), { persistDelayMs: 0 });
    const capture = createCaptureService(store, { add: () => undefined, publish: () => undefined });
    const malformed = { ...push(2), origin: 'guessed' };
    const text = JSON.stringify({ records: [push(1), malformed, push(3)] });
    const batch = (seq: number, batchText: string) => ({
      type: 'page-batch',
      text: batchText,
      linkId: 'frame-1',
      seq,
    });

    expect(await capture.onPageRecords(batch(1, text), sender)).toMatchObject({ seq: 1 });
    await capture.onPageRecords(batch(2, '{"records":[{"kind":"push"'), sender);
    await capture.onPageRecords(batch(3, 'x'.repeat(8_000_001)), sender);
    const session = await store.get(3);
    expect(session?.pushes.map((entry) => entry.push)).toEqual([
      { event: 'event_1' },
      { event: 'event_3' },
    ]);
    expect(session?.dropped.invalid).toBe(3);
  });

  it('still applies a message without an envelope, and answers nothing', async () => {
    const store = createSessionStore(memoryArea(), { persistDelayMs: 0 });
    const capture = createCaptureService(store, { add: () => undefined, publish: () => undefined });
    const ack = await capture.onPageRecords(
      { type: 'page-records', records: [push(1)], rejected: 0, linkId: '__proto__', seq: 1 },
      sender,
    );
    expect(ack).toBeUndefined();
    expect((await store.get(3))?.pushes).toHaveLength(1);
    expect(Object.prototype).not.toHaveProperty('frame-1');
  });

  it('remembers what a restarted background’s predecessor stored, and what survives a clear', async () => {
    const area = memoryArea();
    const first = createSessionStore(area, { persistDelayMs: 0 });
    const noSubscribers = { add: () => undefined, publish: () => undefined };
    await createCaptureService(first, noSubscribers).onPageRecords(message(1, [push(1)]), sender);

    const restarted = createSessionStore(area, { persistDelayMs: 0 });
    const capture = createCaptureService(restarted, noSubscribers);
    await capture.onPageRecords(message(1, [push(1)]), sender);
    expect((await restarted.get(3))?.pushes).toHaveLength(1);

    await restarted.clear(3);
    await capture.onPageRecords(message(1, [push(1)]), sender);
    expect((await restarted.get(3))?.pushes).toHaveLength(0);
  });
});

describe('hits the background stored before they changed', () => {
  it('reach a restarted background with their network answer, from chunk writes alone', async () => {
    const area = memoryArea();
    const noSubscribers = { add: () => undefined, publish: () => undefined };
    const store = createSessionStore(area, { persistDelayMs: 0 });
    const capture = createCaptureService(store, noSubscribers);
    const url = 'https://shop.example/g/collect?v=2&tid=G-STANDIN1&cid=1.2&en=page_view';
    for (let requestId = 1; requestId <= 70; requestId += 1) {
      await capture.onRequestStart(3, {
        url: `${url}&_s=${requestId}`,
        method: 'POST',
        requestId: String(requestId),
        type: 'ping',
        time: requestId,
        frameId: 0,
      });
    }
    await store.flush();
    const writes: string[][] = [];
    const watched: StorageAreaLike = {
      ...area,
      set: async (items) => {
        writes.push(Object.keys(items));
        await area.set(items);
      },
    };
    const watchedStore = createSessionStore(watched, { persistDelayMs: 0 });
    const watchedCapture = createCaptureService(watchedStore, noSubscribers);
    await watchedCapture.onRequestOutcome(3, '5', { statusCode: 204, completedAt: 99 });
    await watchedStore.flush();

    // Everything was chunked, so the answer rewrote the head and the hit's own chunk only.
    expect(writes.at(-1)).toEqual(['tab:3', expect.stringMatching(/^tab:3:hits:\d+:0$/)]);
    const restarted = createSessionStore(area, { persistDelayMs: 0 });
    const hit = (await restarted.get(3))?.hits.find((found) => found.network?.requestId === '5');
    expect(hit?.state).toBe('completed');
    expect(hit?.network?.statusCode).toBe(204);
    expect((await restarted.get(3))?.hits).toHaveLength(70);
  });
});
