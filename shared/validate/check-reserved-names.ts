import type { Violation } from '../events/event-types.js';
import { appendPointer } from '../plan/json-pointer.js';
import {
  reservedEventNames,
  reservedEventPrefixes,
  reservedParameterPrefixes,
  reservedUserPropertyNames,
  reservedUserPropertyPrefixes,
} from './ga4-rules.js';

/**
 * `reserved_name` findings: names GA4 keeps for itself. A reserved event name is only
 * questioned when the plan does not list it (a team that plans `page_view` sends it on
 * purpose); reserved prefixes are always errors, because GA4 drops those names.
 */
export function checkReservedNames(
  name: string | null,
  isPlanned: boolean,
  properties: Record<string, unknown>,
  userProperties: Record<string, unknown> | undefined,
): Violation[] {
  const violations = name === null ? [] : checkEventName(name, isPlanned);
  for (const key of Object.keys(properties)) {
    const prefix = reservedPrefix(key, reservedParameterPrefixes);
    if (prefix === undefined) continue;
    const message = `The parameter "${key}" starts with "${prefix}", which GA4 reserves: rename it.`;
    violations.push(
      reserved(appendPointer('', key), 'error', message, `no "${prefix}" prefix`, key),
    );
  }
  for (const key of Object.keys(userProperties ?? {})) {
    const violation = checkUserPropertyName(key);
    if (violation) violations.push(violation);
  }
  return violations;
}

function checkEventName(name: string, isPlanned: boolean): Violation[] {
  const prefix = reservedPrefix(name, reservedEventPrefixes);
  if (prefix !== undefined) {
    const message = `The event name "${name}" starts with "${prefix}", which GA4 reserves: rename the event.`;
    return [reserved('', 'error', message, `no "${prefix}" prefix`, name)];
  }
  if (isPlanned || !reservedEventNames.has(name)) return [];
  const message = `"${name}" is an event name GA4 reserves and collects itself: plan it if you send it on purpose, or rename your event.`;
  return [reserved('', 'warning', message, 'a name GA4 does not reserve', name)];
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
  return prefixes.find((prefix) => name.startsWith(prefix));
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
