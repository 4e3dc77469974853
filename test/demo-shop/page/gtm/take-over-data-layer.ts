/**
 * Takes over a dataLayer the way GTM does: `push` is replaced by one that still appends to the
 * array (through whatever `push` was there before) and then hands each message to `process`.
 * The messages already queued are processed first, in order (protocol notes §11.1).
 */
export function takeOverDataLayer(layer: unknown[], process: (message: unknown) => void): void {
  const queued = [...layer];
  const previousPush = layer.push;
  layer.push = function pushAndProcess(...messages: unknown[]): number {
    const length = previousPush.apply(layer, messages);
    for (const message of messages) process(message);
    return length;
  };
  for (const message of queued) process(message);
}
