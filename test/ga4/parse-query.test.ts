import { describe, expect, it } from 'vitest';
import { findQueryValue } from '../../shared/text/find-query-value.js';
import { parseQuery } from '../../shared/text/parse-query.js';
import { unescapeHtmlAmpersands } from '../../shared/text/unescape-html-ampersands.js';
import { A22, A33 } from './fixtures/part-a-ga4-beacons.js';
import { C2, C7 } from './fixtures/part-c-ads-and-pixels.js';

describe('parseQuery', () => {
  it('keeps every pair in order with its raw and decoded text', () => {
    expect(parseQuery('en=page_view&dt=Mod%20DB&dr=&richsstsse')).toEqual([
      pair('en', 'page_view', 'page_view'),
      pair('dt', 'Mod%20DB', 'Mod DB'),
      pair('dr', '', ''),
      { ...pair('richsstsse', '', ''), hasEquals: false },
    ]);
  });

  it('keeps repeated keys, splits at the first = only, and skips empty segments', () => {
    const pairs = parseQuery('&a=1&&a=2=3&');
    expect(pairs.map((each) => [each.key, each.value])).toEqual([
      ['a', '1'],
      ['a', '2=3'],
    ]);
  });

  it('reads + as a space by default, like URLSearchParams, and keeps the raw text', () => {
    const [first] = parseQuery('q=a+b%2Bc');
    expect(first).toMatchObject({ rawValue: 'a+b%2Bc', value: 'a b+c' });
    expect(parseQuery('q=a+b', { plusAsSpace: false })[0]?.value).toBe('a+b');
  });

  it('decodes keys too and flags a malformed escape in either half', () => {
    expect(parseQuery('cd%5Bvalue%5D=1')[0]).toMatchObject({
      key: 'cd[value]',
      rawKey: 'cd%5Bvalue%5D',
    });
    expect(parseQuery('dt=%E2%8')[0]).toMatchObject({ value: '%E2%8', isMalformed: true });
    expect(parseQuery('%zz=1')[0]).toMatchObject({ key: '%zz', isMalformed: true });
  });

  it('splits on another separator when asked (Floodlight paths)', () => {
    const pairs = parseQuery('src=1234567;type=group1;~oref=https%3A%2F%2Fomnibug.io%2F', {
      separator: ';',
    });
    expect(pairs.map((each) => [each.key, each.value])).toEqual([
      ['src', '1234567'],
      ['type', 'group1'],
      ['~oref', 'https://omnibug.io/'],
    ]);
  });

  it('returns nothing for an empty text', () => {
    expect(parseQuery('')).toEqual([]);
  });
});

describe('findQueryValue', () => {
  it.each([
    ['v=2&tid=G-1', 'v', '2'],
    ['tid=G-1&v=2', 'v', '2'],
    ['vv=3&v=1', 'v', '1'],
    ['richsstsse&v=2', 'richsstsse', ''],
    ['tid=G-1', 'v', undefined],
    ['dl=a%26v%3D1', 'v', undefined],
  ])('finds in %s the raw value of %s', (query, key, expected) => {
    expect(findQueryValue(query, key)).toBe(expected);
  });
});

describe('unescapeHtmlAmpersands', () => {
  it.each([
    ['A22', A22.url],
    ['A33', A33.url],
    ['C2', C2.url],
    ['C7', C7.url],
  ])('turns the &amp;amp; of pasted sample %s back into plain ampersands', (_, url) => {
    const unescaped = unescapeHtmlAmpersands(url);
    expect(unescaped).not.toContain('&amp;');
    expect(unescaped.split('&').length).toBe(url.split('&amp;amp;').length);
  });

  it('undoes any depth of escaping and the numeric forms, and nothing else', () => {
    expect(unescapeHtmlAmpersands('a=1&amp;b=2&amp;amp;amp;c=3&#38;d=4&#x26;e=5')).toBe(
      'a=1&b=2&c=3&d=4&e=5',
    );
    expect(unescapeHtmlAmpersands('dl=a%26amp%3B&x=&lt;')).toBe('dl=a%26amp%3B&x=&lt;');
  });
});

function pair(key: string, rawValue: string, value: string) {
  return { key, rawKey: key, rawValue, value, hasEquals: true, isMalformed: false };
}
