import { appendPointer } from '../json-pointer.js';
import type { NamingRule, TrackingPlan } from '../plan-types.js';
import { compileNamingRule, restyle } from '../../validate/naming-rules.js';
import type { ReportFinding } from './lint-finding.js';
import { itemParameterNames, parameterNames, reachesGa4, type PlanName } from './plan-names.js';

type Style = 'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'Title Case' | 'other';

// GA4's naming rule (ga4-protocol.md §7, support answer 13316687).
const ga4Name = /^[A-Za-z][A-Za-z0-9_]*$/;
const snakeCase = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/**
 * Naming findings: `naming-convention` for names that break the plan's own `globals.naming`;
 * without one, `mixed-naming` for names in a minority style and `ga4-snake-case` for GA4
 * names that are valid but not snake_case; always, `ga4-invalid-name` for names GA4 cannot
 * take (a letter first, then letters, digits and `_`) on events that reach GA4.
 */
export function lintNaming(plan: TrackingPlan, report: ReportFinding): void {
  const events: PlanName[] = Object.values(plan.events).map((event) => ({
    name: event.name,
    path: appendPointer('/events', event.name),
    event,
  }));
  const parameters = [...parameterNames(plan), ...itemParameterNames(plan)];
  lintGroup('event', events, plan.globals.naming.events, report);
  lintGroup('parameter', parameters, plan.globals.naming.parameters, report);
}

function lintGroup(
  kind: string,
  names: PlanName[],
  rule: NamingRule | null,
  report: ReportFinding,
) {
  const invalid = new Set<string>();
  for (const entry of names) {
    if (!reachesGa4(entry.event) || ga4Name.test(entry.name)) continue;
    invalid.add(entry.path);
    report({
      ruleId: 'ga4-invalid-name',
      severity: 'error',
      path: entry.path,
      message: `The ${kind} name "${entry.name}" breaks GA4's naming rule (a letter first, then letters, digits and "_"), and the event is planned for GA4.`,
      hint: `Rename it, e.g. "${restyle(entry.name, 'snake_case') ?? entry.name}".`,
    });
  }
  if (rule) return lintAgainstRule(kind, names, rule, report);
  const minority = lintMixed(kind, names, report);
  for (const entry of names) {
    if (!reachesGa4(entry.event) || invalid.has(entry.path) || minority.has(entry.path)) continue;
    if (snakeCase.test(entry.name)) continue;
    report({
      ruleId: 'ga4-snake-case',
      severity: 'warning',
      path: entry.path,
      message: `The ${kind} name "${entry.name}" is not snake_case, the convention of GA4's own events and parameters.`,
      hint: `Rename it to "${restyle(entry.name, 'snake_case') ?? entry.name}", or set globals.naming to the convention you use.`,
    });
  }
}

function lintAgainstRule(kind: string, names: PlanName[], rule: NamingRule, report: ReportFinding) {
  const compiled = compileNamingRule(rule);
  if (!compiled) return;
  for (const entry of names) {
    if (compiled.accepts(entry.name)) continue;
    const suggestion = compiled.suggest(entry.name);
    report({
      ruleId: 'naming-convention',
      severity: 'warning',
      path: entry.path,
      message: `The ${kind} name "${entry.name}" does not follow ${compiled.label}, the plan's convention.`,
      hint: suggestion ? `Rename it to "${suggestion}".` : `Rename it to match ${compiled.label}.`,
    });
  }
}

/** Reports names outside the most common style; returns their paths. */
function lintMixed(kind: string, names: PlanName[], report: ReportFinding): Set<string> {
  const styled = names.map((entry) => ({ entry, style: styleOf(entry.name) }));
  const counts = new Map<Style, number>();
  for (const { style } of styled) if (style) counts.set(style, (counts.get(style) ?? 0) + 1);
  const reported = new Set<string>();
  if (counts.size < 2) return reported;
  const [majority] = [...counts].sort((left, right) => right[1] - left[1])[0] ?? [];
  const seen = new Set<string>();
  for (const { entry, style } of styled) {
    if (!style || style === majority || seen.has(entry.name)) continue;
    seen.add(entry.name);
    reported.add(entry.path);
    const suggestion =
      majority && majority !== 'Title Case' && majority !== 'other'
        ? restyle(entry.name, majority)
        : undefined;
    report({
      ruleId: 'mixed-naming',
      severity: 'warning',
      path: entry.path,
      message: `The ${kind} name "${entry.name}" is ${style}, while most ${kind} names are ${majority}.`,
      hint: suggestion
        ? `Rename it to "${suggestion}" to match the others.`
        : 'Use one convention for every name.',
    });
  }
  return reported;
}

function styleOf(name: string): Style | undefined {
  if (/^[a-z][a-z0-9]*$/.test(name)) return undefined;
  if (snakeCase.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(name)) return 'kebab-case';
  if (/^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/.test(name)) return 'camelCase';
  if (/^[A-Z][A-Za-z0-9]*$/.test(name)) return 'PascalCase';
  if (/^[A-Z][A-Za-z0-9]*(?: [A-Za-z0-9]+)+$/.test(name)) return 'Title Case';
  return 'other';
}
