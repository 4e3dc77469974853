import type { TrackingPlan } from '../../../shared/plan/plan-types.js';
import type { SessionUpdate } from '../common/background-api.js';
import type { SessionHit, SessionPush, TabSession } from '../common/session-types.js';
import { createErrorCounter, type ErrorCounter } from './create-error-counter.js';
import { originOf, readSitePlan } from './read-site-plan.js';

export interface BadgeServiceOptions {
  getSession(tabId: number): Promise<TabSession | undefined>;
  /** `storage.local`'s items, where the sites' plans are kept. */
  readStorage(): Promise<Record<string, unknown>>;
  /** The plan for sites without their own (the bundled GA4 recommended events). */
  defaultPlan(): TrackingPlan;
  /** Shows a tab's error count on the toolbar button. */
  showErrors(tabId: number, errors: number): Promise<void>;
  /** A burst of records is counted once, this long (ms) after its first change. */
  delayMs?: number;
}

export interface BadgeService {
  /** The tab's session changed in ways not listed: count it again from the whole session soon. */
  touch(tabId: number): void;
  /** Records as they are published: only these are judged, soon, not the whole session. */
  note(updates: readonly SessionUpdate[]): void;
  /** The sites' plans changed: count every known tab again with its plan. */
  replan(): void;
  forget(tabId: number): void;
}

interface TabCount {
  createdAt: number;
  origin: string;
  counter: ErrorCounter;
  lastPushSeq: number;
  pushErrors: number;
  /** Per hit (by seq): what was decoded, so a body that arrives later is counted again. */
  hitErrors: Map<number, { key: string; errors: number }>;
  /** The errors of every hit counted so far, those since dropped from the session included. */
  hitTotal: number;
  /** The number on the badge now; undefined when it must be shown again. */
  shown?: number;
}

/** What arrived for a tab since its last count. */
interface PendingWork {
  isWholeSession: boolean;
  pushes: SessionPush[];
  hits: Map<number, SessionHit>;
}

/**
 * Keeps the toolbar badge of each tab at the number of error-severity violations in its
 * session, judged by the site's plan. Counting is incremental: each push and hit is judged
 * once, as it is published (`note`), and the whole session is walked only after a worker
 * restart, a clear or a change of plan. The badge is set only when its number changes, or
 * after a new document in the tab.
 */
export function createBadgeService(options: BadgeServiceOptions): BadgeService {
  const delay = options.delayMs ?? 150;
  const counts = new Map<number, TabCount>();
  const pending = new Map<number, PendingWork>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const queues = new Map<number, Promise<void>>();
  const plans = new Map<string, TrackingPlan>();

  const planFor = async (origin: string): Promise<TrackingPlan> => {
    const cached = plans.get(origin);
    if (cached !== undefined) return cached;
    const plan = readSitePlan(await options.readStorage(), origin, options.defaultPlan());
    plans.set(origin, plan);
    return plan;
  };

  const recount = async (tabId: number): Promise<void> => {
    const work = pending.get(tabId) ?? newWork(true);
    pending.delete(tabId);
    const session = await options.getSession(tabId);
    if (session === undefined) {
      counts.delete(tabId);
      return;
    }
    const origin = originOf(session.navigations.at(-1)?.url) ?? '';
    let count = counts.get(tabId);
    if (count?.createdAt !== session.createdAt || count.origin !== origin) {
      count = newCount(session.createdAt, origin, createErrorCounter(await planFor(origin)));
      counts.set(tabId, count);
      work.isWholeSession = true;
    }
    if (work.isWholeSession) addRecords(count, session.pushes, session.hits);
    else addRecords(count, work.pushes, work.hits.values());
    forgetDroppedHits(count, session);
    const total = count.pushErrors + count.hitTotal;
    if (count.shown === total) return;
    count.shown = total;
    await options.showErrors(tabId, total);
  };

  const run = (tabId: number): void => {
    timers.delete(tabId);
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(() => recount(tabId)).catch(() => undefined);
    queues.set(tabId, next);
    void next.then(() => {
      if (queues.get(tabId) === next) queues.delete(tabId);
    });
  };

  const workFor = (tabId: number): PendingWork => {
    let work = pending.get(tabId);
    if (work === undefined) {
      work = newWork(false);
      pending.set(tabId, work);
    }
    if (!timers.has(tabId))
      timers.set(
        tabId,
        setTimeout(() => run(tabId), delay),
      );
    return work;
  };

  return {
    touch(tabId) {
      workFor(tabId).isWholeSession = true;
    },
    note(updates) {
      for (const update of updates) {
        const work = workFor(update.tabId);
        if (update.type === 'push') work.pushes.push(update.push);
        else if (update.type === 'hit') work.hits.set(update.hit.seq, update.hit);
        else if (update.type === 'cleared') work.isWholeSession = true;
        else if (update.type === 'navigation' && update.navigation.kind === 'document')
          // A new document may reset what the browser shows for the tab.
          delete counts.get(update.tabId)?.shown;
      }
    },
    replan() {
      plans.clear();
      const tabIds = [...counts.keys()];
      counts.clear();
      for (const tabId of tabIds) this.touch(tabId);
    },
    forget(tabId) {
      counts.delete(tabId);
      pending.delete(tabId);
      clearTimeout(timers.get(tabId));
      timers.delete(tabId);
    },
  };
}

function newCount(createdAt: number, origin: string, counter: ErrorCounter): TabCount {
  return {
    createdAt,
    origin,
    counter,
    lastPushSeq: 0,
    pushErrors: 0,
    hitErrors: new Map(),
    hitTotal: 0,
  };
}

function newWork(isWholeSession: boolean): PendingWork {
  return { isWholeSession, pushes: [], hits: new Map() };
}

/** Counts the pushes and hits not counted yet, and hits whose body arrived since. */
function addRecords(
  count: TabCount,
  pushes: Iterable<SessionPush>,
  hits: Iterable<SessionHit>,
): void {
  for (const push of pushes) {
    if (push.seq <= count.lastPushSeq) continue;
    count.pushErrors += count.counter.countPush(push);
    count.lastPushSeq = push.seq;
  }
  for (const hit of hits) {
    const body = hit.page?.body ?? hit.network?.body;
    const key = `${hit.url}\u0000${body?.length ?? -1}`;
    const previous = count.hitErrors.get(hit.seq);
    if (previous?.key === key) continue;
    const errors = countHit(count.counter, hit, body);
    count.hitTotal += errors - (previous?.errors ?? 0);
    count.hitErrors.set(hit.seq, { key, errors });
  }
}

/**
 * Hits the ring buffer dropped can no longer change, so only their total is kept: the map
 * stays as large as the session. Entries are in arrival order, which is seq order.
 */
function forgetDroppedHits(count: TabCount, session: TabSession): void {
  const oldest = session.hits[0]?.seq ?? session.seq + 1;
  for (const seq of count.hitErrors.keys()) {
    if (seq >= oldest) break;
    count.hitErrors.delete(seq);
  }
}

function countHit(counter: ErrorCounter, hit: SessionHit, body: string | undefined): number {
  return counter.countRequest({
    url: hit.url,
    method: hit.method,
    ...(body === undefined ? {} : { body }),
  });
}

/** The badge text for a number of errors: nothing for none, `999+` past three digits. */
export function badgeTextOf(errors: number): string {
  if (errors <= 0) return '';
  return errors > 999 ? '999+' : String(errors);
}
