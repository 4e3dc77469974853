import type { Program } from 'acorn';
import type { ParsedTemplate, PermissionChecker } from '../contract.js';
import { cloneValue } from '../interpreter/clone-value.js';
import type { CodeSource } from '../interpreter/code-source.js';
import { toStringValue } from '../interpreter/conversions.js';
import { SandboxError } from '../interpreter/sandbox-error.js';
import {
  createRecord,
  isCallable,
  isRecord,
  NativeFunction,
  type SandboxValue,
} from '../interpreter/sandbox-values.js';
import { ApiResolver } from '../runtime/api-resolver.js';
import type { Realm } from '../runtime/realm.js';
import { createAssertApi } from './assert-api.js';
import { createAssertThat } from './assert-that.js';
import { testRequireNames } from './test-require-names.js';

/** The template as a scenario runs it: parsed once, or the syntax error every runCode raises. */
export type CompiledTemplate =
  | { ok: true; template: ParsedTemplate; program: Program; source: CodeSource }
  | { ok: false; template: ParsedTemplate; error: SandboxError };

// Test code is not subject to the template's permissions.
const allowEverything: PermissionChecker = { assert: () => undefined, query: () => true };

/**
 * The globals of a scenario (reference §4.2): runCode, mock, mockObject, assertApi, assertThat,
 * fail and the test-code require, all bound to one fresh realm.
 */
export function createTestGlobals(
  realm: Realm,
  compiled: CompiledTemplate,
): Record<string, SandboxValue> {
  const { machine, resolver } = realm;
  const testApis = new ApiResolver(
    realm.options.apis,
    realm.options.context,
    realm.createEnvironment(allowEverything),
    realm.boundary,
    machine,
  );

  return {
    runCode: new NativeFunction('runCode', ([data]) => runCode(realm, compiled, data)),
    mock: new NativeFunction('mock', ([name, value]) => {
      const api = toStringValue(name);
      resolver.mocks.set(
        api,
        isCallable(value) ? { kind: 'function', implementation: value } : { kind: 'value', value },
      );
      return undefined;
    }),
    mockObject: new NativeFunction('mockObject', ([name, value]) => {
      resolver.mocks.set(toStringValue(name), { kind: 'object', value });
      return undefined;
    }),
    assertApi: createAssertApi(machine, resolver.calls),
    assertThat: createAssertThat(machine),
    fail: new NativeFunction('fail', ([message]) => {
      throw machine.error(
        'assertion',
        message === undefined ? 'the test called fail()' : toStringValue(message),
      );
    }),
    require: new NativeFunction('require', ([name]) =>
      typeof name === 'string' && testRequireNames.has(name) ? testApis.require(name) : undefined,
    ),
  };
}

// runCode(data): the template runs with a copy of `data` plus the gtmOnSuccess/gtmOnFailure
// spies, and a variable's value comes back (reference §4.1).
function runCode(realm: Realm, compiled: CompiledTemplate, data: SandboxValue): SandboxValue {
  // A fresh error per call: each scenario's realm records its own.
  if (!compiled.ok)
    throw new SandboxError('syntax', compiled.error.message, compiled.error.location);
  const copy = cloneValue(data);
  const input = isRecord(copy) ? copy : createRecord();
  input.gtmOnSuccess = realm.completionCallback('gtmOnSuccess', () => undefined);
  input.gtmOnFailure = realm.completionCallback('gtmOnFailure', () => undefined);
  const value = realm.runTemplateCode(compiled.program, compiled.source, input);
  return compiled.template.kind === 'MACRO' ? value : undefined;
}
