import type { Violation } from '../events/event-types.js';
import { appendPointer } from '../plan/json-pointer.js';
import type { CompiledNamingRule } from './naming-rules.js';

export interface NamingRules {
  events: CompiledNamingRule | null;
  parameters: CompiledNamingRule | null;
}

/**
 * `naming_convention` warnings for the event name and for parameter names: top-level
 * properties, and keys inside `items` (each reported once, at its first item).
 */
export function checkNaming(
  name: string | null,
  properties: Record<string, unknown>,
  rules: NamingRules,
): Violation[] {
  const violations: Violation[] = [];
  if (name !== null && rules.events && !rules.events.accepts(name)) {
    violations.push(namingViolation('', `The event name "${name}"`, name, rules.events));
  }
  const parameters = rules.parameters;
  if (!parameters) return violations;

  const event = name ?? 'this event';
  for (const key of Object.keys(properties)) {
    if (!parameters.accepts(key))
      violations.push(
        namingViolation(
          appendPointer('', key),
          `The parameter "${key}" in ${event}`,
          key,
          parameters,
        ),
      );
  }
  const items = properties['items'];
  if (!Array.isArray(items)) return violations;
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
    for (const key of Object.keys(item)) {
      if (seen.has(key) || parameters.accepts(key)) continue;
      seen.add(key);
      violations.push(
        namingViolation(
          appendPointer(appendPointer('/items', index), key),
          `The item parameter "${key}" in ${event}`,
          key,
          parameters,
        ),
      );
    }
  });
  return violations;
}

function namingViolation(
  path: string,
  subject: string,
  name: string,
  rule: CompiledNamingRule,
): Violation {
  const suggestion = rule.suggest(name);
  const fix = suggestion && suggestion !== name ? `rename it to "${suggestion}"` : 'rename it';
  return {
    code: 'naming_convention',
    severity: 'warning',
    path,
    message: `${subject} does not follow ${rule.label}: ${fix}.`,
    expected: rule.label,
    actual: name,
  };
}
