import { describe, expect, it } from 'vitest';
import {
  readClientId,
  readSession,
} from '../../gtm-template/sandbox/apis/read-analytics-storage.js';
import {
  formatClientCookie,
  formatSessionCookie,
  readClientCookie,
  readSessionCookie,
  sessionCookieName,
} from '../demo-shop/page/gtag/analytics-cookies.js';
import {
  createSessionTracker,
  type CookieAccess,
} from '../demo-shop/page/gtag/create-session-tracker.js';

const session = {
  sessionId: 1796409481,
  sessionCount: 3,
  isEngaged: true,
  lastHitSeconds: 1796409600,
};

describe('the GA4 cookies', () => {
  it('writes the session cookie in the 2025 GS2.1 format under _ga_<id>', () => {
    expect(sessionCookieName('G-TWDEMO2025')).toBe('_ga_TWDEMO2025');
    expect(formatSessionCookie(session)).toBe('GS2.1.s1796409481$o3$g1$t1796409600$j60$l0$h0');
    expect(formatClientCookie('382419367.1796409481')).toBe('GA1.1.382419367.1796409481');
  });

  it('reads back what it writes, and the template runtime reads it the same way', () => {
    const value = formatSessionCookie(session);
    expect(readSessionCookie(value)).toEqual(session);
    expect(readSession('G-TWDEMO2025', value)).toEqual({
      measurement_id: 'G-TWDEMO2025',
      session_id: '1796409481',
      session_number: 3,
    });
    expect(readClientId(formatClientCookie('382419367.1796409481'))).toBe('382419367.1796409481');
  });

  it.each([
    [
      'the older GS1 format',
      'GS1.1.1746825440.14.0.1746825440.0.0.0',
      { sessionId: 1746825440, sessionCount: 14, isEngaged: false, lastHitSeconds: 1746825440 },
    ],
    [
      'GS2 fields in another order',
      'GS2.1.o2$s1746825136$t1746825140$g1',
      { sessionId: 1746825136, sessionCount: 2, isEngaged: true, lastHitSeconds: 1746825140 },
    ],
  ])('reads %s', (_name, value, expected) => {
    expect(readSessionCookie(value)).toEqual(expected);
  });

  it.each(['', 'GS2.1.', 'GS2.1.s$o1$t1', 'GS2.1.sabc$o1$t1', 'GA1.1.123.456', 'GS3'])(
    'refuses the look-alike session value %j',
    (value) => expect(readSessionCookie(value)).toBeUndefined(),
  );

  it.each(['GA1.1.abc.456', 'GS2.1.s1$o1', '382419367.1796409481', 'GA1.1.123'])(
    'refuses the look-alike client value %j',
    (value) => expect(readClientCookie(value)).toBeUndefined(),
  );
});

describe('createSessionTracker', () => {
  function jar(initial: Record<string, string> = {}) {
    const cookies = new Map(Object.entries(initial));
    const access: CookieAccess = {
      read: (name) => cookies.get(name),
      write: (name, value) => void cookies.set(name, value),
    };
    return { cookies, access };
  }
  const start = 1_796_409_481_000;
  const tracker = (cookies: CookieAccess, now = start) =>
    createSessionTracker({
      measurementId: 'G-TWDEMO2025',
      cookies,
      now: () => now,
      random: () => 0.5,
    });

  it('writes nothing while analytics storage is denied and flags the page as a new visit once', () => {
    const { cookies, access } = jar();
    const page = tracker(access);
    const first = page.identify({ isPageView: true, isKeyEvent: false }, false);
    const second = page.identify({ isPageView: false, isKeyEvent: false }, false);

    expect(cookies.size).toBe(0);
    expect(first.flags).toEqual({ isFirstVisit: true, isNewSessionId: true, isSessionStart: true });
    expect(second.flags).toEqual({});
    expect(second.clientId).toBe(first.clientId);
    expect(first.sessionId).toBe(1796409481);
  });

  it('keeps the ids of the page when consent is granted later, and writes them to the cookies', () => {
    const { cookies, access } = jar();
    const page = tracker(access);
    const before = page.identify({ isPageView: true, isKeyEvent: false }, false);
    const after = page.identify({ isPageView: false, isKeyEvent: false }, true);

    expect(after).toMatchObject({
      clientId: before.clientId,
      sessionId: before.sessionId,
      flags: {},
    });
    expect(cookies.get('_ga')).toBe(`GA1.1.${before.clientId}`);
    expect(cookies.get('_ga_TWDEMO2025')).toBe('GS2.1.s1796409481$o1$g0$t1796409481$j60$l0$h0');
  });

  it('continues a session from its cookie and calls it engaged from the second page view', () => {
    const { access } = jar({
      _ga: 'GA1.1.111.1700000000',
      _ga_TWDEMO2025: 'GS2.1.s1796409000$o4$g0$t1796409400$j60$l0$h0',
    });
    const identity = tracker(access).identify({ isPageView: true, isKeyEvent: false }, true);
    expect(identity).toEqual({
      clientId: '111.1700000000',
      sessionId: 1796409000,
      sessionCount: 4,
      isSessionEngaged: true,
      flags: {},
    });
  });

  it('starts session number five after thirty idle minutes', () => {
    const { access } = jar({
      _ga: 'GA1.1.111.1700000000',
      _ga_TWDEMO2025: 'GS2.1.s1796400000$o4$g1$t1796400100$j60$l0$h0',
    });
    const identity = tracker(access).identify({ isPageView: true, isKeyEvent: false }, true);
    expect(identity).toEqual({
      clientId: '111.1700000000',
      sessionId: 1796409481,
      sessionCount: 5,
      isSessionEngaged: false,
      flags: { isNewSessionId: true, isSessionStart: true },
    });
  });

  it('calls a session engaged at its first key event', () => {
    const { access } = jar();
    const page = tracker(access);
    expect(page.identify({ isPageView: true, isKeyEvent: false }, true).isSessionEngaged).toBe(
      false,
    );
    expect(page.identify({ isPageView: false, isKeyEvent: true }, true).isSessionEngaged).toBe(
      true,
    );
  });
});
