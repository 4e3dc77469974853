import { isHashedValue } from './detect-hash.js';
import { keyTraits } from './key-traits.js';
import { maskHash, maskText } from './mask-excerpt.js';
import { noFindings } from './no-findings.js';
import type { PiiFinding } from './pii-types.js';
import { isMeaningfulValue } from './is-meaningful-value.js';
import { scanTextForPii, type TextScanOptions } from './scan-text-for-pii.js';

const maxFindings = 20;
const urlShape = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** Whether a value is a URL whose query or path may carry personal data. */
export function looksLikeUrl(value: string): boolean {
  if (value.startsWith('/')) return value.includes('?') || value.startsWith('//');
  return value.includes('//') && urlShape.test(value);
}

/**
 * Personal data in a URL: query parameters named like personal data (`email=`, `phone=`,
 * `name=`, `first_name=`, `address=`…), personal values in any query parameter (`?ref=
 * jane%40example.com`), and emails or account numbers in the path or fragment. The host is
 * not scanned: it names the site, not the visitor.
 */
export function scanUrlForPii(url: string, depth = 0): PiiFinding[] {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const path = withoutOrigin(queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt));
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);

  const findings: PiiFinding[] = [];
  findings.push(...scanPath(path), ...scanQuery(query, depth), ...scanFragment(fragment, depth));
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

function scanQuery(query: string, depth: number): readonly PiiFinding[] {
  let findings: PiiFinding[] | undefined;
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const name = decode(part.slice(0, equals));
    const value = decode(part.slice(equals + 1)).trim();
    if (value === '') continue;
    const found = scanParameter(name, value, depth);
    if (found.length > 0) (findings ??= []).push(...found);
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

function withoutOrigin(url: string): string {
  return url.replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*/i, '');
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
