import { appendPointer } from '../json-pointer.js';
import type { TrackingPlan } from '../plan-types.js';
import type { ReportFinding } from './lint-finding.js';
import { isNode } from './walk-schema.js';

/**
 * Rules that can never apply, and rules written twice: events nobody can send (no layers, a
 * name padded with spaces), names that differ only in case or separators, properties the
 * dataLayer mapping drops or lifts before checking, `dependentRequired` triggers that
 * `additionalProperties: false` forbids, a `replacedBy` naming no planned event, and
 * `anyOf`/`oneOf` branches written twice.
 */
export function lintReachability(plan: TrackingPlan, report: ReportFinding): void {
  lintNearDuplicates(plan, report);
  const ignored = plan.layers.datalayer.ignore;
  const lifted = new Set(plan.layers.datalayer.lift);
  for (const event of Object.values(plan.events)) {
    const path = appendPointer('/events', event.name);
    if (event.layers.length === 0)
      report(
        unreachable(
          path,
          `"${event.name}" is planned for no layer, so no event can ever match it.`,
          'Name the layers it is expected on, or remove it.',
          'error',
        ),
      );
    if (event.name.trim() !== event.name)
      report(
        unreachable(
          path,
          `"${event.name}" starts or ends with a space, so events named without it never match.`,
          'Remove the spaces.',
        ),
      );
    if (event.replacedBy !== undefined && !Object.hasOwn(plan.events, event.replacedBy))
      report({
        ruleId: 'dangling-replacement',
        severity: 'warning',
        path: appendPointer(path, 'replacedBy'),
        message: `"${event.name}" is replaced by "${event.replacedBy}", which the plan does not list.`,
        hint: `Plan "${event.replacedBy}", or fix the name.`,
      });
    if (event.layers.includes('datalayer')) {
      for (const name of Object.keys(event.properties)) {
        const propertyPath = appendPointer(appendPointer(path, 'properties'), name);
        if (matchesIgnore(name, ignored))
          report(
            unreachable(
              propertyPath,
              `"${name}" is dropped by the dataLayer mapping (layers.datalayer.ignore) before "${event.name}" is checked, so this rule never applies there.`,
              'Rename the property, or change layers.datalayer.ignore.',
            ),
          );
        else if (lifted.has(name))
          report(
            unreachable(
              propertyPath,
              `"${name}" is opened up by the dataLayer mapping (layers.datalayer.lift): its keys are checked as parameters, so this rule never applies there.`,
              `Plan the keys of "${name}" as properties instead.`,
            ),
          );
      }
    }
    lintDependentTriggers(event.schema, path, report);
    lintDuplicateBranches(event.schema, path, report);
  }
}

function lintNearDuplicates(plan: TrackingPlan, report: ReportFinding): void {
  const byKey = new Map<string, string>();
  for (const name of Object.keys(plan.events)) {
    const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, name);
      continue;
    }
    report({
      ruleId: 'duplicate-event',
      severity: 'warning',
      path: appendPointer('/events', name),
      message: `"${name}" and "${earlier}" differ only in case or separators: probably one event planned twice.`,
      hint: 'Keep one of them; events are matched by their exact name.',
    });
  }
}

function matchesIgnore(name: string, patterns: string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}

function lintDependentTriggers(schema: unknown, path: string, report: ReportFinding): void {
  if (!isNode(schema) || schema['additionalProperties'] !== false) return;
  const properties = isNode(schema['properties']) ? schema['properties'] : {};
  for (const keyword of ['dependentRequired', 'dependentSchemas']) {
    const map = schema[keyword];
    if (!isNode(map)) continue;
    for (const trigger of Object.keys(map)) {
      if (Object.hasOwn(properties, trigger)) continue;
      report(
        unreachable(
          appendPointer(appendPointer(path, keyword), trigger),
          `"${keyword}" starts from "${trigger}", which "additionalProperties: false" forbids, so it never applies.`,
          `Add "${trigger}" under "properties", or remove the rule.`,
        ),
      );
    }
  }
}

function lintDuplicateBranches(schema: unknown, path: string, report: ReportFinding): void {
  if (!isNode(schema)) return;
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const seen = new Set<string>();
    branches.forEach((branch, index) => {
      const key = JSON.stringify(branch);
      if (!seen.has(key)) return void seen.add(key);
      report({
        ruleId: 'duplicate-rule',
        severity: keyword === 'oneOf' ? 'error' : 'warning',
        path: appendPointer(appendPointer(path, keyword), index),
        message: `This "${keyword}" branch repeats an earlier one${keyword === 'oneOf' ? ': a value matching it matches two branches, which "oneOf" rejects' : ''}.`,
        hint: 'Remove the repeated branch.',
      });
    });
  }
}

function unreachable(
  path: string,
  message: string,
  hint: string,
  severity: 'error' | 'warning' = 'warning',
) {
  return { ruleId: 'unreachable-rule', severity, path, message, hint };
}
