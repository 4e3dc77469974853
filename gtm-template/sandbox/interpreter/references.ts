import type { Expression, MemberExpression, Node, Pattern } from 'acorn';
import { evaluate, memberKey } from './evaluate-expression.js';
import type { Machine } from './machine.js';
import { getMember, setMember } from './member-access.js';
import type { Scope } from './scope.js';
import type { SandboxValue } from './sandbox-values.js';

/** Something assignable: a variable or an object member, resolved once for read and write. */
export interface Reference {
  get(): SandboxValue;
  set(value: SandboxValue): void;
}

/** Reads a variable; an undeclared name or one read before `let`/`const` ran is an error. */
export function readVariable(
  machine: Machine,
  scope: Scope,
  name: string,
  node: Node,
): SandboxValue {
  const binding = scope.lookup(name);
  if (binding === undefined) throw machine.error('reference', `${name} is not defined`, node);
  if (!binding.isInitialized) {
    throw machine.error('reference', `cannot access '${name}' before its declaration`, node);
  }
  return binding.value;
}

/** Writes an existing variable. The sandbox has no global object to create one on. */
export function writeVariable(
  machine: Machine,
  scope: Scope,
  name: string,
  value: SandboxValue,
  node: Node,
): void {
  const binding = scope.lookup(name);
  if (binding === undefined) {
    throw machine.error(
      'reference',
      `${name} is not defined (declare it with var, let or const)`,
      node,
    );
  }
  if (!binding.isInitialized) {
    throw machine.error('reference', `cannot access '${name}' before its declaration`, node);
  }
  if (!binding.isMutable)
    throw machine.error('type', `assignment to constant variable '${name}'`, node);
  binding.value = value;
}

export function resolveReference(
  machine: Machine,
  target: Pattern | Expression,
  scope: Scope,
): Reference {
  if (target.type === 'Identifier') {
    const name = target.name;
    return {
      get: () => readVariable(machine, scope, name, target),
      set: (value) => writeVariable(machine, scope, name, value, target),
    };
  }
  if (target.type === 'MemberExpression') return memberReference(machine, target, scope);
  throw machine.error('syntax', 'destructuring assignment is not supported', target);
}

function memberReference(machine: Machine, target: MemberExpression, scope: Scope): Reference {
  const object = evaluate(machine, target.object, scope);
  const key = memberKey(machine, target, scope);
  return {
    get: () => getMember(machine, object, key, target),
    set: (value) => setMember(machine, object, key, value, target),
  };
}
