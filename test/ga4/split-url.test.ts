import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Text } from '../../shared/text/decode-base64-text.js';
import { parseWireNumber } from '../../shared/text/parse-wire-number.js';
import { splitUrl } from '../../shared/text/split-url.js';

describe('splitUrl', () => {
  it.each([
    [
      'an absolute URL',
      'https://region1.google-analytics.com/g/collect?v=2&tid=G-1',
      {
        host: 'region1.google-analytics.com',
        authority: 'region1.google-analytics.com',
        path: '/g/collect',
        query: 'v=2&tid=G-1',
      },
    ],
    [
      'a host with port and mixed case',
      'http://LocalHost:8080/sgtm/g/collect?v=2',
      { host: 'localhost', authority: 'localhost:8080', path: '/sgtm/g/collect', query: 'v=2' },
    ],
    [
      'a relative path (sample A27)',
      '/g/collect?v=2',
      { host: '', authority: '', path: '/g/collect', query: 'v=2' },
    ],
    [
      'a bare query string (samples A5-A12)',
      'v=2&tid=G-1&dl=https%3A%2F%2Fx',
      { host: '', authority: '', path: '', query: 'v=2&tid=G-1&dl=https%3A%2F%2Fx' },
    ],
    [
      'a bare query holding a raw slash',
      'v=2&ep.x=a/b',
      { host: '', authority: '', path: '', query: 'v=2&ep.x=a/b' },
    ],
    [
      'a pasted host without scheme',
      'www.google-analytics.com/g/collect?v=2',
      {
        host: 'www.google-analytics.com',
        authority: 'www.google-analytics.com',
        path: '/g/collect',
        query: 'v=2',
      },
    ],
    [
      'a protocol-relative URL with credentials and a fragment',
      '//user:pw@example.com/tr/?id=1#frag',
      { host: 'example.com', authority: 'example.com', path: '/tr/', query: 'id=1' },
    ],
    [
      'a Floodlight path with its parameters and an empty query (sample C3)',
      'https://1234567.fls.doubleclick.net/activityi;src=1234567;~oref=https%3A%2F%2Fomnibug.io%2F?',
      {
        host: '1234567.fls.doubleclick.net',
        authority: '1234567.fls.doubleclick.net',
        path: '/activityi;src=1234567;~oref=https%3A%2F%2Fomnibug.io%2F',
        query: '',
      },
    ],
  ])('cuts %s', (_, url, expected) => {
    expect(splitUrl(url)).toEqual(expected);
  });
});

describe('decodeBase64Text', () => {
  it('decodes standard and URL-safe base64, with or without padding', () => {
    expect(decodeBase64Text(btoa('/g/collect?v=2'))).toBe('/g/collect?v=2');
    expect(decodeBase64Text('L2cvY29sbGVjdD92PTI')).toBe('/g/collect?v=2');
    expect(decodeBase64Text('Pz8-Pz8_')).toBe('??>???');
  });

  it('returns undefined for text that is not base64 or not UTF-8', () => {
    expect(decodeBase64Text('not base64!')).toBeUndefined();
    expect(decodeBase64Text('abcde')).toBeUndefined();
    expect(decodeBase64Text(btoa('\xff\xfe'))).toBeUndefined();
  });
});

describe('parseWireNumber', () => {
  it.each([
    ['30.03', 30.03],
    ['0', 0],
    ['-1', -1],
    ['1e+21', 1e21],
    ['', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    ['0x10', undefined],
    [' 12', undefined],
    ['12abc', undefined],
    ['1.2.3', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseWireNumber(text)).toBe(expected);
  });

  it.each([
    ['-0.0', -0],
    ['00.5', 0.5],
    ['0.30000000000000004', 0.30000000000000004],
    ['123456789012.345', 123456789012.345],
    ['5.', 5],
    ['.5', 0.5],
    ['-', undefined],
    ['+1.5', 1.5],
  ])('reads the decimal %j as Number() does', (text, expected) => {
    expect(Object.is(parseWireNumber(text), expected)).toBe(true);
  });

  it('reads signed decimals, short and long, exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{0,10}\.?\d{0,10}$/), (text) => {
        const number = Number(text);
        const expected = text === '' || !Number.isFinite(number) ? undefined : number;
        expect(Object.is(parseWireNumber(text), expected)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads runs of digits, short and long, exactly as Number() does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,22}$/), (digits) => {
        expect(parseWireNumber(digits)).toBe(Number(digits));
      }),
      { numRuns: 500 },
    );
  });
});
