import {
  formatClientCookie,
  formatSessionCookie,
  readClientCookie,
  readSessionCookie,
  sessionCookieName,
  type SessionCookie,
} from './analytics-cookies.js';
import type { HitEventFlags } from './collect-hit-types.js';

/** The page's cookie jar, as far as gtag needs it. */
export interface CookieAccess {
  read(name: string): string | undefined;
  write(name: string, value: string, maxAgeSeconds: number): void;
}

export interface SessionTrackerOptions {
  measurementId: string;
  cookies: CookieAccess;
  now: () => number;
  random: () => number;
}

/** The identity and session values of one event, with the flags to send on it. */
export interface EventIdentity {
  clientId: string;
  sessionId: number;
  sessionCount: number;
  isSessionEngaged: boolean;
  flags: HitEventFlags;
}

export interface SessionTracker {
  /** Call once per event, with whether analytics_storage is granted at that moment. */
  identify(
    event: { isPageView: boolean; isKeyEvent: boolean },
    isStorageGranted: boolean,
  ): EventIdentity;
}

const SESSION_TIMEOUT_SECONDS = 30 * 60;
const TWO_YEARS_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * gtag's client and session bookkeeping for one page load. Without analytics_storage consent
 * nothing is read or written: the page gets a throw-away client id and a session of its own,
 * flagged as new (a cookieless ping). Once consent is granted the same ids are written to the
 * `_ga` and `_ga_…` cookies, so the next page continues the session.
 */
export function createSessionTracker(options: SessionTrackerOptions): SessionTracker {
  const seconds = () => Math.floor(options.now() / 1000);
  const state: PageState = {
    clientId: `${Math.floor(options.random() * 2_147_483_647)}.${seconds()}`,
    session: { sessionId: seconds(), sessionCount: 1, isEngaged: false, lastHitSeconds: seconds() },
    isStarted: false,
    pendingFlags: {},
    hasEarlierPage: false,
  };

  return {
    identify(event, isStorageGranted) {
      if (!state.isStarted) startPage(state, options, isStorageGranted, seconds());
      // GA4 calls a session engaged from its second page view or a key event.
      if ((event.isPageView && state.hasEarlierPage) || event.isKeyEvent)
        state.session.isEngaged = true;
      state.session.lastHitSeconds = seconds();
      if (isStorageGranted) writeCookies(options, state.clientId, state.session);

      const flags = state.pendingFlags;
      state.pendingFlags = {};
      const { sessionId, sessionCount, isEngaged } = state.session;
      return {
        clientId: state.clientId,
        sessionId,
        sessionCount,
        isSessionEngaged: isEngaged,
        flags,
      };
    },
  };
}

interface PageState {
  clientId: string;
  session: SessionCookie;
  isStarted: boolean;
  /** Flags for the next event: a first visit or a new session shows on one event only. */
  pendingFlags: HitEventFlags;
  /** The session began on an earlier page, so this page's view makes it engaged. */
  hasEarlierPage: boolean;
}

// At the page's first event: continue the stored client and session when consent allows
// reading them and the session is less than thirty minutes idle, else start afresh.
function startPage(
  state: PageState,
  { cookies, measurementId }: SessionTrackerOptions,
  isStorageGranted: boolean,
  nowSeconds: number,
): void {
  state.isStarted = true;
  const storedClient = isStorageGranted ? readClientCookie(cookies.read('_ga') ?? '') : undefined;
  const storedSession = isStorageGranted
    ? readSessionCookie(cookies.read(sessionCookieName(measurementId)) ?? '')
    : undefined;

  if (storedClient) state.clientId = storedClient;
  else state.pendingFlags.isFirstVisit = true;

  if (storedSession && nowSeconds - storedSession.lastHitSeconds < SESSION_TIMEOUT_SECONDS) {
    state.session = storedSession;
    state.hasEarlierPage = true;
    return;
  }
  state.session.sessionCount = (storedSession?.sessionCount ?? 0) + 1;
  state.pendingFlags.isNewSessionId = true;
  state.pendingFlags.isSessionStart = true;
}

function writeCookies(
  { cookies, measurementId }: SessionTrackerOptions,
  clientId: string,
  session: SessionCookie,
): void {
  cookies.write('_ga', formatClientCookie(clientId), TWO_YEARS_SECONDS);
  cookies.write(sessionCookieName(measurementId), formatSessionCookie(session), TWO_YEARS_SECONDS);
}
