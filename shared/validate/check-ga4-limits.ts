import type { Violation } from '../events/event-types.js';
import { appendPointer } from '../plan/json-pointer.js';
import { countCharacters, exceedsCharacters } from './count-characters.js';
import { ga4Limits, longValueLimits } from './ga4-rules.js';
import type { ParameterNameFacts } from './parameter-name-facts.js';

// `ga4_limit` errors: names, values and counts past what GA4 collects (ga4-protocol.md §7).
// GA4 truncates or drops what exceeds them, so the data would be lost. Each function adds its
// findings to `violations`; parameters are visited by the one pass over their names
// (`checkNames`), which calls the parameter and item functions here.

/** The parts of an event GA4's limits apply to beyond its parameters. */
export interface LimitSubject {
  userProperties?: Record<string, unknown>;
  userId?: string;
  urls?: Record<string, string>;
}

/** The event name's length and the number of parameters (`items` not counted). */
export function checkEventLimits(
  name: string | null,
  parameterCount: number,
  violations: Violation[],
): void {
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
  if (parameterCount > ga4Limits.parametersPerEvent) {
    violations.push(
      limit(
        '',
        `${event} has ${parameterCount} parameters; GA4 keeps at most ${ga4Limits.parametersPerEvent}: send fewer.`,
        ga4Limits.parametersPerEvent,
        parameterCount,
      ),
    );
  }
}

/**
 * One parameter's name and value length. `itemIndex` says the parameter belongs to that item;
 * the path is only built when there is something to report.
 */
export function checkParameterLimits(
  key: string,
  value: unknown,
  facts: ParameterNameFacts,
  itemIndex: number | undefined,
  event: string,
  violations: Violation[],
): void {
  if (facts.isTooLong) {
    violations.push(
      tooLong(
        parameterPath(key, itemIndex),
        `The parameter name "${key.slice(0, 40)}…" in ${event}`,
        countCharacters(key),
        ga4Limits.parameterNameLength,
        'shorten the name',
      ),
    );
  }
  if (typeof value !== 'string' || value.length <= ga4Limits.parameterValueLength) return;
  if (exceedsCharacters(value, facts.valueLimit)) {
    violations.push(
      tooLong(
        parameterPath(key, itemIndex),
        `The value of "${key}" in ${event}`,
        countCharacters(value),
        facts.valueLimit,
        'GA4 cuts the rest; send a shorter value',
      ),
    );
  }
}

/** The number of items, checked before the items' parameters. */
export function checkItemCount(items: unknown[], event: string, violations: Violation[]): void {
  if (items.length <= ga4Limits.itemsPerEvent) return;
  violations.push(
    limit(
      '/items',
      `${event} has ${items.length} items; GA4 keeps at most ${ga4Limits.itemsPerEvent}: split the event.`,
      ga4Limits.itemsPerEvent,
      items.length,
    ),
  );
}

/** The number of distinct custom item parameters, checked after the items' parameters. */
export function checkCustomItemCount(count: number, event: string, violations: Violation[]): void {
  if (count <= ga4Limits.customItemParametersPerEvent) return;
  violations.push(
    limit(
      '/items',
      `The items of ${event} use ${count} custom parameters; GA4 keeps at most ${ga4Limits.customItemParametersPerEvent}: drop some.`,
      ga4Limits.customItemParametersPerEvent,
      count,
    ),
  );
}

/**
 * User property names and values, the user id, and the page URLs. Paths and messages are
 * built only for a finding: building them for every URL of every event was a seventh of the
 * time spent on a bare page_view.
 */
export function checkUserDataLimits(subject: LimitSubject, violations: Violation[]): void {
  const { userProperties, userId, urls } = subject;
  if (userProperties) checkUserProperties(userProperties, violations);
  if (typeof userId === 'string' && exceedsCharacters(userId, ga4Limits.userIdLength)) {
    const length = countCharacters(userId);
    violations.push(
      tooLong('/user_id', 'The user id', length, ga4Limits.userIdLength, 'send a shorter id'),
    );
  }
  if (urls) checkUrls(urls, violations);
}

function checkUserProperties(
  userProperties: Record<string, unknown>,
  violations: Violation[],
): void {
  const { userPropertyNameLength: nameLimit, userPropertyValueLength: valueLimit } = ga4Limits;
  for (const key of Object.keys(userProperties)) {
    const value = userProperties[key];
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    const isNameLong = exceedsCharacters(key, nameLimit);
    const isValueLong = exceedsCharacters(text, valueLimit);
    if (!isNameLong && !isValueLong) continue;
    const path = appendPointer('/user_properties', key);
    if (isNameLong) {
      const subject = `The user property name "${key}"`;
      violations.push(tooLong(path, subject, countCharacters(key), nameLimit, 'shorten the name'));
    }
    if (isValueLong) {
      const subject = `The value of user property "${key}"`;
      const length = countCharacters(text);
      violations.push(tooLong(path, subject, length, valueLimit, 'send a shorter value'));
    }
  }
}

function checkUrls(urls: Record<string, string>, violations: Violation[]): void {
  for (const name of Object.keys(urls)) {
    const url = urls[name];
    const maximum = Object.hasOwn(longValueLimits, name) ? longValueLimits[name] : undefined;
    if (maximum === undefined || typeof url !== 'string' || !exceedsCharacters(url, maximum))
      continue;
    const length = countCharacters(url);
    violations.push(
      tooLong(appendPointer('', name), `The ${name}`, length, maximum, 'GA4 cuts the rest'),
    );
  }
}

function parameterPath(key: string, itemIndex: number | undefined): string {
  return itemIndex === undefined
    ? appendPointer('', key)
    : appendPointer(`/items/${itemIndex}`, key);
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
