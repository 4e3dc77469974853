import type { Function as FunctionNode } from 'acorn';
import type { Scope } from './scope.js';
import type { CodeSource } from './code-source.js';

/**
 * A value as sandboxed code sees it. Objects are null-prototype records, so no property lookup
 * can reach `Object.prototype`; arrays are host arrays whose members the interpreter reads only
 * as own properties; functions and opaque host handles are instances of the classes below.
 */
export type SandboxValue =
  | undefined
  | null
  | boolean
  | number
  | string
  | SandboxRecord
  | SandboxValue[]
  | SandboxCallable
  | OpaqueHandle;

/** A sandbox object: created by `{}` or copied in, always with a null prototype. */
export type SandboxRecord = { [key: string]: SandboxValue };

/** Anything sandboxed code can call. */
export abstract class SandboxCallable {
  /** Properties set on the function inside the sandbox; they never cross the boundary. */
  properties: SandboxRecord | undefined;

  constructor(readonly name: string) {}
}

/** A function written in sandboxed code, with the scope it closes over. */
export class SandboxClosure extends SandboxCallable {
  constructor(
    name: string,
    readonly node: FunctionNode,
    readonly scope: Scope,
    readonly source: CodeSource,
  ) {
    super(name);
  }

  get isArrow(): boolean {
    return (this.node as { type: string }).type === 'ArrowFunctionExpression';
  }
}

/** A function implemented by the host: a built-in method, an API, a test helper. */
export class NativeFunction extends SandboxCallable {
  constructor(
    name: string,
    readonly call: (args: SandboxValue[]) => SandboxValue,
    /** The host function this wraps, so the same function goes back out unchanged. */
    readonly hostFunction?: (...args: unknown[]) => unknown,
  ) {
    super(name);
  }
}

/**
 * A host object sandboxed code may hold and hand back but never look into (a server regex from
 * `createRegex`): it reads as an empty object and crosses back out as the original.
 */
export class OpaqueHandle {
  constructor(readonly host: object) {}
}

/** A fresh empty sandbox object. */
export function createRecord(): SandboxRecord {
  return Object.create(null) as SandboxRecord;
}

export function isCallable(value: unknown): value is SandboxCallable {
  return value instanceof SandboxCallable;
}

export function isRecord(value: SandboxValue): value is SandboxRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof SandboxCallable) &&
    !(value instanceof OpaqueHandle)
  );
}

/** The eight sandbox types, as GTM's `getType` names them. */
export type SandboxType =
  'undefined' | 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'function';

/** `getType(value)` semantics (reference §2.2): arrays and null are told apart from objects. */
export function sandboxTypeName(value: SandboxValue): SandboxType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof SandboxCallable) return 'function';
  const type = typeof value;
  if (type === 'object') return 'object';
  return type as SandboxType;
}

/** The `typeof` operator: like JavaScript, arrays and null are 'object'. */
export function sandboxTypeOf(value: SandboxValue): string {
  const type = sandboxTypeName(value);
  return type === 'array' || type === 'null' ? 'object' : type;
}
