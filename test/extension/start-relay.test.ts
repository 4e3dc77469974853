import { describe, expect, it } from 'vitest';
import type { CaptureMessage } from '../../extension/src/common/background-api.js';
import { MAX_BATCH_TEXT } from '../../extension/src/common/read-page-batch.js';
import { startRelay } from '../../extension/src/relay/start-relay.js';

const secret = '0123456789abcdef0123456789abcdef';
const recordsEvent = (key: string, detail: unknown) =>
  new CustomEvent(`tagwarden:${key}:records`, { detail, cancelable: true });

/** A relay on a bare event target, as the isolated world sees the page's window. */
function relayOnWindow() {
  const scope = new EventTarget();
  const sent: CaptureMessage[] = [];
  startRelay(scope as unknown as Window, { send: (message) => void sent.push(message as never) });
  return { scope, sent };
}

describe('the relay between the page hook and the background', () => {
  it('takes the first secret, and forwards each batch’s text unread, so the page’s thread parses nothing', () => {
    const { scope, sent } = relayOnWindow();
    const hello = new CustomEvent('tagwarden:hello', { detail: secret, cancelable: true });
    expect(scope.dispatchEvent(hello)).toBe(false);

    const text = '{"records":[{"kind":"notice","seq":1}]}';
    expect(scope.dispatchEvent(recordsEvent(secret, text))).toBe(false);
    expect(scope.dispatchEvent(recordsEvent(secret, 'not JSON, the background judges'))).toBe(
      false,
    );
    expect(sent).toEqual([
      { type: 'page-batch', text },
      { type: 'page-batch', text: 'not JSON, the background judges' },
    ]);
  });

  it.each([
    ['an object', { records: [] }],
    ['a number', 42],
    ['text past the batch limit', 'x'.repeat(MAX_BATCH_TEXT + 1)],
  ])(
    'counts %s in a keyed event as one rejected entry instead of forwarding it',
    (_name, detail) => {
      const { scope, sent } = relayOnWindow();
      scope.dispatchEvent(new CustomEvent('tagwarden:hello', { detail: secret, cancelable: true }));
      scope.dispatchEvent(recordsEvent(secret, detail));
      expect(sent).toEqual([{ type: 'page-records', records: [], rejected: 1 }]);
    },
  );

  it('ignores batches under any other name, and a second secret', () => {
    const { scope, sent } = relayOnWindow();
    scope.dispatchEvent(new CustomEvent('tagwarden:hello', { detail: secret, cancelable: true }));
    const other = 'f'.repeat(32);
    const rekey = new CustomEvent('tagwarden:hello', { detail: other, cancelable: true });
    expect(scope.dispatchEvent(rekey)).toBe(true);
    scope.dispatchEvent(recordsEvent(other, '{"records":[]}'));
    scope.dispatchEvent(new CustomEvent('tagwarden:records', { detail: '{"records":[]}' }));
    expect(sent).toEqual([]);
  });
});
