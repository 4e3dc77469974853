import type { BuiltInVariableView, ContainerIndex, VariableView } from './container-types.js';

/** What a `{{Name}}` reference points at in a container. */
export type VariableReference =
  | { kind: 'variable'; name: string; variable: VariableView }
  | { kind: 'built-in'; name: string; builtIn: BuiltInVariableView }
  | { kind: 'internal'; name: string }
  | { kind: 'missing'; name: string };

/**
 * Resolves a variable name: a user-defined variable, an enabled built-in variable, or one of
 * GTM's internal names (`{{_event}}` in custom event triggers, always defined). Anything else
 * is missing: GTM itself would refuse to publish it.
 */
export function resolveVariableReference(
  container: ContainerIndex,
  name: string,
): VariableReference {
  const variable = container.variablesByName.get(name);
  if (variable) return { kind: 'variable', name, variable };

  const builtIn = container.builtInsByName.get(name);
  if (builtIn) return { kind: 'built-in', name, builtIn };

  if (name.startsWith('_')) return { kind: 'internal', name };
  return { kind: 'missing', name };
}
