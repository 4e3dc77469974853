/**
 * Event types of the page ↔ relay channel. Only the handshake types are fixed; the data and
 * config events are named after the per-document secret, so a page can neither listen to nor
 * forge them without it (threat model in `extension/README.md`).
 */
export const HELLO_EVENT = 'tagwarden:hello';
export const RELAY_READY_EVENT = 'tagwarden:relay-ready';

export function dataEventType(secret: string): string {
  return `tagwarden:${secret}:records`;
}

export function configEventType(secret: string): string {
  return `tagwarden:${secret}:config`;
}

/** A secret is 32 lower-case hex digits; anything else in a hello event is not the hook's. */
export function isChannelSecret(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
}
