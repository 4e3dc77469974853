/**
 * The GA4 cookies as gtag writes them since May 2025: `_ga` = `GA1.1.<random>.<first seen s>`
 * (the client id is the last two fields) and `_ga_<measurement id without G->` in the GS2.1
 * format, `$`-separated one-letter fields: `s` session id, `o` session number, `g` engaged,
 * `t` last hit (s), `j` join timer, `l` user-id flag, `h` hash.
 */

export interface SessionCookie {
  sessionId: number;
  sessionCount: number;
  isEngaged: boolean;
  lastHitSeconds: number;
}

/** The `_ga_…` cookie name of a measurement id: `G-TWDEMO2025` → `_ga_TWDEMO2025`. */
export function sessionCookieName(measurementId: string): string {
  return `_ga_${measurementId.replace(/^G-/, '')}`;
}

export function formatClientCookie(clientId: string): string {
  return `GA1.1.${clientId}`;
}

/** The client id of a `_ga` value, or undefined when it is not one. */
export function readClientCookie(value: string): string | undefined {
  return /^GA\d+\.\d+\.(\d+\.\d+)$/.exec(value.trim())?.[1];
}

export function formatSessionCookie(session: SessionCookie): string {
  const fields = [
    `s${session.sessionId}`,
    `o${session.sessionCount}`,
    `g${session.isEngaged ? 1 : 0}`,
    `t${session.lastHitSeconds}`,
    'j60',
    'l0',
    'h0',
  ];
  return `GS2.1.${fields.join('$')}`;
}

/** A `_ga_…` value in the GS2 format (or the older GS1 one), or undefined when it is neither. */
export function readSessionCookie(value: string): SessionCookie | undefined {
  const text = value.trim();
  const older = /^GS1\.\d+\.(\d+)\.(\d+)\.([01])\.(\d+)/.exec(text);
  if (older) return session(older[1], older[2], older[3], older[4]);
  const newer = /^GS2\.\d+\.(.+)$/.exec(text);
  if (!newer) return undefined;
  const fields = new Map((newer[1] ?? '').split('$').map((field) => [field[0], field.slice(1)]));
  return session(fields.get('s'), fields.get('o'), fields.get('g'), fields.get('t'));
}

function session(
  id: string | undefined,
  count: string | undefined,
  engaged: string | undefined,
  lastHit: string | undefined,
): SessionCookie | undefined {
  const numbers = [id, count, lastHit].map((text) =>
    text && /^\d+$/.test(text) ? Number(text) : NaN,
  );
  const [sessionId = NaN, sessionCount = NaN, lastHitSeconds = NaN] = numbers;
  if (![sessionId, sessionCount, lastHitSeconds].every(Number.isFinite)) return undefined;
  return { sessionId, sessionCount, isEngaged: engaged === '1', lastHitSeconds };
}
