import type { Violation } from '../events/event-types.js';
import { appendPointer } from '../plan/json-pointer.js';
import { countCharacters, exceedsCharacters } from './count-characters.js';
import { ga4Limits, longValueLimits, standardItemFields } from './ga4-rules.js';

/** The parts of an event GA4's limits apply to. */
export interface LimitSubject {
  name: string | null;
  properties: Record<string, unknown>;
  userProperties?: Record<string, unknown>;
  userId?: string;
  urls?: Record<string, string>;
}

/**
 * `ga4_limit` errors: names, values and counts past what GA4 collects (ga4-protocol.md §7).
 * GA4 truncates or drops what exceeds them, so the data would be lost.
 */
export function checkGa4Limits(subject: LimitSubject): Violation[] {
  const violations: Violation[] = [];
  const { name, properties } = subject;
  const event = name ?? 'this event';
  if (name !== null && exceedsCharacters(name, ga4Limits.eventNameLength)) {
    violations.push(
      tooLong(
        '',
        `The event name "${name.slice(0, 40)}…"`,
        countCharacters(name),
        ga4Limits.eventNameLength,
        'shorten the event name',
      ),
    );
  }

  const parameterNames = Object.keys(properties).filter((key) => key !== 'items');
  if (parameterNames.length > ga4Limits.parametersPerEvent) {
    violations.push(
      limit(
        '',
        `${event} has ${parameterNames.length} parameters; GA4 keeps at most ${ga4Limits.parametersPerEvent}: send fewer.`,
        ga4Limits.parametersPerEvent,
        parameterNames.length,
      ),
    );
  }
  for (const key of parameterNames) checkParameter(key, properties[key], '', event, violations);
  checkItems(properties['items'], event, violations);
  checkUserData(subject, violations);
  return violations;
}

// `parent` is the pointer of the object holding the parameter; the parameter's own path is
// only built when there is something to report.
function checkParameter(
  key: string,
  value: unknown,
  parent: string,
  event: string,
  violations: Violation[],
): void {
  if (exceedsCharacters(key, ga4Limits.parameterNameLength)) {
    violations.push(
      tooLong(
        appendPointer(parent, key),
        `The parameter name "${key.slice(0, 40)}…" in ${event}`,
        countCharacters(key),
        ga4Limits.parameterNameLength,
        'shorten the name',
      ),
    );
  }
  if (typeof value !== 'string' || value.length <= ga4Limits.parameterValueLength) return;
  const maximum = Object.hasOwn(longValueLimits, key)
    ? (longValueLimits[key] ?? ga4Limits.parameterValueLength)
    : ga4Limits.parameterValueLength;
  if (exceedsCharacters(value, maximum)) {
    violations.push(
      tooLong(
        appendPointer(parent, key),
        `The value of "${key}" in ${event}`,
        countCharacters(value),
        maximum,
        'GA4 cuts the rest; send a shorter value',
      ),
    );
  }
}

function checkItems(items: unknown, event: string, violations: Violation[]): void {
  if (!Array.isArray(items)) return;
  if (items.length > ga4Limits.itemsPerEvent) {
    violations.push(
      limit(
        '/items',
        `${event} has ${items.length} items; GA4 keeps at most ${ga4Limits.itemsPerEvent}: split the event.`,
        ga4Limits.itemsPerEvent,
        items.length,
      ),
    );
  }
  const customNames = new Set<string>();
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
    const record = item as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (!standardItemFields.has(key)) customNames.add(key);
      checkParameter(key, record[key], `/items/${index}`, event, violations);
    }
  });
  if (customNames.size > ga4Limits.customItemParametersPerEvent) {
    violations.push(
      limit(
        '/items',
        `The items of ${event} use ${customNames.size} custom parameters; GA4 keeps at most ${ga4Limits.customItemParametersPerEvent}: drop some.`,
        ga4Limits.customItemParametersPerEvent,
        customNames.size,
      ),
    );
  }
}

function checkUserData(subject: LimitSubject, violations: Violation[]): void {
  const { userPropertyNameLength, userPropertyValueLength, userIdLength } = ga4Limits;
  for (const [key, value] of Object.entries(subject.userProperties ?? {})) {
    const path = appendPointer('/user_properties', key);
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    pushIfTooLong(
      violations,
      key,
      userPropertyNameLength,
      path,
      `The user property name "${key}"`,
      'shorten the name',
    );
    pushIfTooLong(
      violations,
      text,
      userPropertyValueLength,
      path,
      `The value of user property "${key}"`,
      'send a shorter value',
    );
  }
  if (typeof subject.userId === 'string') {
    pushIfTooLong(
      violations,
      subject.userId,
      userIdLength,
      '/user_id',
      'The user id',
      'send a shorter id',
    );
  }
  for (const [name, url] of Object.entries(subject.urls ?? {})) {
    const maximum = Object.hasOwn(longValueLimits, name) ? longValueLimits[name] : undefined;
    if (maximum === undefined || typeof url !== 'string') continue;
    pushIfTooLong(
      violations,
      url,
      maximum,
      appendPointer('', name),
      `The ${name}`,
      'GA4 cuts the rest',
    );
  }
}

function pushIfTooLong(
  violations: Violation[],
  text: string,
  maximum: number,
  path: string,
  subject: string,
  fix: string,
): void {
  if (exceedsCharacters(text, maximum))
    violations.push(tooLong(path, subject, countCharacters(text), maximum, fix));
}

function tooLong(
  path: string,
  subject: string,
  length: number,
  maximum: number,
  fix: string,
): Violation {
  return limit(
    path,
    `${subject} is ${length} characters; GA4 accepts at most ${maximum}: ${fix}.`,
    maximum,
    length,
  );
}

function limit(path: string, message: string, maximum: number, actual: number): Violation {
  return { code: 'ga4_limit', severity: 'error', path, message, expected: { maximum }, actual };
}
