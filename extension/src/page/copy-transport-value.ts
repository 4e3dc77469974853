import { describeError } from '../../../shared/datalayer/describe-error.js';
import { isPlainObject } from '../../../shared/datalayer/is-plain-object.js';
import type { TransportObject, TransportValue } from '../../../shared/datalayer/replay-types.js';
import {
  describeInstance,
  functionName,
  serialiseLeaf,
  serialiseNumber,
} from '../../../shared/datalayer/serialise-leaf.js';
import { TRANSPORT_LIMITS } from '../../../shared/datalayer/transport-limits.js';
import { valueTypeName, type ValueTypeName } from '../../../shared/datalayer/value-type-name.js';
import { setEntry } from '../../../shared/text/set-entry.js';
import { intrinsics } from './page-intrinsics.js';

interface CopyState {
  /** The objects being copied, outermost first: a value met again among them is a cycle. */
  ancestors: object[];
  nodes: number;
  /**
   * True when `Object.prototype` is as the page found it (its constructor an `Object`, no
   * enumerable keys), so an object inheriting straight from it is plain without asking more.
   */
  isObjectPrototypeIntact: boolean;
}

const objectPrototype = Object.prototype;

/**
 * The core's transport form of a pushed value (`serialiseValue`), copied with the checks an
 * ordinary push needs. It gives the same copy as `serialiseValue` for every value that is no
 * proxy (a property-based test holds it to that), but an object whose prototype is
 * `Object.prototype` or `null` is known plain without `isPlainObject`'s further reads, which
 * are most of the cost of copying a push. Reads each property once. Never throws.
 */
export function copyTransportValue(value: unknown): TransportValue {
  const state: CopyState = { ancestors: [], nodes: 0, isObjectPrototypeIntact: false };
  state.isObjectPrototypeIntact = isPlainObject({});
  return copyAt(value, 0, state);
}

function copyAt(value: unknown, depth: number, state: CopyState): TransportValue {
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
      return { $bigint: `${value}` };
    case 'symbol':
      return { $unclonable: 'symbol' };
    case 'function':
      return { $function: functionName(value) };
  }
  if (value === null) return null;
  return copyObject(value as object, depth, state);
}

function copyObject(value: object, depth: number, state: CopyState): TransportValue {
  if (isAncestor(state.ancestors, value)) return { $unclonable: 'cycle' };
  if (depth >= TRANSPORT_LIMITS.maxDepth) return { $unclonable: 'depth limit' };
  if (state.nodes > TRANSPORT_LIMITS.maxNodes) return { $unclonable: 'size limit' };

  const typeName = valueTypeName(value);
  const leaf = serialiseLeaf(value, typeName);
  if (leaf !== undefined) return leaf;

  state.ancestors[state.ancestors.length] = value;
  try {
    if (typeName === 'array') return copyList(value as unknown[], depth, state);
    if (typeName === 'arguments')
      return { $arguments: copyList(value as IArguments, depth, state) };
    if (isPlain(value, typeName, state)) return copyEntries(value, depth, state);
    return { $unclonable: describeInstance(value) };
  } catch (error) {
    return { $unclonable: `unreadable: ${describeError(error)}` };
  } finally {
    state.ancestors.length -= 1;
  }
}

function isAncestor(ancestors: object[], value: object): boolean {
  for (let index = ancestors.length - 1; index >= 0; index -= 1) {
    if (ancestors[index] === value) return true;
  }
  return false;
}

// `serialiseLeaf` has already told DOM nodes apart; what is left for `isPlainObject` is the
// prototype, which settles it for the two prototypes literal objects have.
function isPlain(value: object, typeName: ValueTypeName, state: CopyState): boolean {
  if (typeName !== 'object') return false;
  const prototype = prototypeOf(value);
  if (prototype === null) return true;
  if (prototype === objectPrototype && state.isObjectPrototypeIntact) return true;
  return isPlainObject(value);
}

/** The prototype, or undefined when it cannot be read (a revoked proxy). */
function prototypeOf(value: object): unknown {
  try {
    return intrinsics.getPrototypeOf(value);
  } catch {
    return undefined;
  }
}

// `list.length` is read before every item, as `serialiseValue` reads it.
function copyList(list: ArrayLike<unknown>, depth: number, state: CopyState): TransportValue[] {
  const items: TransportValue[] = [];
  for (let index = 0; index < list.length; index += 1) {
    if (state.nodes > TRANSPORT_LIMITS.maxNodes) {
      items[index] = { $unclonable: 'size limit' };
      break;
    }
    if (!(index in list)) {
      state.nodes += 1;
      items[index] = { $hole: true };
      continue;
    }
    items[index] = copyProperty(list, `${index}`, depth, state);
  }
  return items;
}

function copyEntries(source: object, depth: number, state: CopyState): TransportObject {
  const copy: TransportObject = {};
  const keys = intrinsics.keys(source);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    setEntry(copy, key, copyProperty(source, key, depth, state));
  }
  return copy;
}

/** One property, read once; a getter that throws becomes a marker in its place. */
function copyProperty(source: object, key: string, depth: number, state: CopyState) {
  let value: unknown;
  try {
    value = (source as Record<string, unknown>)[key];
  } catch (error) {
    state.nodes += 1;
    return { $unclonable: `getter threw: ${describeError(error)}` };
  }
  return copyAt(value, depth + 1, state);
}
