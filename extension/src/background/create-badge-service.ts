import type { TrackingPlan } from '../../../shared/plan/plan-types.js';
import type { SessionHit, TabSession } from '../common/session-types.js';
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
  /** The tab's session changed: count its new records soon. */
  touch(tabId: number): void;
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
}

/**
 * Keeps the toolbar badge of each tab at the number of error-severity violations in its
 * session, judged by the site's plan. Counting is incremental: each push and hit is judged
 * once, as it arrives, and the whole session only after a worker restart, a clear or a
 * change of plan.
 */
export function createBadgeService(options: BadgeServiceOptions): BadgeService {
  const delay = options.delayMs ?? 150;
  const counts = new Map<number, TabCount>();
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
    }
    await options.showErrors(tabId, addNewRecords(count, session));
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

  return {
    touch(tabId) {
      if (!timers.has(tabId))
        timers.set(
          tabId,
          setTimeout(() => run(tabId), delay),
        );
    },
    replan() {
      plans.clear();
      const tabIds = [...counts.keys()];
      counts.clear();
      for (const tabId of tabIds) this.touch(tabId);
    },
    forget(tabId) {
      counts.delete(tabId);
      clearTimeout(timers.get(tabId));
      timers.delete(tabId);
    },
  };
}

function newCount(createdAt: number, origin: string, counter: ErrorCounter): TabCount {
  return { createdAt, origin, counter, lastPushSeq: 0, pushErrors: 0, hitErrors: new Map() };
}

/** Counts the pushes and hits not counted yet (and hits whose body arrived since); the total. */
function addNewRecords(count: TabCount, session: TabSession): number {
  for (const push of session.pushes) {
    if (push.seq <= count.lastPushSeq) continue;
    count.pushErrors += count.counter.countPush(push);
    count.lastPushSeq = push.seq;
  }
  for (const hit of session.hits) {
    const body = hit.page?.body ?? hit.network?.body;
    const key = `${hit.url}\u0000${body?.length ?? -1}`;
    if (count.hitErrors.get(hit.seq)?.key === key) continue;
    count.hitErrors.set(hit.seq, { key, errors: countHit(count.counter, hit, body) });
  }
  let total = count.pushErrors;
  for (const { errors } of count.hitErrors.values()) total += errors;
  return total;
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
