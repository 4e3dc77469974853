import type { Violation } from '../events/event-types.js';
import { appendPointer } from '../plan/json-pointer.js';
import {
  reservedEventNames,
  reservedEventPrefixes,
  reservedUserPropertyNames,
  reservedUserPropertyPrefixes,
} from './ga4-rules.js';

// `reserved_name` findings: names GA4 keeps for itself. A reserved event name is only
// questioned when the plan does not list it (a team that plans `page_view` sends it on
// purpose); reserved prefixes are always errors, because GA4 drops those names. Parameter
// names are checked in the one pass over them (`checkNames`).

/** The finding for the event name, if any, added to `violations`. */
export function checkReservedEventName(
  name: string | null,
  isPlanned: boolean,
  violations: Violation[],
): void {
  if (name === null) return;
  const prefix = reservedPrefix(name, reservedEventPrefixes);
  if (prefix !== undefined) {
    const message = `The event name "${name}" starts with "${prefix}", which GA4 reserves: rename the event.`;
    violations.push(reserved('', 'error', message, `no "${prefix}" prefix`, name));
    return;
  }
  if (isPlanned || !reservedEventNames.has(name)) return;
  const message = `"${name}" is an event name GA4 reserves and collects itself: plan it if you send it on purpose, or rename your event.`;
  violations.push(reserved('', 'warning', message, 'a name GA4 does not reserve', name));
}

/** The error for a parameter whose name starts with a reserved prefix. */
export function reservedParameterViolation(key: string, prefix: string): Violation {
  const message = `The parameter "${key}" starts with "${prefix}", which GA4 reserves: rename it.`;
  return reserved(appendPointer('', key), 'error', message, `no "${prefix}" prefix`, key);
}

/** Findings for user property names, added to `violations`. */
export function checkReservedUserProperties(
  userProperties: Record<string, unknown> | undefined,
  violations: Violation[],
): void {
  if (userProperties === undefined) return;
  for (const key of Object.keys(userProperties)) {
    const violation = checkUserPropertyName(key);
    if (violation) violations.push(violation);
  }
}

function checkUserPropertyName(key: string): Violation | undefined {
  const prefix = reservedPrefix(key, reservedUserPropertyPrefixes);
  if (prefix === undefined && !reservedUserPropertyNames.has(key)) return undefined;
  const why =
    prefix === undefined ? 'is a name GA4 reserves' : `starts with "${prefix}", which GA4 reserves`;
  const expected = prefix === undefined ? 'a name GA4 does not reserve' : `no "${prefix}" prefix`;
  const path = appendPointer('/user_properties', key);
  return reserved(path, 'error', `The user property "${key}" ${why}: rename it.`, expected, key);
}

function reservedPrefix(name: string, prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) if (name.startsWith(prefix)) return prefix;
  return undefined;
}

function reserved(
  path: string,
  severity: Violation['severity'],
  message: string,
  expected: string,
  actual: string,
): Violation {
  return { code: 'reserved_name', severity, path, message, expected, actual };
}
