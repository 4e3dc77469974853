import { describe, expect, it } from 'vitest';
import { createFlushSchedule } from '../../extension/src/page/create-flush-schedule.js';

/** A window stand-in: a real event target with a document state and timers run by hand. */
function pageWindow(readyState: DocumentReadyState) {
  const timers = new Map<number, { run: () => void; ms: number }>();
  let nextId = 1;
  const scope = Object.assign(new EventTarget(), {
    EventTarget,
    document: { readyState },
    setTimeout: (run: () => void, ms: number) => {
      timers.set(nextId, { run, ms });
      return nextId++;
    },
    clearTimeout: (id: number) => void timers.delete(id),
  });
  const runTimers = () => {
    const due = [...timers.values()];
    timers.clear();
    for (const { run } of due) run();
  };
  return { scope: scope as unknown as typeof globalThis, target: scope, timers, runTimers };
}

function scheduleOn(readyState: DocumentReadyState) {
  const page = pageWindow(readyState);
  let flushes = 0;
  const schedule = createFlushSchedule(page.scope, () => {
    flushes += 1;
  });
  return { ...page, schedule, flushes: () => flushes };
}

const microtasks = () => new Promise((resolve) => queueMicrotask(() => resolve(undefined)));

describe('when the page hook sends what it has queued', () => {
  it('sends at the end of the task on a page that has loaded, as a microtask', async () => {
    const page = scheduleOn('complete');
    page.schedule();
    expect(page.flushes()).toBe(0);
    await microtasks();
    expect(page.flushes()).toBe(1);
    expect(page.timers.size).toBe(0);
  });

  it.each(['loading', 'interactive'] as const)(
    'holds records on a page still %s, then sends them right after DOMContentLoaded',
    async (readyState) => {
      const page = scheduleOn(readyState);
      page.schedule();
      await microtasks();
      expect(page.flushes()).toBe(0);
      expect([...page.timers.values()].map((timer) => timer.ms)).toEqual([250]);

      page.target.dispatchEvent(new Event('DOMContentLoaded'));
      expect(page.flushes()).toBe(0);
      expect([...page.timers.values()].map((timer) => timer.ms)).toEqual([0]);
      page.runTimers();
      expect(page.flushes()).toBe(1);
    },
  );

  it('sends what waits at once when the page is left before it has loaded', () => {
    const page = scheduleOn('loading');
    page.schedule();
    page.target.dispatchEvent(new Event('pagehide'));
    expect(page.flushes()).toBe(1);
    expect(page.timers.size).toBe(0);
  });

  it('sends anyway after 250 ms of a page that never finishes loading', () => {
    const page = scheduleOn('loading');
    page.schedule();
    page.runTimers();
    expect(page.flushes()).toBe(1);
  });

  it('goes back to one send per task once the load event has fired, or the page was left', async () => {
    for (const event of ['load', 'pagehide']) {
      const page = scheduleOn('loading');
      page.target.dispatchEvent(new Event(event));
      page.schedule();
      await microtasks();
      expect(page.flushes()).toBe(1);
      expect(page.timers.size).toBe(0);
    }
  });

  it('does not send on DOMContentLoaded or pagehide when nothing waits', () => {
    const page = scheduleOn('loading');
    page.target.dispatchEvent(new Event('DOMContentLoaded'));
    page.target.dispatchEvent(new Event('pagehide'));
    page.runTimers();
    expect(page.flushes()).toBe(0);
  });
});
