import { describe, expect, it } from 'vitest';
import { permission } from '../template-permissions/permission-entry.js';
import { createApiTestEnvironment } from './api-test-environment.js';

type Fn = (...args: unknown[]) => unknown;

const web = createApiTestEnvironment();
const server = createApiTestEnvironment({ context: 'server' });

describe('getType', () => {
  it.each([
    [undefined, 'undefined'],
    [null, 'null'],
    [true, 'boolean'],
    [1.5, 'number'],
    ['x', 'string'],
    [[1], 'array'],
    [{ a: 1 }, 'object'],
    [Object.create(null), 'object'],
    [() => 1, 'function'],
  ])('names %j %s', (value, expected) => {
    expect(web.api('getType')(value)).toBe(expected);
  });
});

describe('makeInteger, makeNumber and makeString', () => {
  it.each([
    ['12.7', 12],
    [-12.7, -12],
    ['0x10', 16],
    ['', 0],
    [true, 1],
    [null, 0],
    ['abc', Number.NaN],
    [undefined, Number.NaN],
    [{ a: 1 }, Number.NaN],
  ])('makeInteger(%j) is %s', (value, expected) => {
    expect(web.api('makeInteger')(value)).toBe(expected);
  });

  it.each([
    ['1e3', 1000],
    [' 42 ', 42],
    ['12.7', 12.7],
    [[], 0],
    [[5], 5],
    [[1, 2], Number.NaN],
    [false, 0],
  ])('makeNumber(%j) is %s', (value, expected) => {
    expect(web.api('makeNumber')(value)).toBe(expected);
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [12.5, '12.5'],
    [[1, null, 'a'], '1,,a'],
    [{ a: 1 }, '[object Object]'],
    [Object.create(null), '[object Object]'],
    [true, 'true'],
  ])('makeString(%j) is %j', (value, expected) => {
    expect(web.api('makeString')(value)).toBe(expected);
  });
});

describe('makeTableMap', () => {
  const makeTableMap = web.api('makeTableMap');

  it('maps the key column to the value column, later rows winning', () => {
    const rows = [
      { key: 'a', value: 1 },
      { key: 'b', value: 'two' },
      { key: 'a', value: 3 },
      { value: 'no key' },
    ];
    expect(makeTableMap(rows, 'key', 'value')).toEqual({ a: 3, b: 'two' });
  });

  it('keeps a __proto__ key as data', () => {
    const table = makeTableMap(
      [{ key: '__proto__', value: { polluted: true } }],
      'key',
      'value',
    ) as object;
    expect(Object.keys(table)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers null for something that is not a table', () => {
    expect(makeTableMap('rows', 'key', 'value')).toBeNull();
    expect(makeTableMap([], 1, 'value')).toBeNull();
  });
});

describe('JSON', () => {
  const json = web.api<{ parse: Fn; stringify: Fn }>('JSON');

  it('parses JSON and gives undefined for text that is not JSON, without throwing', () => {
    expect(json.parse('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(json.parse('{a:1}')).toBeUndefined();
    expect(json.parse('')).toBeUndefined();
    expect(json.parse(undefined)).toBeUndefined();
  });

  it('stringifies, and gives undefined for a cycle', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(json.stringify({ a: 'b' })).toBe('{"a":"b"}');
    expect(json.stringify(cyclic)).toBeUndefined();
    expect(json.stringify(undefined)).toBeUndefined();
  });
});

describe('Math', () => {
  const math = web.api<Record<string, Fn>>('Math');

  it('offers only the eight documented functions', () => {
    expect(Object.keys(math).sort()).toEqual([
      'abs',
      'ceil',
      'floor',
      'max',
      'min',
      'pow',
      'round',
      'sqrt',
    ]);
  });

  it.each([
    ['abs', [-3], 3],
    ['ceil', [1.2], 2],
    ['floor', ['1.8'], 1],
    ['round', [2.5], 3],
    ['max', [1, 7, 3], 7],
    ['min', [4, -2], -2],
    ['pow', [2, 10], 1024],
    ['sqrt', [81], 9],
    ['abs', [Object.create(null)], Number.NaN],
  ])('Math.%s(%j) is %s', (name, args, expected) => {
    expect(math[name]?.(...args)).toBe(expected);
  });
});

describe('Object', () => {
  const objects = web.api<Record<string, Fn>>('Object');

  it('lists keys, values and entries of objects and arrays, and nothing for primitives', () => {
    expect(objects.keys?.({ a: 1, b: 2 })).toEqual(['a', 'b']);
    expect(objects.values?.({ a: 1, b: 2 })).toEqual([1, 2]);
    expect(objects.entries?.(['x'])).toEqual([['0', 'x']]);
    expect(objects.keys?.('abc')).toEqual([]);
    expect(objects.keys?.(null)).toEqual([]);
  });

  it('freezes and deletes on the object it is given', () => {
    const target: Record<string, unknown> = { a: 1, b: 2 };
    expect(objects.delete?.(target, 'a')).toBe(true);
    expect(target).toEqual({ b: 2 });
    objects.freeze?.(target);
    expect(Object.isFrozen(target)).toBe(true);
    expect(objects.delete?.(target, 'b')).toBe(false);
    expect(objects.delete?.('text', 'length')).toBe(false);
  });
});

describe('URI codecs', () => {
  it.each([
    ['encodeUri', 'https://x.test/a b?q=ä', 'https://x.test/a%20b?q=%C3%A4'],
    ['encodeUriComponent', 'a b&c/d', 'a%20b%26c%2Fd'],
    ['decodeUri', 'https://x.test/a%20b', 'https://x.test/a b'],
    ['decodeUriComponent', 'a%20b%26c', 'a b&c'],
    ['encodeUriComponent', 42, '42'],
  ])('%s(%j) is %j', (name, input, expected) => {
    expect(web.api(name)(input)).toBe(expected);
  });

  it.each([
    ['decodeUriComponent', '%E0%A4%A'],
    ['decodeUri', '%'],
    ['encodeUriComponent', '\uD800'],
    ['encodeUri', '\uDFFF'],
    ['encodeUri', { a: 1 }],
  ])('%s(%j) is undefined instead of an error', (name, input) => {
    expect(web.api(name)(input)).toBeUndefined();
  });
});

describe('toBase64 and fromBase64', () => {
  it('round-trips UTF-8 text', () => {
    expect(web.api('toBase64')('tagwarden ✓')).toBe('dGFnd2FyZGVuIOKckw==');
    expect(web.api('fromBase64')('dGFnd2FyZGVuIOKckw==')).toBe('tagwarden ✓');
  });

  it('gives undefined for input that is not base64', () => {
    expect(web.api('fromBase64')('not base64!')).toBeUndefined();
    expect(web.api('fromBase64')(12)).toBeUndefined();
  });

  it('writes the URL-safe alphabet without padding on the server when asked', () => {
    expect(server.api('toBase64')('??>>', { urlEncoding: true })).toBe('Pz8-Pg');
    expect(server.api('toBase64')('??>>')).toBe('Pz8+Pg==');
    expect(web.api('toBase64')('??>>', { urlEncoding: true })).toBe('Pz8+Pg==');
    expect(server.api('fromBase64')('Pz8-Pg')).toBe('??>>');
  });
});

describe('parseUrl', () => {
  const parseUrl = web.api('parseUrl');

  it('splits an absolute URL, with repeated query keys as arrays', () => {
    expect(parseUrl('https://user:pw@shop.test:8443/a/b.html?x=1&y=%C3%A4&x=2&z#top')).toEqual({
      href: 'https://user:pw@shop.test:8443/a/b.html?x=1&y=%C3%A4&x=2&z#top',
      origin: 'https://shop.test:8443',
      protocol: 'https:',
      username: 'user',
      password: 'pw',
      host: 'shop.test:8443',
      hostname: 'shop.test',
      port: '8443',
      pathname: '/a/b.html',
      search: '?x=1&y=%C3%A4&x=2&z',
      searchParams: { x: ['1', '2'], y: 'ä', z: '' },
      hash: '#top',
    });
  });

  it.each(['/relative/path?x=1', 'shop.test/page', '', 'https://'])(
    'gives undefined for %j',
    (url) => {
      expect(parseUrl(url)).toBeUndefined();
    },
  );
});

describe('sha256, sha256Sync and hmacSha256', () => {
  it('hashes to base64 by default and to hex when asked', () => {
    expect(server.api('sha256Sync')('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
    expect(server.api('sha256Sync')('abc', { outputEncoding: 'hex' })).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(server.api('sha256Sync')('')).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('hashes a message longer than one block', () => {
    const text = 'a'.repeat(1000);
    expect(server.api('sha256Sync')(text, { outputEncoding: 'hex' })).toBe(
      '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
    );
  });

  it('calls back after the current code on the web, reading options in third or fourth place', async () => {
    const harness = createApiTestEnvironment();
    const digests: unknown[] = [];
    harness.api('sha256')(
      'abc',
      (digest: unknown) => digests.push(digest),
      () => undefined,
      { outputEncoding: 'hex' },
    );
    harness.api('sha256')('abc', (digest: unknown) => digests.push(digest), {
      outputEncoding: 'hex',
    });
    expect(digests).toEqual([]);
    await harness.drain();
    expect(digests).toEqual([
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    ]);
  });

  it('signs with a key from the world, as RFC 4231 case 2 expects', () => {
    const harness = createApiTestEnvironment({
      context: 'server',
      permissions: [permission('use_custom_private_keys', { keyIds: ['jefe'] })],
      server: { privateKeys: { jefe: btoa('Jefe') } },
    });
    const hmac = harness.api('hmacSha256');
    expect(hmac('what do ya want for nothing?', 'jefe', { outputEncoding: 'hex' })).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hmac('what do ya want for nothing?', 'jefe', { outputEncoding: 'base64url' })).toBe(
      'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM',
    );
    expect(() => hmac('x', 'other')).toThrow(
      "hmacSha256: the private key 'other' is not allowed by the use_custom_private_keys permission",
    );
  });
});

describe('generateRandom, timestamps and callLater', () => {
  it('draws inclusive integers from the seeded source', () => {
    const harness = createApiTestEnvironment({ randomValues: [0, 0.999999, 0.5] });
    const generateRandom = harness.api('generateRandom');
    expect(generateRandom(1, 6)).toBe(1);
    expect(generateRandom(1, 6)).toBe(6);
    expect(generateRandom(10, 20)).toBe(15);
    expect(generateRandom('1', 6)).toBeUndefined();
  });

  it('reads the clock in milliseconds', () => {
    const harness = createApiTestEnvironment();
    const before = harness.api('getTimestampMillis')() as number;
    harness.advance(1500);
    expect(harness.api('getTimestampMillis')()).toBe(before + 1500);
    expect(harness.api('getTimestamp')()).toBe(before + 1500);
  });

  it('runs callLater functions after the current code, in order', async () => {
    const harness = createApiTestEnvironment();
    const order: string[] = [];
    harness.api('callLater')(() => order.push('first'));
    harness.api('callLater')(() => order.push('second'));
    harness.api('callLater')('not a function');
    order.push('now');
    await harness.drain();
    expect(order).toEqual(['now', 'first', 'second']);
  });
});

describe('queryPermission', () => {
  it('answers from the template permissions without throwing', () => {
    const harness = createApiTestEnvironment({
      permissions: [permission('get_cookies', { cookieAccess: 'specific', cookieNames: ['_ga'] })],
    });
    const queryPermission = harness.api('queryPermission');
    expect(queryPermission('get_cookies', '_ga')).toBe(true);
    expect(queryPermission('get_cookies', '_gid')).toBe(false);
    expect(queryPermission('send_pixel', 'https://x.test/')).toBe(false);
    expect(queryPermission(undefined)).toBe(false);
  });
});

describe('createRegex and testRegex', () => {
  const createRegex = server.api('createRegex');
  const testRegex = server.api('testRegex');

  it('builds a regex with the g and i flags only', () => {
    expect(testRegex(createRegex('^shop\\.', 'i'), 'SHOP.test')).toBe(true);
    expect(testRegex(createRegex('^\\d+$'), '12a')).toBe(false);
    expect(createRegex('a', 'm')).toBeNull();
    expect(createRegex('a', 'gg')).toBeNull();
    expect(createRegex('a', 'gi')).toBeInstanceOf(RegExp);
  });

  it.each(['(?<=a)b', '(?=a)', '(?!a)', '(a)\\1', '(?<n>a)\\k<n>', '[', '(unclosed'])(
    'answers null for %j, which RE2 or any engine refuses',
    (pattern) => {
      expect(createRegex(pattern)).toBeNull();
    },
  );

  it('accepts what only looks like lookaround or a backreference', () => {
    expect(createRegex('[(?=]')).toBeInstanceOf(RegExp);
    expect(testRegex(createRegex('a\\\\1'), 'a\\1')).toBe(true);
  });

  it('keeps lastIndex between tests of a global regex', () => {
    const regex = createRegex('a', 'g');
    expect(testRegex(regex, 'a')).toBe(true);
    expect(testRegex(regex, 'a')).toBe(false);
    expect(testRegex('not a regex', 'a')).toBe(false);
  });
});

describe('computeEffectiveTldPlusOne', () => {
  it.each([
    ['www.shop.example.com', 'example.com'],
    ['https://www.shop.example.co.uk/path?q=1', 'example.co.uk'],
    ['example.com', 'example.com'],
    ['blog.tagwarden.github.io', 'tagwarden.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(server.api('computeEffectiveTldPlusOne')(input)).toBe(expected);
  });
});
