import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCollectHit } from '../../shared/ga4/decode-collect-hit.js';
import { decodeFullVersionList } from '../../shared/ga4/decode-full-version-list.js';
import { percentDecode } from '../../shared/text/percent-decode.js';
import { A8 } from './fixtures/part-a-ga4-beacons.js';

/** Each `|` entry on its own: the brand before its last `;` decoded, the version kept. */
function decodeEntryByEntry(list: string): { value: string; isMalformed: boolean } {
  let isMalformed = false;
  const entries = list.split('|').map((entry) => {
    const brandEnd = entry.includes(';') ? entry.lastIndexOf(';') : entry.length;
    const brand = percentDecode(entry.slice(0, brandEnd));
    isMalformed ||= brand.isMalformed;
    return brand.value + entry.slice(brandEnd);
  });
  return { value: entries.join('|'), isMalformed };
}

function decodeOne(query: string) {
  const [event] = decodeCollectHit(`https://www.google-analytics.com/g/collect?v=2&en=e&${query}`);
  if (event === undefined) {
    throw new Error('no event');
  }
  return { ...event, warningCodes: event.warnings.map((warning) => warning.code) };
}

describe('typed event parameters and user properties (protocol §3.4)', () => {
  it('types values by prefix: ep. text, epn. number, whatever the text looks like', () => {
    const event = decodeOne('ep.value=7630&epn.tax=1.11&up.plan=pro&upn.visits=3');
    expect(event.params).toEqual({ value: '7630', tax: 1.11 });
    expect(event.userProperties).toEqual({ plan: 'pro', visits: 3 });
  });

  it('splits the prefix at the first dot only (enhanced-conversion user data)', () => {
    const event = decodeOne('ep.user_data.address.0.first_name=Ana&ep.user_data.email=a%40b.c');
    expect(event.params).toEqual({
      'user_data.address.0.first_name': 'Ana',
      'user_data.email': 'a@b.c',
    });
  });

  it.each([['NaN'], ['12abc'], [''], ['Infinity']])(
    'keeps epn.x=%s as text with a warning, never as NaN',
    (value) => {
      const event = decodeOne(`epn.x=${value}&upn.y=${value}`);
      expect(event.params).toEqual({ x: value });
      expect(event.userProperties).toEqual({ y: value });
      expect(event.warningCodes).toEqual(['not_a_number', 'not_a_number']);
    },
  );

  it.each([2, 8, 9, 20])(
    'reports a parameter sent under two prefixes after %i other parameters',
    (count) => {
      const others = Array.from({ length: count }, (_, index) => `ep.p${index}=${index}`);
      const event = decodeOne(`ep.value=1&${others.join('&')}&epn.value=2&ep.p0=again`);
      expect(event.params.value).toBe(2);
      expect(event.warningCodes).toEqual(['parameter_conflict', 'duplicate_key']);
    },
  );

  it.each([2, 8, 9, 20])('reports a key sent twice after %i other unlisted keys', (count) => {
    const others = Array.from({ length: count }, (_, index) => `x${index}=${index}`);
    const event = decodeOne(`x0=first&${others.slice(1).join('&')}&ep.a=1&x0=last&ep.a=2`);
    expect(event.unknown.x0).toBe('last');
    expect(event.warningCodes).toEqual(['duplicate_key', 'duplicate_key']);
  });

  it('reports a parameter sent under two prefixes, the later one winning', () => {
    const event = decodeOne('ep.value=1&epn.value=2&cu=USD&ep.currency=EUR');
    expect(event.params).toEqual({ value: 2, currency: 'EUR' });
    expect(event.warningCodes).toEqual(['parameter_conflict', 'parameter_conflict']);
  });

  // The wire key that last set a parameter is what a conflict names; a batch's URL values
  // come first, and each body line starts from its own copy of them.
  it.each([
    {
      sent: 'ep.value in the URL, epn.value in the line',
      query: 'ep.value=1',
      body: 'en=a&epn.value=2',
      warnings: [['value arrived as both ep.value and epn.value; epn.value won', 'epn.value']],
    },
    {
      sent: 'ep.value in the URL and again in the line',
      query: 'ep.value=1',
      body: 'en=a&ep.value=2',
      warnings: [],
    },
    {
      sent: 'ep.a, epn.a and ep.a again in one query',
      query: 'en=a&ep.a=1&epn.a=2&ep.a=3',
      body: undefined,
      warnings: [
        ['a arrived as both ep.a and epn.a; epn.a won', 'epn.a'],
        ['ep.a is sent twice in one query or line; the last value won', 'ep.a'],
        ['a arrived as both epn.a and ep.a; ep.a won', 'ep.a'],
      ],
    },
    {
      sent: 'cu in the URL, ep.currency in the first of two lines',
      query: 'cu=USD',
      body: 'en=a&ep.currency=EUR\r\nen=b&epn.value=3',
      warnings: [['currency arrived as both cu and ep.currency; ep.currency won', 'ep.currency']],
    },
    {
      sent: 'up.plan in the URL, upn.plan in the first of two lines',
      query: 'en=a&up.plan=pro',
      body: 'upn.plan=2\r\nup.plan=gold',
      warnings: [['plan arrived as both up.plan and upn.plan; upn.plan won', 'upn.plan']],
    },
    {
      sent: 'ep.__proto__ and epn.__proto__',
      query: 'en=a&ep.__proto__=x&epn.__proto__=1',
      body: undefined,
      warnings: [
        [
          '__proto__ arrived as both ep.__proto__ and epn.__proto__; epn.__proto__ won',
          'epn.__proto__',
        ],
      ],
    },
  ])('names the earlier wire key in a conflict: $sent', ({ query, body, warnings }) => {
    const url = `https://www.google-analytics.com/g/collect?v=2&${query}`;
    const [first, second] = decodeCollectHit(url, body);

    const found = first?.warnings.map((warning) => [warning.message, warning.key]);
    expect(found).toEqual(warnings);
    expect(second?.warnings ?? []).toEqual([]);
  });

  it('puts the lifted short keys back under their GA4 names', () => {
    const event = decodeOne('cu=EUR&pi=P_1&pn=Summer&lo=ChIJ');
    expect(event.params).toEqual({
      currency: 'EUR',
      promotion_id: 'P_1',
      promotion_name: 'Summer',
      location_id: 'ChIJ',
    });
  });

  it('keeps a prefix with no name in unknown, with a warning', () => {
    const event = decodeOne('ep.=x&epn.=1');
    expect(event.params).toEqual({});
    expect(event.unknown).toMatchObject({ 'ep.': 'x', 'epn.': '1' });
    expect(event.warningCodes).toEqual(['empty_parameter_name', 'empty_parameter_name']);
  });
});

describe('request fields', () => {
  it('reads _et=NaN as no engagement time, with a warning, keeping the raw text (sample A8)', () => {
    const [event] = decodeCollectHit(A8.url);
    expect(event?.session).toEqual({ engaged: false });
    expect(event?.raw._et).toBe('NaN');
    expect(event?.warnings).toEqual([
      { code: 'not_a_number', message: '_et is not a number', key: '_et' },
    ]);
  });

  it('treats an empty uid as not set, and a later empty uid as unsetting it', () => {
    expect(decodeOne('uid=').ids.userId).toBeUndefined();
    expect(decodeCollectHit('v=2&uid=u1', 'en=a&uid=')[0]?.ids.userId).toBeUndefined();
    expect(decodeOne('uid=u%401').ids.userId).toBe('u@1');
  });

  it('reads session flags as booleans and reports unexpected values', () => {
    const event = decodeOne('seg=1&_fv=2&_ss&_nsi=0&_c=1');
    expect(event.session).toEqual({
      engaged: true,
      firstVisit: true,
      sessionStart: true,
      newSessionId: false,
    });
    expect(decodeOne('seg=yes').warningCodes).toEqual(['unexpected_flag_value']);
  });

  it('reports non-numeric counters instead of storing NaN', () => {
    const event = decodeOne('_s=x&sct=&sid=abc');
    expect(event.ids).toEqual({ sessionId: 'abc' });
    expect(event.warningCodes).toEqual(['not_a_number', 'not_a_number']);
  });

  it('maps campaign overrides by name, separate from item creative fields', () => {
    const event = decodeOne(
      'cs=google&cm=cpc&cn=spring&cc=banner&ck=shoes&ci=42&ccf=video&cmt=remarketing',
    );
    expect(event.campaign).toEqual({
      source: 'google',
      medium: 'cpc',
      name: 'spring',
      content: 'banner',
      term: 'shoes',
      id: '42',
      creativeFormat: 'video',
      marketingTactic: 'remarketing',
    });
  });

  it('keeps a bare flag as present with an empty value', () => {
    const event = decodeOne('richsstsse&_dbg=1&mystery');
    expect(event.flags).toEqual({ richsstsse: '', _dbg: '1' });
    expect(event.unknown).toMatchObject({ mystery: '' });
  });

  it('decodes what it can of a malformed escape and says which key held it', () => {
    const event = decodeOne('dt=%E6%B0%B4%FF%20ok&dl=%E2%8&ep.x=100%');
    expect(event.page).toEqual({ title: '水%FF ok', location: '%E2%8' });
    expect(event.params).toEqual({ x: '100%' });
    expect(event.warnings.map((warning) => [warning.code, warning.key])).toEqual([
      ['malformed_escape', 'dt'],
      ['malformed_escape', 'dl'],
      ['malformed_escape', 'ep.x'],
    ]);
  });

  it('decodes double-encoded uafvl brands twice and everything else once', () => {
    const event = decodeOne(
      'uafvl=Not%253DA%253FBrand%3B99.0.0.0%7CGoogle%2520Chrome%3B1&dl=a%2520b',
    );
    expect(event.clientHints.fullVersionList).toBe('Not=A?Brand;99.0.0.0|Google Chrome;1');
    expect(event.page.location).toBe('a%20b');
  });

  it.each([
    [
      'escapes in brands only',
      'Not%3DA%3FBrand;99.0|Google%20Chrome;1',
      'Not=A?Brand;99.0|Google Chrome;1',
    ],
    [
      'an escape in a version, kept',
      'Google%20Chrome;1%2E0|Not%2FA;2',
      'Google Chrome;1%2E0|Not/A;2',
    ],
    ['an entry without a version', 'Google%20Chrome|Not%2FA;2', 'Google Chrome|Not/A;2'],
    ['a semicolon inside a brand', 'A%3Bb;c%20d;1', 'A;b;c d;1'],
    ['a multi-byte brand', 'Caf%C3%A9;1|%E2%82%AC;2', 'Café;1|€;2'],
  ])('decodes the brands of uafvl once more: %s', (_, list, expected) => {
    expect(decodeFullVersionList(list)).toEqual({ value: expected, isMalformed: false });
  });

  it.each([
    ['a truncated escape', 'Bad%E2%82;1|Good%20One;2', 'Bad%E2%82;1|Good One;2'],
    ['a lone percent sign', '100%;1|A%20B;2', '100%;1|A B;2'],
  ])('keeps a broken brand escape of uafvl as written: %s', (_, list, expected) => {
    expect(decodeFullVersionList(list)).toEqual({ value: expected, isMalformed: true });
  });

  it('decodes a uafvl list as a whole as it does entry by entry', () => {
    const brand = fc.stringMatching(/^(?:[A-Za-z ;|]|%[0-9A-Fa-f]{0,2}|%E2%82%AC)*$/);
    const version = fc.stringMatching(/^[\d.%]*$/);
    const entry = fc.tuple(brand, fc.option(version, { nil: undefined }));
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), (entries) => {
        const list = entries
          .map(([name, number]) => (number === undefined ? name : `${name};${number}`))
          .join('|');
        expect(decodeFullVersionList(list)).toEqual(decodeEntryByEntry(list));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps wire keys that would pollute prototypes as plain own entries', () => {
    const event = decodeOne('ep.__proto__=x&up.constructor=y&__proto__=z&sst.__proto__=w');
    expect(Object.getPrototypeOf(event.params)).toBe(Object.prototype);
    expect(Object.hasOwn(event.params, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(event.params))).toEqual(JSON.parse('{"__proto__":"x"}'));
    expect(event.userProperties).toEqual({ constructor: 'y' });
    expect(Object.hasOwn(event.unknown, '__proto__')).toBe(true);
    expect(Object.hasOwn(event.serverSide, '__proto__')).toBe(true);
    expect(Object.hasOwn(event.raw, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
