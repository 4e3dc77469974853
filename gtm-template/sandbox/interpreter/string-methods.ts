import { toNumberValue, toStringValue } from './conversions.js';
import type { Machine } from './machine.js';
import { isCallable, OpaqueHandle, type SandboxValue } from './sandbox-values.js';

export type Method<Receiver> = (
  machine: Machine,
  receiver: Receiver,
  args: SandboxValue[],
) => SandboxValue;

/**
 * String methods sandboxed code may call: the standard library's list (reference §2.4) plus
 * `startsWith` and `hasOwnProperty`, which published templates use. Every other name reads as
 * undefined.
 */
export const stringMethods = new Map<string, Method<string>>([
  ['charAt', (_machine, text, args) => text.charAt(integerArgument(args[0]))],
  [
    'concat',
    (machine, text, args) =>
      machine.checkString(text.concat(...args.map((arg) => toStringValue(arg)))),
  ],
  [
    'indexOf',
    (_machine, text, args) => text.indexOf(toStringValue(args[0]), integerArgument(args[1])),
  ],
  ['lastIndexOf', (_machine, text, args) => lastIndexOf(text, args)],
  ['match', (_machine, text, args) => matchPattern(text, args[0])],
  ['replace', (machine, text, args) => replace(machine, text, args)],
  ['search', (_machine, text, args) => text.search(toPattern(args[0]))],
  [
    'slice',
    (_machine, text, args) => text.slice(optionalInteger(args[0]), optionalInteger(args[1])),
  ],
  ['split', (machine, text, args) => split(machine, text, args)],
  [
    'substring',
    (_machine, text, args) => text.substring(integerArgument(args[0]), optionalInteger(args[1])),
  ],
  ['toLowerCase', (_machine, text) => text.toLowerCase()],
  ['toLocaleLowerCase', (_machine, text) => text.toLocaleLowerCase()],
  ['toString', (_machine, text) => text],
  ['toUpperCase', (_machine, text) => text.toUpperCase()],
  ['toLocaleUpperCase', (_machine, text) => text.toLocaleUpperCase()],
  ['trim', (_machine, text) => text.trim()],
  [
    'startsWith',
    (_machine, text, args) => text.startsWith(toStringValue(args[0]), integerArgument(args[1])),
  ],
  ['hasOwnProperty', (_machine, text, args) => stringHasOwn(text, toStringValue(args[0]))],
]);

function integerArgument(value: SandboxValue): number {
  return value === undefined ? 0 : toNumberValue(value);
}

function optionalInteger(value: SandboxValue): number | undefined {
  return value === undefined ? undefined : toNumberValue(value);
}

function lastIndexOf(text: string, args: SandboxValue[]): number {
  const search = toStringValue(args[0]);
  return args[1] === undefined
    ? text.lastIndexOf(search)
    : text.lastIndexOf(search, toNumberValue(args[1]));
}

// A string pattern is a regular expression for match/search, as in JavaScript; a server regex
// from createRegex arrives as an opaque handle around the host RegExp.
function toPattern(value: SandboxValue): RegExp | string {
  if (value instanceof OpaqueHandle && value.host instanceof RegExp) return value.host;
  return value === undefined ? '' : toStringValue(value);
}

function matchPattern(text: string, pattern: SandboxValue): SandboxValue {
  const found = text.match(toPattern(pattern));
  return found === null ? null : Array.from(found, (part) => part);
}

function replace(machine: Machine, text: string, args: SandboxValue[]): string {
  const pattern =
    args[0] instanceof OpaqueHandle && args[0].host instanceof RegExp
      ? args[0].host
      : toStringValue(args[0]);
  const replacement = args[1];
  if (isCallable(replacement)) {
    const replaced = text.replace(pattern, (...parts: unknown[]) => {
      const sandboxParts = parts.map((part) =>
        typeof part === 'string' || typeof part === 'number' ? part : undefined,
      );
      return toStringValue(machine.call(replacement, sandboxParts));
    });
    return machine.checkString(replaced);
  }
  return machine.checkString(text.replace(pattern, toStringValue(replacement)));
}

function split(machine: Machine, text: string, args: SandboxValue[]): SandboxValue[] {
  if (args[0] === undefined) return [text];
  const limit = args[1] === undefined ? undefined : toNumberValue(args[1]) >>> 0;
  const separator =
    args[0] instanceof OpaqueHandle && args[0].host instanceof RegExp
      ? args[0].host
      : toStringValue(args[0]);
  const bound = Math.min(limit ?? Infinity, machine.limits.maxArrayLength + 1);
  const parts = text.split(separator, bound);
  machine.checkArrayLength(parts.length);
  machine.charge(parts.length);
  return parts;
}

function stringHasOwn(text: string, key: string): boolean {
  if (key === 'length') return true;
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && index < text.length && String(index) === key;
}
