import type { CapturedRecord } from '../../../../shared/capture/captured-input.js';
import type { SessionHit, SessionPush, TabSession } from '../../common/session-types.js';

/** A push or a hit of a session, in the session's order. */
export type SessionEntry = { kind: 'push'; push: SessionPush } | { kind: 'hit'; hit: SessionHit };

/**
 * The session's pushes and hits in one list, by sequence number: the order the background
 * received them in, which is the order the export writes and `tagwarden check` reads.
 */
export function orderSessionEntries(session: TabSession): SessionEntry[] {
  const entries: SessionEntry[] = [
    ...session.pushes.map((push) => ({ kind: 'push' as const, push })),
    ...session.hits.map((hit) => ({ kind: 'hit' as const, hit })),
  ];
  return entries.sort((left, right) => seqOf(left) - seqOf(right));
}

function seqOf(entry: SessionEntry): number {
  return entry.kind === 'push' ? entry.push.seq : entry.hit.seq;
}

/** The body as the page handed it over, else as the network saw it. */
export function hitBody(hit: SessionHit): string | undefined {
  return hit.page?.body ?? hit.network?.body;
}

/** The page a hit was sent from: the page world's URL, else its navigation's URL. */
export function hitPageUrl(hit: SessionHit, session: TabSession): string | undefined {
  if (hit.page?.pageUrl) return hit.page.pageUrl;
  return session.navigations.find((navigation) => navigation.id === hit.navigationId)?.url;
}

/**
 * The session as the core's capture records, line `n` for the `n`th entry, exactly as
 * `tagwarden check` reads the session's NDJSON export: the panel and the CLI then replay,
 * decode and judge the same records.
 */
export function sessionToRecords(
  session: TabSession,
  entries: SessionEntry[],
  file: string,
): CapturedRecord[] {
  return entries.map((entry, index) => {
    const source = { file, line: index + 1 };
    if (entry.kind === 'push') {
      const { push } = entry;
      return {
        kind: 'push',
        push: push.push,
        ...(push.dataLayerName ? { dataLayerName: push.dataLayerName } : {}),
        ...(push.pageUrl ? { pageUrl: push.pageUrl } : {}),
        time: push.time,
        source,
      };
    }
    const { hit } = entry;
    const body = hitBody(hit);
    const pageUrl = hitPageUrl(hit, session);
    return {
      kind: 'request',
      url: hit.url,
      ...(hit.method ? { method: hit.method } : {}),
      ...(body ? { body } : {}),
      ...(pageUrl ? { pageUrl } : {}),
      time: hit.time,
      source,
    };
  });
}
