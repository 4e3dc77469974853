import { isHashedValue } from './detect-hash.js';
import { keyTraits } from './key-traits.js';
import { maskHash, maskText } from './mask-excerpt.js';
import { noFindings } from './no-findings.js';
import type { PiiFinding } from './pii-types.js';
import { isMeaningfulValue } from './is-meaningful-value.js';
import { scanTextForPii, type TextScanOptions } from './scan-text-for-pii.js';

const maxFindings = 20;
/**
 * Whether a value is a URL whose query or path may carry personal data: `scheme://…`, `//…`,
 * or a path with a query.
 */
export function looksLikeUrl(value: string): boolean {
  if (value.startsWith('/')) return value.includes('?') || value.startsWith('//');
  // A scheme holds no `:`, so its `://` is the first one: found natively, then the scheme is
  // read only up to it. Most values checked here are query values without one.
  const separatorAt = value.indexOf('://');
  return separatorAt > 0 && schemeLength(value) === separatorAt + 1;
}

/**
 * Personal data in a URL: query parameters named like personal data (`email=`, `phone=`,
 * `name=`, `first_name=`, `address=`…), personal values in any query parameter (`?ref=
 * jane%40example.com`), and emails or account numbers in the path or fragment. The host is
 * not scanned: it names the site, not the visitor.
 */
export function scanUrlForPii(url: string, depth = 0): PiiFinding[] {
  // The origin ends before the first `?` or `#`, so it is the path's origin too: read once.
  const origin = originLength(url);
  if (!mayHoldPersonalData(url, origin)) return [];
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const path = beforeHash.slice(origin, queryAt < 0 ? beforeHash.length : queryAt);
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);

  const inPath = scanPath(path);
  const inQuery = scanQuery(query, depth);
  const inFragment = scanFragment(fragment, depth);
  if (inPath.length === 0 && inQuery.length === 0 && inFragment.length === 0) return [];
  const findings = [...inPath, ...inQuery, ...inFragment];
  return findings.length > maxFindings ? findings.slice(0, maxFindings) : findings;
}

function scanFragment(fragment: string, depth: number): readonly PiiFinding[] {
  if (fragment === '') return noFindings;
  const queryAt = fragment.indexOf('?');
  if (queryAt >= 0) {
    return [
      ...scanPath(fragment.slice(0, queryAt)),
      ...scanQuery(fragment.slice(queryAt + 1), depth),
    ];
  }
  return fragment.includes('=') ? scanQuery(fragment, depth) : scanPath(fragment);
}

const pathScan: TextScanOptions = { skipPhones: true, skipIpAddresses: true };
const versionValueScan: TextScanOptions = { skipIpAddresses: true };
const valueScan: TextScanOptions = {};

function scanPath(path: string): readonly PiiFinding[] {
  if (path === '' || path === '/') return noFindings;
  return scanTextForPii(decode(path), pathScan);
}

// Pairs are read where they stand, without splitting the query into an array first. Most
// queries hold no escapes: asking once spares asking for every name and value.
function scanQuery(query: string, depth: number): readonly PiiFinding[] {
  if (query === '') return noFindings;
  const isEncoded = query.includes('%') || query.includes('+');
  let findings: PiiFinding[] | undefined;
  for (let start = 0; start <= query.length;) {
    const ampersandAt = query.indexOf('&', start);
    const end = ampersandAt < 0 ? query.length : ampersandAt;
    const equalsAt = query.indexOf('=', start);
    if (equalsAt > start && equalsAt < end) {
      const rawName = query.slice(start, equalsAt);
      const rawValue = query.slice(equalsAt + 1, end);
      const name = isEncoded ? decode(rawName) : rawName;
      const value = (isEncoded ? decode(rawValue) : rawValue).trim();
      const found = value === '' ? noFindings : scanParameter(name, value, depth);
      if (found.length > 0) (findings ??= []).push(...found);
    }
    start = end + 1;
  }
  return findings ?? noFindings;
}

function scanParameter(name: string, value: string, depth: number): readonly PiiFinding[] {
  const label = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  if (isHashedValue(value))
    return [{ kind: 'hashed', path: '', excerpt: `${label}=${maskHash(value)}`, isHashed: true }];

  const traits = keyTraits(name);
  const inner =
    depth < 1 && looksLikeUrl(value)
      ? scanUrlForPii(value, depth + 1)
      : scanTextForPii(value, traits.isVersion ? versionValueScan : valueScan);
  if (inner.length > 0)
    return inner.map((finding) => ({ ...finding, excerpt: `${label}=${finding.excerpt}` }));
  if (!traits.isPersonalInQuery || !isMeaningfulValue(value)) return noFindings;
  return [
    { kind: 'url_parameter', path: '', excerpt: `${label}=${maskText(value)}`, isHashed: false },
  ];
}

/**
 * Whether anything after the origin could be reported. Query parameters (and a fragment's)
 * need an `=`; an email in the path an `@`; a card number or IBAN seven digits; an escape can
 * hide any of these. Page URLs without a query (`https://shop.example.test/product/stan-tee`)
 * stop here.
 */
function mayHoldPersonalData(url: string, start: number): boolean {
  let digits = 0;
  for (let index = start; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code === 61 || code === 64 || code === 37) return true; // `=`, `@`, `%`
    if (code >= 48 && code <= 57 && ++digits >= 7) return true;
  }
  return false;
}

/**
 * The length of a leading `scheme://host` or `//host` (the host ends at `/`, `?` or `#`), or
 * 0. Read by hand: the regular expression that did this took about a twelfth of the time
 * spent scanning the page URLs of the bundled captures.
 */
function originLength(url: string): number {
  const afterScheme = schemeLength(url);
  if (!url.startsWith('//', afterScheme)) return 0;
  let end = afterScheme + 2;
  while (end < url.length) {
    const code = url.charCodeAt(end);
    if (code === 47 || code === 63 || code === 35) break; // `/`, `?`, `#`
    end++;
  }
  return end;
}

/** The length of a leading `scheme:` (a letter, then letters, digits, `+`, `.`, `-`), or 0. */
function schemeLength(url: string): number {
  if (!isAsciiLetter(url.charCodeAt(0))) return 0;
  let index = 1;
  while (index < url.length && isSchemeCharacter(url.charCodeAt(index))) index++;
  return url.charCodeAt(index) === 58 ? index + 1 : 0;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isSchemeCharacter(code: number): boolean {
  const isDigit = code >= 48 && code <= 57;
  return isAsciiLetter(code) || isDigit || code === 43 || code === 46 || code === 45;
}

// Most URL parts hold no escapes; they are returned as they are.
function decode(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
