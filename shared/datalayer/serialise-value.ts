import { describeError } from './describe-error.js';
import { isPlainObject } from './is-plain-object.js';
import { isOpaqueValue, OpaqueValue } from './opaque-value.js';
import type { TransportObject, TransportValue } from './replay-types.js';
import { setOwnValue } from './set-own-value.js';
import {
  describeInstance,
  functionName,
  serialiseLeaf,
  serialiseNumber,
} from './serialise-leaf.js';
import { TRANSPORT_LIMITS } from './transport-limits.js';
import { valueTypeName } from './value-type-name.js';

interface SerialiseState {
  ancestors: Set<object>;
  nodes: number;
}

/**
 * Turns any in-page or in-model value into JSON-safe transport form. Plain objects and arrays
 * are copied; what JSON cannot carry becomes a marker: `{"$undefined": true}`, `{"$hole": true}`
 * (an empty slot of a sparse array), `{"$arguments": […]}`, `{"$function": "name"}`,
 * `{"$date": "ISO"}`, `{"$node": "a#id.class"}`, `{"$number": "NaN"}`, `{"$bigint": "1"}` and
 * `{"$unclonable": "reason"}` for cycles, throwing getters, class instances and values past
 * the depth or size limits. Never throws.
 */
export function serialiseValue(value: unknown): TransportValue {
  return serialiseAt(value, 0, { ancestors: new Set(), nodes: 0 });
}

function serialiseAt(value: unknown, depth: number, state: SerialiseState): TransportValue {
  state.nodes += 1;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return serialiseNumber(value);
    case 'undefined':
      return { $undefined: true };
    case 'bigint':
      return { $bigint: String(value) };
    case 'symbol':
      return { $unclonable: 'symbol' };
    case 'function':
      return { $function: functionName(value) };
  }
  if (value === null) return null;
  return serialiseObject(value as object, depth, state);
}

function serialiseObject(value: object, depth: number, state: SerialiseState): TransportValue {
  if (isOpaqueValue(value)) return { ...value.marker };
  if (state.ancestors.has(value)) return { $unclonable: 'cycle' };
  if (depth >= TRANSPORT_LIMITS.maxDepth) return { $unclonable: 'depth limit' };
  if (state.nodes > TRANSPORT_LIMITS.maxNodes) return { $unclonable: 'size limit' };

  const typeName = valueTypeName(value);
  const leaf = serialiseLeaf(value, typeName);
  if (leaf !== undefined) return leaf;

  state.ancestors.add(value);
  try {
    if (typeName === 'array') return serialiseList(value as unknown[], depth, state);
    if (typeName === 'arguments') {
      return { $arguments: serialiseList(value as IArguments, depth, state) };
    }
    if (isPlainObject(value)) return serialiseEntries(value, depth, state);
    return { $unclonable: describeInstance(value) };
  } catch (error) {
    return { $unclonable: `unreadable: ${describeError(error)}` };
  } finally {
    state.ancestors.delete(value);
  }
}

function serialiseList(list: ArrayLike<unknown>, depth: number, state: SerialiseState) {
  const items: TransportValue[] = [];
  for (let index = 0; index < list.length; index += 1) {
    if (state.nodes > TRANSPORT_LIMITS.maxNodes) {
      items.push({ $unclonable: 'size limit' });
      break;
    }
    if (!(index in list)) {
      state.nodes += 1;
      items.push({ $hole: true });
      continue;
    }
    items.push(serialiseAt(readProperty(list, String(index)), depth + 1, state));
  }
  return items;
}

function serialiseEntries(source: object, depth: number, state: SerialiseState): TransportObject {
  const copy: TransportObject = {};
  for (const key of Object.keys(source)) {
    setOwnValue(copy, key, serialiseAt(readProperty(source, key), depth + 1, state));
  }
  return copy;
}

function readProperty(source: object, key: string): unknown {
  try {
    return (source as Record<string, unknown>)[key];
  } catch (error) {
    return new OpaqueValue({ $unclonable: `getter threw: ${describeError(error)}` });
  }
}
