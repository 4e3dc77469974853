import { describe, expect, it } from 'vitest';
import { decodeHitOnce } from '../../extension/src/background/decode-hit-once.js';
import { decodeRequest } from '../../shared/beacons/decode-request.js';

const url =
  'https://region1.google-analytics.com/g/collect?v=2&tid=G-ONCE01&cid=1.2&en=page_view&dl=https%3A%2F%2Fshop.example%2F';

describe('decoding a hit once for the summary and the badge', () => {
  it('hands back the same decoding for the same request, equal to decodeRequest', () => {
    const first = decodeHitOnce({ url, method: 'GET' });
    expect(decodeHitOnce({ url, method: 'GET' })).toBe(first);
    expect(first).toEqual(decodeRequest({ url, method: 'GET' }));
  });

  it('decodes again when the body, the method or the body’s presence differs', () => {
    const withoutBody = decodeHitOnce({ url, method: 'POST' });
    const emptyBody = decodeHitOnce({ url, method: 'POST', body: '' });
    const batched = decodeHitOnce({ url, method: 'POST', body: 'en=scroll\nen=click' });
    expect(emptyBody).not.toBe(withoutBody);
    expect(batched).not.toBe(withoutBody);
    expect(batched.kind === 'ga4' && batched.events.map((event) => event.name)).toEqual([
      'scroll',
      'click',
    ]);
  });

  it('forgets the oldest hits past its bound, so a long session holds no more than a few', () => {
    const first = decodeHitOnce({ url: `${url}&_p=evict-0` });
    for (let index = 1; index <= 40; index += 1) decodeHitOnce({ url: `${url}&_p=evict-${index}` });
    expect(decodeHitOnce({ url: `${url}&_p=evict-0` })).not.toBe(first);
    expect(decodeHitOnce({ url: `${url}&_p=evict-40` })).toBe(
      decodeHitOnce({ url: `${url}&_p=evict-40` }),
    );
  });
});
