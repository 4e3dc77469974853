import { describe, expect, it } from 'vitest';
import { matchesUrlPattern } from '../../gtm-template/sandbox/permissions/match-url-pattern.js';

describe('URL match patterns', () => {
  it.each([
    ['https://cdn.example.com/lib.js', 'https://cdn.example.com/lib.js'],
    ['https://cdn.example.com/lib.js?v=3#top', 'https://cdn.example.com/lib.js'],
    ['https://example.com/lib.js', 'https://*.example.com/lib.js'],
    ['https://a.b.example.com/lib.js', 'https://*.example.com/lib.js'],
    ['https://EXAMPLE.com/p', 'https://example.com/p'],
    ['https://example.com/any/thing/below', 'https://example.com/'],
    ['https://example.com/collect/g/x', 'https://example.com/collect/'],
    ['https://example.com/v2/pixel.gif', 'https://example.com/*/pixel.gif'],
    ['https://example.com/a/b/c', 'https://example.com/a/*'],
    ['https://example.com:443/p', 'https://example.com/p'],
    ['https://example.com/', 'https://example.com'],
  ])('lets %s through %s', (url, pattern) => {
    expect(matchesUrlPattern(url, pattern)).toBe(true);
  });

  it.each([
    ['http://cdn.example.com/lib.js', 'https://cdn.example.com/lib.js', 'plain http'],
    ['https://cdn.example.com/lib.js', 'http://cdn.example.com/lib.js', 'an http pattern'],
    ['https://evil-example.com/lib.js', 'https://*.example.com/lib.js', 'a look-alike host'],
    ['https://example.com.evil.test/p', 'https://example.com/p', 'a host with a suffix'],
    ['https://example.com/lib.jsx', 'https://example.com/lib.js', 'a longer path'],
    ['https://example.com/collector', 'https://example.com/collect/', 'a sibling of the folder'],
    ['https://example.com:8443/p', 'https://example.com/p', 'another port'],
    ['/relative/path', 'https://example.com/', 'a relative URL'],
    ['not a url', 'https://example.com/', 'text'],
    ['https://example.com/p', 'example.com/p', 'a pattern without a scheme'],
  ])('refuses %s against %s (%s)', (url, pattern) => {
    expect(matchesUrlPattern(url, pattern)).toBe(false);
  });
});
