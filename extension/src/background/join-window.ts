/**
 * How far apart (ms) the page world's and the network's sightings of one hit may be and
 * still be joined. Generous, because a batched hit can wait for `keepalive` slots and a
 * suspended service worker only hears `webRequest` when it wakes; the URL (with its `_s`
 * hit counter and `_p` page id) and the body carry the identity, the window only bounds it.
 */
export const JOIN_WINDOW_MS = 30_000;

/** How many of the newest hits a join looks back through. */
export const JOIN_LOOKBACK = 300;
