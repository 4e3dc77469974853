import { appendPointer } from '../plan/json-pointer.js';
import { keyTraits } from './key-traits.js';
import { listsOwnKeysOnly } from './lists-own-keys-only.js';
import { maskPhone } from './mask-excerpt.js';
import { noFindings } from './no-findings.js';
import type { PiiFinding } from './pii-types.js';
import { scanValueForPii } from './scan-value-for-pii.js';

/** The parts of an event the scan looks at (an `EventUnderTest` fits). */
export interface PiiScanSubject {
  properties: Record<string, unknown>;
  userProperties?: Record<string, unknown>;
  userId?: string;
  urls?: Record<string, string>;
}

export interface PiiWalkOptions {
  /** Names allowed to hold personal data: a top-level parameter, a nested key or a URL name. */
  allow?: ReadonlySet<string>;
  /** Scans one URL; lets a caller cache results for the page URL every event repeats. */
  scanUrl?: (url: string, name: string) => readonly PiiFinding[];
  /** Scans one string value under its key; lets a caller remember values that come back. */
  scanValue?: (value: string, key: string) => readonly PiiFinding[];
}

/** What every step of one walk shares. */
interface Walk {
  allow: ReadonlySet<string>;
  scanValue: (value: string, key: string) => readonly PiiFinding[];
  findings: PiiFinding[];
}

const maxDepth = 32;
const maxFindings = 50;
const noNames: ReadonlySet<string> = new Set();

/**
 * Every suspected piece of personal data in an event, with JSON Pointer paths: properties
 * (nested objects and `items` included), user properties under `/user_properties/…`, the user
 * id under `/user_id`, and URLs under their own name (`/page_location`).
 */
export function findPiiInEvent(
  subject: PiiScanSubject,
  options: PiiWalkOptions = {},
): PiiFinding[] {
  const allow = options.allow ?? noNames;
  const findings: PiiFinding[] = [];
  const walk: Walk = { allow, scanValue: options.scanValue ?? scanValueForPii, findings };
  walkRecord(subject.properties, '', undefined, 0, walk);
  if (subject.userProperties)
    walkRecord(subject.userProperties, '/user_properties', undefined, 0, walk);
  if (typeof subject.userId === 'string' && !allow.has('user_id')) {
    addFindings(findings, scanValueForPii(subject.userId, undefined), '/user_id');
  }
  if (subject.urls) walkUrls(subject.urls, options, findings);
  return findings.length > maxFindings ? findings.slice(0, maxFindings) : findings;
}

// Own keys in the order `Object.keys` lists them, without building that list for every event.
function walkUrls(
  urls: Record<string, string>,
  options: PiiWalkOptions,
  findings: PiiFinding[],
): void {
  const allow = options.allow ?? noNames;
  for (const name in urls) {
    const url = urls[name];
    if (!Object.hasOwn(urls, name) || allow.has(name) || typeof url !== 'string') continue;
    const urlFindings = options.scanUrl ? options.scanUrl(url, name) : scanValueForPii(url, name);
    if (urlFindings.length > 0) addFindings(findings, urlFindings, '', name);
  }
}

// Paths are built only for values with findings: most values have none. Keys are listed as
// `Object.keys` lists them (lists-own-keys-only.ts says why by `for…in`).
function walkRecord(
  record: Record<string, unknown>,
  pointer: string,
  topKey: string | undefined,
  depth: number,
  walk: Walk,
): void {
  const { allow } = walk;
  const hasAllowed = allow.size > 0;
  const isOwnOnly = listsOwnKeysOnly(record);
  for (const key in record) {
    if (!isOwnOnly && !Object.hasOwn(record, key)) continue;
    const top = topKey ?? key;
    if (hasAllowed && (allow.has(key) || allow.has(top))) continue;
    walkValue(record[key], pointer, key, key, top, depth + 1, walk);
  }
}

// Booleans and null hold nothing; numbers only under a phone key.
function walkValue(
  value: unknown,
  parent: string,
  token: string | number,
  key: string,
  topKey: string,
  depth: number,
  walk: Walk,
): void {
  const { findings } = walk;
  if (depth > maxDepth || findings.length >= maxFindings) return;
  // Most values have no findings: asked here, not by a call that returns at once.
  if (typeof value === 'string') {
    const found = walk.scanValue(value, key);
    return found.length === 0 ? undefined : addFindings(findings, found, parent, token);
  }
  if (typeof value === 'number') {
    const found = numberAsPhone(value, key);
    return found.length === 0 ? undefined : addFindings(findings, found, parent, token);
  }
  if (typeof value !== 'object' || value === null) return;
  const pointer = appendPointer(parent, token);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++)
      walkValue(value[index], pointer, index, key, topKey, depth + 1, walk);
    return;
  }
  walkRecord(value as Record<string, unknown>, pointer, topKey, depth, walk);
}

// A phone number pushed as a number (`phone: 32470000000`) has lost its `+` but is still one.
// Seven to fifteen digits is 10^6 up to 10^15: counted before the key's name is looked up, as
// prices, quantities and ids are mostly shorter.
function numberAsPhone(value: number, key: string): readonly PiiFinding[] {
  const magnitude = Math.abs(value);
  if (magnitude < 1e6 || magnitude >= 1e15 || !Number.isInteger(value)) return noFindings;
  if (!keyTraits(key).isPhone) return noFindings;
  const digits = String(magnitude);
  return [{ kind: 'phone', path: '', excerpt: maskPhone(digits), isHashed: false }];
}

function addFindings(
  findings: PiiFinding[],
  found: readonly PiiFinding[],
  parent: string,
  token?: string | number,
): void {
  if (found.length === 0) return;
  const path = token === undefined ? parent : appendPointer(parent, token);
  for (const finding of found) findings.push({ ...finding, path });
}
