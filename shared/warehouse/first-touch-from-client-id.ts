import { rememberLast } from '../text/remember-last.js';

/** Seconds between 2005 and 2100: what a `_ga` cookie's first-seen part can hold. */
const EARLIEST_SECONDS = 1_104_537_600;
const LATEST_SECONDS = 4_102_444_800;

/**
 * `user_first_touch_timestamp` in microseconds, read from a gtag client ID
 * (`<random>.<first-seen seconds>`, the tail of the `_ga` cookie, protocol notes §3.2). Null for
 * client IDs of any other shape, and for first-seen times no cookie could hold.
 */
export const firstTouchFromClientId = rememberLast(readFirstTouch);

function readFirstTouch(clientId: string | undefined | null): number | null {
  if (clientId === undefined || clientId === null) {
    return null;
  }
  const match = /^\d+\.(\d{9,10})$/.exec(clientId);
  const seconds = match?.[1] === undefined ? NaN : Number(match[1]);
  if (!(seconds >= EARLIEST_SECONDS && seconds <= LATEST_SECONDS)) {
    return null;
  }
  return seconds * 1_000_000;
}
