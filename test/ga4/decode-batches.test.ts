import { describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { A26, A3, A4, A4_AMPLITUDE_BODY } from './fixtures/part-a-ga4-beacons.js';

function summary(url: string, body?: string) {
  return decodeCollectHit(url, body).map((event) => ({
    name: event.name,
    lineIndex: event.lineIndex,
    params: event.params,
    engagementTimeMs: event.session.engagementTimeMs,
    referrer: event.page.referrer,
  }));
}

describe('batched POST bodies (protocol §2)', () => {
  it('gives one event per CR LF line, a line dr overriding the shared one (sample A26)', () => {
    expect(summary(A26.url, A26.body)).toEqual([
      {
        name: 'scroll',
        lineIndex: 0,
        params: { percent_scrolled: 90 },
        engagementTimeMs: 30,
        referrer: undefined,
      },
      {
        name: 'page_view',
        lineIndex: 1,
        params: {},
        engagementTimeMs: 944,
        referrer: 'https://factors-site.example/en',
      },
    ]);
  });

  it('shares the URL parameters with every line, so events of one request share _p and _s', () => {
    const events = decodeCollectHit(A26.url, A26.body);
    for (const event of events) {
      expect(event.ids).toEqual({
        measurementId: 'G-DEMO000002',
        pageLoadId: '1777284853404',
        clientId: '111111119.1700000019',
        sessionId: '1777279727',
        sessionCount: 3,
        hitSequence: 3,
      });
      expect(event.unknown.tag_exp).toMatch(/^0~115616986~/);
      expect(event.warnings).toEqual([]);
    }
    expect(events[1]?.raw).toMatchObject({
      dr: 'https%3A%2F%2Ffactors-site.example%2Fen',
      en: 'page_view',
    });
    expect(events[0]?.raw.dr).toBeUndefined();
  });

  it('drops the empty pseudo-event after a trailing CR LF, and accepts bare LF', () => {
    const expected = summary(A26.url, A26.body);
    expect(summary(A26.url, `${A26.body ?? ''}\r\n`)).toEqual(expected);
    expect(summary(A26.url, `\r\n${(A26.body ?? '').replace('\r\n', '\n')}\n\n`)).toEqual(expected);
  });

  it('also cuts a body that joins events with a space before en= (sample A3)', () => {
    expect(summary(A3.url, A3.body)).toEqual([
      { name: 'page_view', lineIndex: 0, params: {}, engagementTimeMs: undefined, referrer: '' },
      {
        name: 'scroll',
        lineIndex: 1,
        params: { percent_scrolled: 90 },
        engagementTimeMs: undefined,
        referrer: '',
      },
    ]);
    const [first] = decodeCollectHit(A3.url, A3.body);
    expect(first?.page.title).toBe('Omnibug App+Web Test');
  });

  it('keeps a body with the literal \\r\\ separator as one line (Amplitude, sample A4)', () => {
    const events = decodeCollectHit(A4.url, A4_AMPLITUDE_BODY);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      name: 'page_view',
      lineIndex: 0,
      params: { '1': 1, a: 'a' },
      userProperties: { '2': 2, b: 'b' },
      flags: { _ee: '1' },
      ids: { userId: 'user@example.com' },
    });
    expect(events[0]?.warnings.map((warning) => warning.code)).toEqual(['duplicate_key']);
  });

  it('lets a line name its event when the URL already has one, and lines without en inherit it', () => {
    const events = decodeCollectHit('v=2&tid=G-1&en=from_url', 'en=from_line\r\nepn.x=1');
    expect(events.map((event) => event.name)).toEqual(['from_line', 'from_url']);
  });

  it('does not report a line value that overrides the URL as a duplicate, but does within a line', () => {
    const [overriding] = decodeCollectHit('v=2&en=a&_et=1', 'en=b&_et=2');
    expect(overriding?.warnings).toEqual([]);
    const [repeated] = decodeCollectHit('v=2&en=a', 'en=b&en=c');
    expect(repeated?.name).toBe('c');
    expect(repeated?.warnings.map((warning) => warning.code)).toEqual(['duplicate_key']);
  });
});
