import type { Violation } from '../events/event-types.js';
import type { CompiledNamingRule } from './naming-rules.js';

export interface NamingRules {
  events: CompiledNamingRule | null;
  parameters: CompiledNamingRule | null;
}

/**
 * The `naming_convention` warning for the event name, added to `violations`. Parameter names
 * are checked in the one pass over them (`checkNames`).
 */
export function checkEventNaming(
  name: string | null,
  rules: NamingRules,
  violations: Violation[],
): void {
  if (name === null || !rules.events || rules.events.accepts(name)) return;
  violations.push(namingViolation('', `The event name "${name}"`, name, rules.events));
}

/** A `naming_convention` warning, with the conforming spelling when the rule is a style. */
export function namingViolation(
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
