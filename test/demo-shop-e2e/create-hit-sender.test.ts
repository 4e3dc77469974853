import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HitEvent, SharedHitFields } from '../demo-shop/page/gtag/collect-hit-types.js';
import { consentFields } from '../demo-shop/page/gtag/consent-fields.js';
import { createHitSender } from '../demo-shop/page/gtag/create-hit-sender.js';

const shared: SharedHitFields = {
  measurementId: 'G-TWDEMO2025',
  gtmBuild: '45je5ca1v9210004242za200',
  pageLoadId: 1796409481488,
  consent: consentFields({}),
  clientId: '1.2',
  language: 'en-us',
  screenResolution: '800x600',
  sessionId: 1796409481,
  sessionCount: 1,
  isSessionEngaged: false,
  page: { location: 'http://127.0.0.1/', referrer: '', title: 'Shop' },
};
const event = (name: string): HitEvent => ({ name, params: {}, items: [], flags: {} });

describe('createHitSender', () => {
  let sent: Array<{ url: string; body: string }>;
  let sender: ReturnType<typeof createHitSender>;

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    sender = createHitSender({
      endpoint: 'http://127.0.0.1/g/collect',
      batchDelayMs: 300,
      msSinceNavigation: () => 100,
      send: (url, body) => void sent.push({ url, body }),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('sends events fired within the delay as one batched request', () => {
    sender.enqueue(shared, event('page_view'));
    sender.enqueue(shared, event('view_item_list'));
    expect(sent).toEqual([]);

    vi.advanceTimersByTime(300);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toBe('en=page_view\r\nen=view_item_list');
  });

  it('sends the waiting batch first when an event comes under other shared values', () => {
    sender.enqueue(shared, event('page_view'));
    sender.enqueue(
      {
        ...shared,
        consent: consentFields({
          analytics_storage: { default: 'denied', update: 'granted', effective: 'granted' },
        }),
      },
      event('select_item'),
    );
    vi.advanceTimersByTime(300);

    expect(sent.map((request) => /[?&]en=(\w+)/.exec(request.url)?.[1])).toEqual([
      'page_view',
      'select_item',
    ]);
    expect(sent.map((request) => /[?&]_s=(\d+)/.exec(request.url)?.[1])).toEqual(['1', '2']);
  });

  it('sends at once on flush (the page is being left) and not again when the timer fires', () => {
    sender.enqueue(shared, event('purchase'));
    sender.flush();
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(1);
    sender.flush();
    expect(sent).toHaveLength(1);
  });
});
