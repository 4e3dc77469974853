import { describeDomNode } from './describe-dom-node.js';
import { describeError } from './describe-error.js';
import { isDomNodeOrWindow } from './is-dom-node-or-window.js';
import type { TransportValue } from './replay-types.js';
import type { ValueTypeName } from './value-type-name.js';

/*
 * The pieces of the transport form that need no walk: markers and primitives for leaves,
 * numbers, names. Shared by the core's `serialiseValue` and the page hook's copy of a push.
 */

/** Objects that become one marker or one primitive, without looking inside; else undefined. */
export function serialiseLeaf(value: object, typeName: ValueTypeName): TransportValue | undefined {
  try {
    if (typeName === 'date') return { $date: dateText(value as Date) };
    if (typeName === 'boolean') return Boolean.prototype.valueOf.call(value);
    if (typeName === 'string') return String.prototype.valueOf.call(value);
    if (typeName === 'number') return serialiseNumber(Number.prototype.valueOf.call(value));
    if (typeName === 'regexp') return { $unclonable: `RegExp ${String(value)}` };
    if (isDomNodeOrWindow(value)) return { $node: describeDomNode(value) };
    return undefined;
  } catch (error) {
    return { $unclonable: `unreadable: ${describeError(error)}` };
  }
}

/** A number, or its marker: JSON has no NaN or Infinity (D16 pushes `Number(undefined)`). */
export function serialiseNumber(value: number): TransportValue {
  return Number.isFinite(value) ? value : { $number: String(value) };
}

function dateText(date: Date): string {
  const time = Date.prototype.getTime.call(date);
  return Number.isNaN(time) ? 'Invalid Date' : new Date(time).toISOString();
}

/** A function's name, empty when it has none or reading it throws. */
export function functionName(value: unknown): string {
  try {
    const { name } = value as { name?: unknown };
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

/** What an object that is not plain is: its tag, and its constructor's name when it differs. */
export function describeInstance(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  try {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' && name !== tag ? `${tag} (${name})` : tag;
  } catch {
    return tag;
  }
}
