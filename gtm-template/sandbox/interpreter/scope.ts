import type { SandboxValue } from './sandbox-values.js';

/** One variable: its value, whether it can be reassigned, and whether `let`/`const` reached it. */
export interface Binding {
  value: SandboxValue;
  isMutable: boolean;
  isInitialized: boolean;
}

/**
 * A lexical scope: a function body, a block, a loop iteration. Variables live in a Map, never in
 * an object, so no name (`__proto__`, `constructor`) can reach a prototype.
 */
export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(
    readonly parent: Scope | undefined,
    /** True for function bodies: where `var` and function declarations land. */
    readonly isFunctionScope = false,
  ) {}

  declare(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }

  has(name: string): boolean {
    return this.bindings.has(name);
  }

  /** The binding for a name in this scope or the nearest enclosing one. */
  lookup(name: string): Binding | undefined {
    const own = this.bindings.get(name);
    if (own !== undefined) return own;
    for (let scope = this.parent; scope !== undefined; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (binding !== undefined) return binding;
    }
    return undefined;
  }

  /** Copies this scope's bindings into a fresh scope: one per loop iteration for `let`. */
  copyForIteration(): Scope {
    const copy = new Scope(this.parent);
    for (const [name, binding] of this.bindings) copy.bindings.set(name, { ...binding });
    return copy;
  }
}

/** A constant, initialised binding (globals, injected helpers). */
export function constantBinding(value: SandboxValue): Binding {
  return { value, isMutable: false, isInitialized: true };
}
