import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanUrlForPii } from '../../shared/pii/scan-url-for-pii.js';

// The URL scan leaves out `scheme://host` and `//host` (they name the site, not the visitor)
// and reads the path, each query pair and the fragment. Each case is an origin look-alike or
// an odd query, with the findings the scan gave before it read origins and pairs by hand.
const cases: Array<[string, string, Array<[string, string]>]> = [
  ['credentials before the host', 'https://jane.doe@example.com/account', []],
  ['user and password before the host', 'https://user:secret@shop.example?x=1#frag', []],
  ['an upper-case scheme', 'HTTPS://JANE@EXAMPLE.COM/x', []],
  ['a scheme with +, . and -', 'a+b.c-d://jane@example.com/p', []],
  [
    'an email in the path',
    'https://example.com/users/jane.doe@example.com',
    [['email', 'j***@example.com']],
  ],
  [
    'a protocol-relative URL',
    '//cdn.example.com/jane.doe@example.com',
    [['email', 'j***@example.com']],
  ],
  ['a scheme without //', 'mailto:jane@example.com', [['email', 'j***@example.com']]],
  ['a scheme starting with a digit', '1http://jane@example.com/', [['email', 'j***@example.com']]],
  ['a single slash after the scheme', 'http:/jane@example.com', [['email', 'j***@example.com']]],
  [
    'encoded, empty and nameless pairs',
    'https://shop.example/?email=jane%40example.com&ref=x&&=y&name=Jane',
    [
      ['email', 'email=j***@example.com'],
      ['url_parameter', 'name=J***'],
    ],
  ],
  [
    'leading separators, an empty value and a plus',
    'https://shop.example/?&&utm_source=news&email=&phone=+32470123456',
    [['url_parameter', 'phone=3***']],
  ],
  [
    'a query inside the fragment',
    'https://shop.example/p#?email=jane@example.com',
    [['email', 'email=j***@example.com']],
  ],
];

describe('reading the parts of a URL for the personal-data scan', () => {
  it.each(cases)('reads %s', (_case, url, expected) => {
    const findings = scanUrlForPii(url).map((finding) => [finding.kind, finding.excerpt]);
    expect(findings).toEqual(expected);
  });
});

// URLs with nothing after the origin that could be reported (no `=`, `@` or `%`, under seven
// digits) are answered before their parts are read. An empty `#=` fragment adds nothing to
// report but turns that shortcut off, so both readings must agree.
const urlPart = fc.constantFrom(
  'https://shop.example',
  '//cdn.example',
  '/p',
  '/product/stan-tee',
  '/users/jane.doe',
  '@example.com',
  '?',
  '&',
  '=',
  'email',
  'name=Jane',
  '%40',
  '/jane%40example.com',
  '%3D',
  '%31%32%33%34%35%36%37',
  '+',
  '0470',
  '123',
  '4111111111111111',
  'GB82WEST12345698765432',
  'abcdefabcdefabcdefabcdefabcdef1a',
  'https://',
  ':',
  '.',
);
const urlLike = fc
  .array(fc.oneof(urlPart, fc.string({ maxLength: 4 })), { maxLength: 8 })
  .map((parts) => parts.join(''))
  .filter((url) => !url.includes('#'));

describe('answering URLs with nothing to report before reading their parts', () => {
  it.each([
    ['a page URL without a query', 'https://shop.example.test/product/stan-tee'],
    ['an IPv4 host with a short path', 'http://192.168.0.10/p'],
    ['six digits in the path', 'https://factors-site.example/en/2024/05/12'],
  ])('finds nothing in %s', (_case, url) => {
    expect(scanUrlForPii(url)).toEqual([]);
  });

  it('finds the same with the shortcut as without it', () => {
    fc.assert(
      fc.property(urlLike, (url) => {
        expect(scanUrlForPii(url)).toEqual(scanUrlForPii(`${url}#=`));
      }),
      { numRuns: 3000 },
    );
  });
});
