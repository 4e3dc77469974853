import type { TabSession } from '../../common/session-types.js';
import { hitBody, hitPageUrl, orderSessionEntries } from '../model/session-records.js';

/** Marks the first line's `session` field as a tagwarden session header. */
export const SESSION_FORMAT = 'tagwarden-session';
export const SESSION_FORMAT_VERSION = 1;

/**
 * The session as tagwarden's NDJSON capture, which `tagwarden check` reads as it is: one line
 * per push (`"type": "push"`) and per hit (`"type": "request"`, with its body and page), in
 * the session's order, each also keeping every field of the session's record. The first line
 * carries the rest of the session (navigations, frames, notices) under `session`, which the
 * CLI ignores and the panel reads back, so the file re-loads as the same session.
 */
export function sessionToNdjson(session: TabSession): string {
  const entries = orderSessionEntries(session);
  const lines = entries.map((entry) => {
    if (entry.kind === 'push') return { type: 'push', ...entry.push };
    const body = hitBody(entry.hit);
    const pageUrl = hitPageUrl(entry.hit, session);
    return {
      type: 'request',
      ...entry.hit,
      ...(body === undefined ? {} : { body }),
      ...(pageUrl === undefined ? {} : { pageUrl }),
    };
  });
  const [first] = lines;
  if (first !== undefined) Object.assign(first, { session: headerOf(session) });
  return lines.map((line) => JSON.stringify(line)).join('\n') + (lines.length > 0 ? '\n' : '');
}

function headerOf(session: TabSession) {
  return {
    format: SESSION_FORMAT,
    version: SESSION_FORMAT_VERSION,
    tabId: session.tabId,
    createdAt: session.createdAt,
    navigations: session.navigations,
    frames: session.frames,
    notices: session.notices,
    dropped: session.dropped,
  };
}
