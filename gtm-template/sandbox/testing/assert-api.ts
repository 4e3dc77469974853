import { toStringValue } from '../interpreter/conversions.js';
import { deepEqual } from '../interpreter/deep-equal.js';
import { formatValue } from '../interpreter/format-value.js';
import type { Machine } from '../interpreter/machine.js';
import { createRecord, NativeFunction, type SandboxValue } from '../interpreter/sandbox-values.js';
import type { RecordedCall } from '../runtime/api-resolver.js';

/**
 * `assertApi(name)` with wasCalled, wasNotCalled, wasCalledWith and wasNotCalledWith over the
 * calls the template made (reference §4.2): top-level API calls and the gtmOnSuccess /
 * gtmOnFailure pseudo-APIs, arguments compared by value and callbacks by identity.
 */
export function createAssertApi(machine: Machine, calls: readonly RecordedCall[]): NativeFunction {
  return new NativeFunction('assertApi', ([nameValue]) => {
    const name = toStringValue(nameValue);
    const callsOf = () => calls.filter((call) => call.api === name).map((call) => call.args);
    const fail = (message: string) => {
      throw machine.error('assertion', message);
    };
    const subject = createRecord();
    subject.wasCalled = new NativeFunction('wasCalled', () => {
      if (callsOf().length === 0)
        fail(`expected ${name} to have been called, but it was not called`);
      return undefined;
    });
    subject.wasNotCalled = new NativeFunction('wasNotCalled', () => {
      const made = callsOf();
      if (made.length > 0)
        fail(`expected ${name} not to have been called, but it was called ${describeCalls(made)}`);
      return undefined;
    });
    subject.wasCalledWith = new NativeFunction('wasCalledWith', (expected) => {
      const made = callsOf();
      if (!made.some((args) => argumentsMatch(args, expected))) {
        const found =
          made.length === 0 ? 'it was not called' : `it was called ${describeCalls(made)}`;
        fail(`expected ${name} to have been called with ${formatValue(expected)}, but ${found}`);
      }
      return undefined;
    });
    subject.wasNotCalledWith = new NativeFunction('wasNotCalledWith', (expected) => {
      if (callsOf().some((args) => argumentsMatch(args, expected))) {
        fail(`expected ${name} not to have been called with ${formatValue(expected)}, but it was`);
      }
      return undefined;
    });
    return subject;
  });
}

// Trailing undefined arguments do not count: `f(a)` and `f(a, undefined)` are the same call.
function argumentsMatch(actual: SandboxValue[], expected: SandboxValue[]): boolean {
  return deepEqual(withoutTrailingUndefined(actual), withoutTrailingUndefined(expected));
}

function withoutTrailingUndefined(args: SandboxValue[]): SandboxValue[] {
  let length = args.length;
  while (length > 0 && args[length - 1] === undefined) length--;
  return args.slice(0, length);
}

function describeCalls(made: SandboxValue[][]): string {
  const shown = made.slice(0, 5).map((args) => formatValue(args));
  const more = made.length > 5 ? `, and ${made.length - 5} more` : '';
  return `${made.length} time${made.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`;
}
