import type { ApiDefinition, ApiEnvironment, ContainerContext } from '../contract.js';
import type { Boundary } from '../interpreter/boundary.js';
import { cloneValue } from '../interpreter/clone-value.js';
import type { Machine } from '../interpreter/machine.js';
import {
  isCallable,
  NativeFunction,
  type SandboxCallable,
  type SandboxValue,
} from '../interpreter/sandbox-values.js';
import { createObjectApi } from './intrinsic-object-api.js';

/** What a test put in place of an API (reference §4.2). */
export type ApiMock =
  | { kind: 'function'; implementation: SandboxCallable }
  | { kind: 'value'; value: SandboxValue }
  | { kind: 'object'; value: SandboxValue };

/** One call of an API (or of gtmOnSuccess/gtmOnFailure) as the template made it. */
export interface RecordedCall {
  api: string;
  /** Arguments as they were at the call, copied; functions kept by identity. */
  args: SandboxValue[];
}

/**
 * `require(name)` for one realm. Function APIs come back as one stable spy per name that records
 * every call and, at call time, runs the mock if one is set, otherwise the real API (which
 * checks its permission itself). Object APIs come back whole, or as the mock object. Names the
 * context does not have read as undefined.
 */
export class ApiResolver {
  readonly mocks = new Map<string, ApiMock>();
  readonly calls: RecordedCall[] = [];
  private readonly definitions = new Map<string, ApiDefinition>();
  private readonly instances = new Map<string, SandboxValue>();
  private readonly spies = new Map<string, NativeFunction>();

  constructor(
    apis: readonly ApiDefinition[],
    context: ContainerContext,
    private readonly environment: ApiEnvironment,
    private readonly boundary: Boundary,
    private readonly machine: Machine,
  ) {
    for (const api of apis) if (api.contexts.includes(context)) this.definitions.set(api.name, api);
  }

  /** Whether `require(name)` finds a real API in this context. */
  has(name: string): boolean {
    return this.definitions.has(name) || name === 'Object';
  }

  require(name: SandboxValue): SandboxValue {
    if (typeof name !== 'string') return undefined;
    const mock = this.mocks.get(name);
    if (mock?.kind === 'object') return mock.value;
    if (mock === undefined && !this.has(name)) return undefined;
    if (mock?.kind === 'function') return this.spy(name);

    const real = this.has(name) ? this.instance(name) : undefined;
    if (real !== undefined && !isCallable(real))
      return mock === undefined ? real : cloneValue(mock.value);
    return this.spy(name);
  }

  /** The real API, created once per realm. */
  instance(name: string): SandboxValue {
    if (this.instances.has(name)) return this.instances.get(name);
    const definition = this.definitions.get(name);
    let value: SandboxValue;
    if (name === 'Object') value = createObjectApi(this.machine);
    else if (definition !== undefined)
      value = this.boundary.copyIn(definition.create(this.environment));
    this.instances.set(name, value);
    return value;
  }

  record(api: string, args: SandboxValue[]): void {
    this.calls.push({ api, args: args.map((arg) => cloneValue(arg)) });
  }

  private spy(name: string): NativeFunction {
    const existing = this.spies.get(name);
    if (existing !== undefined) return existing;
    const spy = new NativeFunction(name, (args) => {
      this.record(name, args);
      const mock = this.mocks.get(name);
      if (mock?.kind === 'function') return this.machine.call(mock.implementation, args);
      if (mock !== undefined) return cloneValue(mock.value);
      const real = this.instance(name);
      if (isCallable(real)) return this.machine.call(real, args);
      throw this.machine.error('type', `${name} is not a function`);
    });
    this.spies.set(name, spy);
    return spy;
  }
}
