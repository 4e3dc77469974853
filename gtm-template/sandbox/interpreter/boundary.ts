import { PermissionDeniedError, SandboxReference, type HostFunction } from '../contract.js';
import type { Machine } from './machine.js';
import { SandboxError } from './sandbox-error.js';
import {
  createRecord,
  isRecord,
  NativeFunction,
  OpaqueHandle,
  SandboxCallable,
  type SandboxRecord,
  type SandboxValue,
} from './sandbox-values.js';

/** What the boundary needs from the runtime around it. */
export interface BoundaryHooks {
  /** Records an error raised by sandbox code that the host called (a callback, a task). */
  reportError(error: SandboxError): void;
  /** Registers a promise made by a sandbox `.then`, so the runner waits for it. */
  trackPromise(promise: Promise<unknown>): void;
}

/**
 * Copies values across the sandbox boundary (reference §2.5). Out: plain host objects, arrays
 * and primitives, with each sandbox function behind one stable host wrapper, so a mock or
 * `wasCalledWith` can compare callbacks by identity. In: null-prototype copies; host functions
 * behind one stable sandbox wrapper; promises as objects with then/catch/finally; server regexes
 * as opaque handles; everything that maps to none of the eight types becomes undefined.
 */
export class Boundary {
  private readonly hostWrappers = new WeakMap<SandboxCallable, HostFunction>();
  private readonly closuresByWrapper = new WeakMap<HostFunction, SandboxCallable>();
  private readonly sandboxWrappers = new WeakMap<object, SandboxValue>();
  private readonly hostByProxy = new WeakMap<object, object>();
  // Host copy → the sandbox object it was copied from, for APIs that answer by reference.
  private readonly originals = new WeakMap<object, SandboxValue>();

  constructor(
    private readonly machine: Machine,
    private readonly hooks: BoundaryHooks,
  ) {}

  copyOut(value: SandboxValue, path: Set<object> = new Set()): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof SandboxCallable) return this.hostFunctionFor(value);
    if (value instanceof OpaqueHandle) return value.host;
    const original = this.hostByProxy.get(value);
    if (original !== undefined) return original;
    if (path.has(value)) return undefined;

    const isTopLevel = path.size === 0;
    path.add(value);
    const copy = Array.isArray(value)
      ? this.copyArrayOut(value, path)
      : this.copyRecordOut(value, path);
    path.delete(value);
    if (isTopLevel) this.originals.set(copy, value);
    return copy;
  }

  private copyArrayOut(array: SandboxValue[], path: Set<object>): unknown[] {
    const copy = new Array<unknown>(array.length);
    for (let index = 0; index < array.length; index++)
      copy[index] = this.copyOut(array[index], path);
    return copy;
  }

  private copyRecordOut(record: SandboxRecord, path: Set<object>): Record<string, unknown> {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      // defineProperty, not assignment: a key named __proto__ must stay a key, not a prototype.
      Object.defineProperty(copy, key, {
        value: this.copyOut(record[key], path),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    return copy;
  }

  /** The one host function that stands for a sandbox function. */
  hostFunctionFor(callable: SandboxCallable): HostFunction {
    if (callable instanceof NativeFunction && callable.hostFunction)
      return callable.hostFunction as HostFunction;
    const existing = this.hostWrappers.get(callable);
    if (existing !== undefined) return existing;

    const wrapper: HostFunction = (...args: unknown[]) => {
      try {
        const result = this.machine.call(
          callable,
          args.map((arg) => this.copyIn(arg)),
        );
        return this.copyOut(result);
      } catch (error) {
        throw this.reported(error);
      }
    };
    this.hostWrappers.set(callable, wrapper);
    this.closuresByWrapper.set(wrapper, callable);
    return wrapper;
  }

  // Host code may swallow what a callback throws (a promise turns it into a rejection), so the
  // error is recorded here, once, before it goes on unwinding.
  private reported(error: unknown): unknown {
    const sandboxError =
      error instanceof SandboxError ? error : this.machine.error('api', describeHostError(error));
    if (!sandboxError.reported) {
      sandboxError.reported = true;
      this.hooks.reportError(sandboxError);
    }
    return sandboxError;
  }

  copyIn(value: unknown, path: Set<object> = new Set()): SandboxValue {
    if (value === null || value === undefined) return value;
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return value as SandboxValue;
    if (type === 'function') return this.sandboxFunctionFor(value as HostFunction);
    if (type !== 'object') return undefined;

    const object = value as object;
    if (object instanceof SandboxReference) return this.referenceIn(object.host);
    if (object instanceof Promise) return this.promiseFor(object);
    if (object instanceof RegExp) return this.memoised(object, () => new OpaqueHandle(object));
    if (path.has(object)) return undefined;
    const isArray = Array.isArray(object);
    const prototype = Object.getPrototypeOf(object);
    if (!isArray && prototype !== Object.prototype && prototype !== null) return undefined;

    path.add(object);
    const copy = isArray
      ? this.copyArrayIn(object as unknown[], path)
      : this.copyRecordIn(object, path);
    path.delete(object);
    return copy;
  }

  private copyArrayIn(array: unknown[], path: Set<object>): SandboxValue[] {
    this.machine.checkArrayLength(array.length);
    const copy = new Array<SandboxValue>(array.length);
    for (let index = 0; index < array.length; index++) {
      const descriptor = Object.getOwnPropertyDescriptor(array, index);
      copy[index] =
        descriptor && 'value' in descriptor ? this.copyIn(descriptor.value, path) : undefined;
    }
    return copy;
  }

  // Only own data properties are read: a getter on a page object never runs.
  private copyRecordIn(object: object, path: Set<object>): SandboxRecord {
    const copy = createRecord();
    for (const key of Object.keys(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key);
      copy[key] =
        descriptor && 'value' in descriptor ? this.copyIn(descriptor.value, path) : undefined;
    }
    return copy;
  }

  // The sandbox object a host value was copied from, when there is one; else a copy.
  private referenceIn(host: unknown): SandboxValue {
    if (host !== null && typeof host === 'object') {
      const original = this.originals.get(host);
      if (original !== undefined) return original;
    }
    return this.copyIn(host);
  }

  /** The one sandbox function that stands for a host function. */
  sandboxFunctionFor(hostFunction: HostFunction, name = hostFunction.name): SandboxCallable {
    const closure = this.closuresByWrapper.get(hostFunction);
    if (closure !== undefined) return closure;
    return this.memoised(hostFunction, () => {
      const call = (args: SandboxValue[]) => {
        const hostArgs = args.map((arg) => this.copyOut(arg));
        let result: unknown;
        try {
          result = hostFunction(...hostArgs);
        } catch (error) {
          throw toSandboxError(this.machine, error, name);
        }
        return this.copyIn(result);
      };
      return new NativeFunction(name, call, hostFunction);
    }) as SandboxCallable;
  }

  private memoised(host: object, create: () => SandboxValue): SandboxValue {
    const existing = this.sandboxWrappers.get(host);
    if (existing !== undefined) return existing;
    const created = create();
    this.sandboxWrappers.set(host, created);
    return created;
  }

  // A host promise reads as an object with then/catch/finally (GTM's sandbox Promise) and
  // crosses back out as the same host promise, so Promise.all and a returned promise work.
  private promiseFor(promise: Promise<unknown>): SandboxValue {
    return this.memoised(promise, () => {
      promise.then(undefined, () => undefined);
      const record = createRecord();
      const chain = (derive: (host: Promise<unknown>) => Promise<unknown>) => {
        const derived = derive(promise);
        this.hooks.trackPromise(derived);
        return this.copyIn(derived);
      };
      const handler = (value: SandboxValue) =>
        value instanceof SandboxCallable ? this.hostFunctionFor(value) : undefined;
      record.then = new NativeFunction('then', (args) =>
        chain((host) => host.then(handler(args[0]), handler(args[1]))),
      );
      record.catch = new NativeFunction('catch', (args) =>
        chain((host) => host.catch(handler(args[0]))),
      );
      record.finally = new NativeFunction('finally', (args) =>
        chain((host) => host.finally(handler(args[0]))),
      );
      this.hostByProxy.set(record, promise);
      return record;
    });
  }

  /** True when a sandbox value is a promise that came from the host. */
  isPromise(value: SandboxValue): boolean {
    return isRecord(value) && this.hostByProxy.get(value) instanceof Promise;
  }
}

/** A host error raised inside an API call, as the sandbox error that ends the run. */
export function toSandboxError(machine: Machine, error: unknown, api: string): SandboxError {
  if (error instanceof SandboxError) return error;
  if (error instanceof PermissionDeniedError) {
    return machine.error('permission', error.message);
  }
  return machine.error('api', `${api || 'a host function'} failed: ${describeHostError(error)}`);
}

function describeHostError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
