import type { ApiDefinition } from '../contract.js';
import { gtmString } from './gtm-conversions.js';
import { webWorldOf } from './world-of.js';

interface AnalyticsSession {
  measurement_id: string;
  session_id: string;
  session_number: number;
}

/**
 * `readAnalyticsStorage(cookieOptions?)` → `{client_id, sessions: [{measurement_id,
 * session_id, session_number}]}` from the GA4 cookies, or undefined without a `_ga` cookie.
 * `_ga` reads `GA1.<domain depth>.<random>.<first seen>` (client id: the last two fields);
 * `_ga_<id>` (measurement id `G-<id>`) reads both the older `GS1.1.<session>.<number>.…` and
 * the `GS2.1.s<session>$o<number>$g…$t…` format. `cookie_prefix` is read; cookie_domain and
 * cookie_path only choose between cookies a real browser would both send, which a cookie jar
 * of names and values cannot tell apart, so the first cookie wins. The permission check asks
 * get_cookies for the `_ga` cookie.
 */
export const readAnalyticsStorageApi: ApiDefinition = {
  name: 'readAnalyticsStorage',
  contexts: ['web'],
  create: (environment) => (cookieOptions) => {
    const prefix = readPrefix(cookieOptions);
    const clientCookieName = `${prefix}_ga`;
    environment.permissions.assert('readAnalyticsStorage', 'get_cookies', clientCookieName);
    const cookies = webWorldOf(environment).cookies;
    const clientCookie = cookies.find((cookie) => cookie.name === clientCookieName);
    const clientId = clientCookie === undefined ? undefined : readClientId(clientCookie.value);
    if (clientId === undefined) return undefined;
    const sessionPrefix = `${clientCookieName}_`;
    const sessions = cookies
      .filter(
        (cookie) =>
          cookie.name.startsWith(sessionPrefix) && cookie.name.length > sessionPrefix.length,
      )
      .map((cookie) => readSession(`G-${cookie.name.slice(sessionPrefix.length)}`, cookie.value))
      .filter((session): session is AnalyticsSession => session !== undefined);
    return { client_id: clientId, sessions };
  },
};

function readPrefix(options: unknown): string {
  if (options === null || typeof options !== 'object' || !Object.hasOwn(options, 'cookie_prefix'))
    return '';
  const prefix = (options as Record<string, unknown>).cookie_prefix;
  return prefix === undefined || prefix === null ? '' : gtmString(prefix);
}

/** `GA1.1.1234567890.1700000000` → `1234567890.1700000000`. */
export function readClientId(value: string): string | undefined {
  const match = /^GA\d+\.\d+\.(\d+\.\d+)$/.exec(decodeSafely(value).trim());
  return match?.[1];
}

/** A `_ga_<id>` cookie value in the GS1 or GS2 format → the session it holds. */
export function readSession(measurementId: string, value: string): AnalyticsSession | undefined {
  const text = decodeSafely(value).trim();
  const older = /^GS1\.\d+\.(\d+)\.(\d+)(?:\.|$)/.exec(text);
  if (older !== null)
    return {
      measurement_id: measurementId,
      session_id: older[1] ?? '',
      session_number: Number(older[2]),
    };
  const newer = /^GS2\.\d+\.(.+)$/.exec(text);
  if (newer === null) return undefined;
  const fields = new Map(
    (newer[1] ?? '').split('$').map((field) => [field.slice(0, 1), field.slice(1)]),
  );
  const sessionId = fields.get('s');
  const sessionNumber = Number(fields.get('o'));
  if (sessionId === undefined || !/^\d+$/.test(sessionId) || !Number.isInteger(sessionNumber))
    return undefined;
  return { measurement_id: measurementId, session_id: sessionId, session_number: sessionNumber };
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
