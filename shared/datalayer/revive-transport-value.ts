import { createArguments } from './create-arguments.js';
import { describeError } from './describe-error.js';
import { isPlainObject, type PlainObject } from './is-plain-object.js';
import { joinModelPath } from './join-model-path.js';
import { OpaqueValue } from './opaque-value.js';
import { readTransportMarker, type TransportMarker } from './read-transport-marker.js';
import type { ReplayWarning } from './replay-types.js';
import { replayWarning } from './replay-warning.js';
import { setOwnValue } from './set-own-value.js';
import { TRANSPORT_LIMITS } from './transport-limits.js';
import { valueTypeName } from './value-type-name.js';

export interface RevivedValue {
  value: unknown;
  warnings: ReplayWarning[];
}

interface ReviveState {
  warnings: ReplayWarning[];
  ancestors: Set<object>;
}

// Returned for a `{"$hole": true}` marker so the caller leaves the slot empty.
const HOLE = Symbol('hole');

/**
 * Turns a pushed value in transport form into the value GTM would have received: markers
 * become `Arguments` objects, `undefined`, array holes, Dates, numbers JSON cannot hold, or
 * opaque stand-ins for functions and DOM nodes. Plain objects and arrays are copied; other
 * objects (a real Date, a DOM node, a class instance) are kept by reference. Cycles and
 * over-deep values are replaced by `$unclonable` stand-ins with a warning. Never throws.
 */
export function reviveTransportValue(value: unknown): RevivedValue {
  const state: ReviveState = { warnings: [], ancestors: new Set() };
  const revived = reviveAt(value, 0, '', state);
  return { value: revived === HOLE ? undefined : revived, warnings: state.warnings };
}

function reviveAt(value: unknown, depth: number, path: string, state: ReviveState): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (state.ancestors.has(value)) {
    state.warnings.push(
      replayWarning('transport_cycle', 'A value contains itself.', { key: path }),
    );
    return new OpaqueValue({ $unclonable: 'cycle' });
  }
  if (depth >= TRANSPORT_LIMITS.maxDepth) {
    const message = `Nesting deeper than ${TRANSPORT_LIMITS.maxDepth} levels was cut.`;
    state.warnings.push(replayWarning('transport_too_deep', message, { key: path }));
    return new OpaqueValue({ $unclonable: 'depth limit' });
  }

  const typeName = valueTypeName(value);
  if (typeName !== 'array' && typeName !== 'arguments' && !isPlainObject(value)) return value;

  state.ancestors.add(value);
  try {
    if (typeName === 'array') return reviveArray(value as unknown[], depth, path, state);
    if (typeName === 'arguments') return reviveArguments(value as IArguments, depth, path, state);
    const marker = readTransportMarker(value);
    if (marker) return reviveMarker(marker, depth, path, state);
    return reviveObject(value as PlainObject, depth, path, state);
  } finally {
    state.ancestors.delete(value);
  }
}

function reviveArray(source: unknown[], depth: number, path: string, state: ReviveState) {
  const copy: unknown[] = [];
  // Own keys, not 0…length, so a huge sparse array costs only what it holds.
  for (const key of Object.keys(source)) {
    const item = reviveAt(readProperty(source, key), depth + 1, joinModelPath(path, key), state);
    if (item !== HOLE) setOwnValue(copy, key, item);
  }
  copy.length = source.length;
  return copy;
}

function reviveObject(source: PlainObject, depth: number, path: string, state: ReviveState) {
  const copy: PlainObject = {};
  for (const key of Object.keys(source)) {
    const childPath = path === '' ? key : joinModelPath(path, key);
    const item = reviveAt(readProperty(source, key), depth + 1, childPath, state);
    if (item !== HOLE) setOwnValue(copy, key, item);
  }
  return copy;
}

function reviveArguments(
  source: ArrayLike<unknown>,
  depth: number,
  path: string,
  state: ReviveState,
) {
  const length = Number(readProperty(source, 'length'));
  if (!(length <= TRANSPORT_LIMITS.maxArguments)) {
    const message = `An arguments object with ${length} values was not rebuilt.`;
    state.warnings.push(replayWarning('transport_too_deep', message, { key: path }));
    return new OpaqueValue({ $unclonable: `arguments object with ${length} values` });
  }

  const revived: unknown[] = [];
  for (let index = 0; index < length; index += 1) {
    const item = readProperty(source, String(index));
    const value = reviveAt(item, depth + 1, joinModelPath(path, index), state);
    revived.push(value === HOLE ? undefined : value);
  }
  return createArguments(revived);
}

function reviveMarker(marker: TransportMarker, depth: number, path: string, state: ReviveState) {
  switch (marker.kind) {
    case 'arguments':
      return reviveArguments(marker.values, depth, path, state);
    case 'undefined':
      return undefined;
    case 'hole':
      return HOLE;
    case 'function':
      return new OpaqueValue({ $function: marker.name });
    case 'node':
      return new OpaqueValue({ $node: marker.summary });
    case 'unclonable':
      return new OpaqueValue({ $unclonable: marker.reason });
    case 'date':
      return reviveDate(marker.text, path, state);
    case 'number':
      return reviveNumber(marker.text, path, state);
    case 'bigint':
      return reviveBigInt(marker.text, path, state);
  }
}

function reviveDate(text: string, path: string, state: ReviveState): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    const message = `"${text}" is not a date; it was kept as an invalid Date.`;
    state.warnings.push(
      replayWarning('transport_marker_invalid', message, { key: path, severity: 'info' }),
    );
  }
  return date;
}

const SPECIAL_NUMBERS = new Map([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
]);

function reviveNumber(text: string, path: string, state: ReviveState): unknown {
  const number = SPECIAL_NUMBERS.get(text);
  if (number !== undefined) return number;

  const message = `"${text}" is not NaN, Infinity or -Infinity; the marker was kept as an object.`;
  state.warnings.push(replayWarning('transport_marker_invalid', message, { key: path }));
  return { $number: text };
}

function reviveBigInt(text: string, path: string, state: ReviveState): unknown {
  if (/^-?\d{1,4000}$/.test(text) && typeof BigInt === 'function') return BigInt(text);

  const message = `"${text}" is not an integer; the BigInt marker was kept as an opaque value.`;
  state.warnings.push(replayWarning('transport_marker_invalid', message, { key: path }));
  return new OpaqueValue({ $bigint: text });
}

function readProperty(source: object, key: string): unknown {
  try {
    return (source as Record<string, unknown>)[key];
  } catch (error) {
    return new OpaqueValue({ $unclonable: `getter threw: ${describeError(error)}` });
  }
}
