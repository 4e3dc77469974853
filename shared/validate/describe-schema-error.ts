import type { OutputUnit } from '@cfworker/json-schema';
import type { Violation, ViolationCode } from '../events/event-types.js';
import { describePath } from './describe-path.js';
import { safeActual, showValue } from './safe-actual.js';

/** Everything known about one schema error, for its message. */
export interface LeafDetails {
  path: string;
  /** The schema object holding the failed keyword. */
  holder: Record<string, unknown>;
  value: unknown;
  subject: { eventName: string };
  error: OutputUnit;
  key?: string;
  trigger?: string;
  alternatives?: string[];
}

interface Description {
  message: string;
  expected?: unknown;
  actual?: unknown;
}

/** `where` is the quoted property path, `event` the event name. */
type Describer = (where: string, event: string, details: LeafDetails) => Description;

/** The violation for one leaf schema error: what is wrong, where, and what to send instead. */
export function describeLeaf(
  code: ViolationCode,
  keyword: string,
  details: LeafDetails,
): Violation {
  const where = `"${describePath(details.path)}"`;
  const describer = Object.hasOwn(describers, keyword) ? describers[keyword] : undefined;
  const { message, expected, actual } = (describer ?? describeOther(keyword))(
    where,
    details.subject.eventName,
    details,
  );
  const violation: Violation = { code, severity: 'error', path: details.path, message };
  if (expected !== undefined) violation.expected = expected;
  if (actual !== undefined) violation.actual = actual;
  return violation;
}

/**
 * The violation for one missing required property: `path` ends with the property's name,
 * `key`. The same as `describeLeaf('missing_required', 'required', …)` builds.
 */
export function missingRequiredViolation(path: string, eventName: string, key: string): Violation {
  const where = `"${describePath(path)}"`;
  return {
    code: 'missing_required',
    severity: 'error',
    path,
    message: requiredMessage(where, eventName),
    expected: key,
  };
}

function requiredMessage(where: string, event: string): string {
  return `${where} is required in ${event} but missing: send it with every ${event}.`;
}

const describers: Record<string, Describer> = {
  required: (where, event, { key }) => ({ message: requiredMessage(where, event), expected: key }),
  dependentRequired: (where, event, { trigger, key, error }) =>
    trigger === undefined
      ? { message: `${where} in ${event}: ${error.error}` }
      : {
          message: `${where} is required in ${event} when "${trigger}" is sent: add it, or leave out "${trigger}".`,
          expected: key,
        },
  'anyOf-required': (where, event, { alternatives = [] }) => ({
    message: `${where} in ${event} needs at least one of ${alternatives.map((name) => `"${name}"`).join(' or ')}: send one of them.`,
    expected: alternatives,
  }),
  type: (where, event, { holder, value }) => {
    const type = holder['type'];
    const expected = Array.isArray(type) ? type.map(String) : String(type);
    const wanted = Array.isArray(expected) ? expected.join(' or ') : expected;
    const found = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    return {
      message: `${where} in ${event} is ${article(found)} ${found} (${showValue(value)}) but the plan expects ${article(wanted)} ${wanted}: send ${article(wanted)} ${wanted}.`,
      expected,
      actual: safeActual(value),
    };
  },
  enum: (where, event, { holder, value }) => ({
    message: `${where} in ${event} is ${showValue(value)}, which the plan does not allow: use one of ${listValues(holder['enum'])}.`,
    expected: holder['enum'],
    actual: safeActual(value),
  }),
  const: (where, event, { holder, value }) => ({
    message: `${where} in ${event} is ${showValue(value)} but must be exactly ${JSON.stringify(holder['const'])}.`,
    expected: holder['const'],
    actual: safeActual(value),
  }),
  pattern: (where, event, { holder, value }) => ({
    message: `${where} in ${event} is ${showValue(value)}, which does not match the pattern ${String(holder['pattern'])}: send a value matching it.`,
    expected: holder['pattern'],
    actual: safeActual(value),
  }),
  format: (where, event, { holder, value }) => ({
    message: `${where} in ${event} is ${showValue(value)}, which is not a valid ${String(holder['format'])}.`,
    expected: `format: ${String(holder['format'])}`,
    actual: safeActual(value),
  }),
  false: (where, event) => ({
    message: `${where} is not in the plan for ${event}: add it to the plan, or stop sending it.`,
  }),
  not: (where, event, { value }) => ({
    message: `${where} in ${event} has a shape the plan forbids ("not"): change the value.`,
    actual: safeActual(value),
  }),
  anyOf: (where, event, { value }) => noAlternative(where, event, 'anyOf', value),
  oneOf: (where, event, { error, value }) => {
    const matches = Number(/\((\d+) matches\)/.exec(error.error)?.[1] ?? 0);
    if (matches <= 1) return noAlternative(where, event, 'oneOf', value);
    return {
      message: `${where} in ${event} matches ${matches} of the plan's alternatives ("oneOf"), but must match exactly one.`,
      expected: 'oneOf',
      actual: safeActual(value),
    };
  },
  minimum: (where, event, details) =>
    bound(
      where,
      event,
      details,
      'minimum',
      (value, limit) => `${value}, below the minimum ${limit}: send ${limit} or more.`,
    ),
  maximum: (where, event, details) =>
    bound(
      where,
      event,
      details,
      'maximum',
      (value, limit) => `${value}, above the maximum ${limit}: send ${limit} or less.`,
    ),
  exclusiveMinimum: (where, event, details) =>
    bound(
      where,
      event,
      details,
      'exclusiveMinimum',
      (value, limit) => `${value} but must be more than ${limit}.`,
    ),
  exclusiveMaximum: (where, event, details) =>
    bound(
      where,
      event,
      details,
      'exclusiveMaximum',
      (value, limit) => `${value} but must be less than ${limit}.`,
    ),
  minLength: (where, event, details) =>
    size(where, event, details, 'minLength', 'characters long', 'at least'),
  maxLength: (where, event, details) =>
    size(where, event, details, 'maxLength', 'characters long', 'at most'),
  minItems: (where, event, details) =>
    size(where, event, details, 'minItems', 'elements', 'at least'),
  maxItems: (where, event, details) =>
    size(where, event, details, 'maxItems', 'elements', 'at most'),
};

function bound(
  where: string,
  event: string,
  { holder, value }: LeafDetails,
  keyword: string,
  text: (value: string, limit: string) => string,
): Description {
  const limit = holder[keyword];
  return {
    message: `${where} in ${event} is ${text(showValue(value), String(limit))}`,
    expected: { [keyword]: limit },
    actual: value,
  };
}

function size(
  where: string,
  event: string,
  { holder, value }: LeafDetails,
  keyword: string,
  unit: string,
  limitWord: string,
): Description {
  const limit = holder[keyword];
  const actual =
    typeof value === 'string' ? Array.from(value).length : Array.isArray(value) ? value.length : 0;
  const measured = unit === 'elements' ? `has ${actual} elements` : `is ${actual} ${unit}`;
  return {
    message: `${where} in ${event} ${measured}; the plan allows ${limitWord} ${String(limit)}.`,
    expected: { [keyword]: limit },
    actual,
  };
}

function noAlternative(where: string, event: string, keyword: string, value: unknown): Description {
  return {
    message: `${where} in ${event} matches none of the plan's alternatives ("${keyword}"): change it to match one.`,
    expected: keyword,
    actual: safeActual(value),
  };
}

function describeOther(keyword: string): Describer {
  return (where, event, { error, value }) => ({
    message: `${where} in ${event} breaks the plan's "${keyword}" rule: ${error.error}`,
    expected: keyword,
    actual: safeActual(value),
  });
}

function listValues(values: unknown): string {
  if (!Array.isArray(values)) return 'the listed values';
  const shown = values
    .slice(0, 10)
    .map((item) => JSON.stringify(item))
    .join(', ');
  return values.length > 10 ? `${shown}, …` : shown;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
