import type { ContainerIndex } from './container-types.js';
import { parameterText } from './find-parameter.js';
import { findVariableReferences } from './find-variable-references.js';
import { resolveVariableReference } from './resolve-variable-reference.js';

/** A text value of a container with its variable references looked up. */
export interface ResolvedText {
  raw: string;
  /** The text once every Constant variable is substituted, when nothing else is referenced. */
  value?: string;
  /** Variables whose value is only known at run time (data layer, lookup tables, built-ins…). */
  dynamicReferences: string[];
  /** Names the text references that the container does not define. */
  missingReferences: string[];
}

// Constants may refer to constants; real containers chain two or three at most.
const MAX_CONSTANT_DEPTH = 8;

/**
 * Looks up the `{{Name}}` references of a text. Constant variables (type `c`) are substituted,
 * so `{{GA4 ID}}` holding `G-ABC123` gives the value `G-ABC123`; any other variable makes the
 * text dynamic and is listed.
 */
export function resolveText(container: ContainerIndex, raw: string): ResolvedText {
  const dynamicReferences = new Set<string>();
  const missingReferences = new Set<string>();
  const value = substitute(container, raw, 0, new Set(), { dynamicReferences, missingReferences });

  return {
    raw,
    ...(dynamicReferences.size === 0 && missingReferences.size === 0 ? { value } : {}),
    dynamicReferences: [...dynamicReferences],
    missingReferences: [...missingReferences],
  };
}

interface Findings {
  dynamicReferences: Set<string>;
  missingReferences: Set<string>;
}

function substitute(
  container: ContainerIndex,
  text: string,
  depth: number,
  visiting: Set<string>,
  findings: Findings,
): string {
  let result = text;
  for (const name of new Set(findVariableReferences(text))) {
    const constant = constantText(container, name, depth, visiting);
    if (constant === undefined) {
      const reference = resolveVariableReference(container, name);
      if (reference.kind === 'missing') findings.missingReferences.add(name);
      else findings.dynamicReferences.add(name);
      continue;
    }

    visiting.add(name);
    const inner = substitute(container, constant, depth + 1, visiting, findings);
    visiting.delete(name);
    result = result.split(`{{${name}}}`).join(inner);
  }
  return result;
}

function constantText(
  container: ContainerIndex,
  name: string,
  depth: number,
  visiting: Set<string>,
): string | undefined {
  if (depth >= MAX_CONSTANT_DEPTH || visiting.has(name)) return undefined;
  const variable = container.variablesByName.get(name);
  if (variable?.type !== 'c') return undefined;
  return parameterText(variable.parameters, 'value') ?? '';
}
