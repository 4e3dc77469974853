import { appendPointer } from '../json-pointer.js';
import { positionOf, type PlanPositions } from '../plan-positions.js';
import type { TrackingPlan } from '../plan-types.js';
import { lintContradictions } from './lint-contradictions.js';
import type { LintFinding } from './lint-finding.js';
import { lintGa4Rules } from './lint-ga4-rules.js';
import { lintKeywords } from './lint-keywords.js';
import { lintNaming } from './lint-naming.js';
import { lintReachability } from './lint-reachability.js';
import { walkSchema, type SchemaVisit } from './walk-schema.js';

// Annotations Segment and Avo write beside keywords; they are no typo.
const segmentAnnotations: ReadonlySet<string> = new Set(['key', 'labels', 'id']);
const noAnnotations: ReadonlySet<string> = new Set();
const severityOrder = { error: 0, warning: 1, info: 2 } as const;

export interface LintPlanOptions {
  /**
   * Positions of the plan file's nodes by JSON Pointer (a tagwarden plan parsed by
   * `parsePlanDocument`): findings then carry the exact line. Without them, findings inside an
   * event carry the event's line.
   */
  positions?: PlanPositions;
}

/**
 * Everything `tagwarden plan lint` finds in a loaded plan, as data: keywords that check
 * nothing, constraints no value meets, rules that never apply or repeat, naming breaks, and
 * GA4 limits and reserved names the plan runs into. Findings are ordered by severity, then by
 * where they are. Never throws.
 */
export function lintPlan(plan: TrackingPlan, options: LintPlanOptions = {}): LintFinding[] {
  const findings: LintFinding[] = [];
  const report = (finding: LintFinding) => findings.push(finding);
  try {
    lintEverything(plan, report);
  } catch (error) {
    report({
      ruleId: 'lint-failed',
      severity: 'error',
      path: '',
      message: `The plan could not be linted: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'Load the plan with loadPlan or importPlan before linting it.',
    });
  }
  return placeFindings(findings, plan, options.positions).sort(
    (left, right) =>
      severityOrder[left.severity] - severityOrder[right.severity] ||
      (left.line ?? 0) - (right.line ?? 0),
  );
}

function lintEverything(plan: TrackingPlan, report: (finding: LintFinding) => void): void {
  const format = plan.source.format;
  const quietKeys =
    format === 'segment-protocols' || format === 'avo' ? segmentAnnotations : noAnnotations;
  const visit = (node: SchemaVisit) => {
    lintKeywords(node, report, quietKeys);
    lintContradictions(node, report);
  };
  for (const [name, schema] of Object.entries(plan.$defs))
    walkSchema(schema, appendPointer('/$defs', name), visit);
  for (const event of Object.values(plan.events)) {
    const path = appendPointer('/events', event.name);
    walkSchema(withoutDefinitions(event.schema), path, visit);
    for (const [name, schema] of Object.entries(event.userProperties))
      walkSchema(schema, appendPointer(appendPointer(path, 'userProperties'), name), visit, name);
  }
  lintReachability(plan, report);
  lintNaming(plan, report);
  lintGa4Rules(plan, report);
}

// Plan-wide `$defs` are copied into each event's schema; they are linted once, on their own.
function withoutDefinitions(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const copy: Record<string, unknown> = { ...schema };
  delete copy['$defs'];
  delete copy['definitions'];
  return copy;
}

function placeFindings(
  findings: LintFinding[],
  plan: TrackingPlan,
  positions?: PlanPositions,
): LintFinding[] {
  const file = plan?.source?.fileName;
  return findings.map((finding) => {
    const position = positions
      ? positionOf(positions, finding.path, 'key')
      : eventPosition(plan, finding.path);
    return { ...finding, ...(file === undefined ? {} : { file }), ...position };
  });
}

function eventPosition(
  plan: TrackingPlan,
  path: string,
): { line: number; column: number } | undefined {
  const match = /^\/events\/([^/]+)/.exec(path);
  const name = match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  const events = plan?.events ?? {};
  const event = name !== undefined && Object.hasOwn(events, name) ? events[name] : undefined;
  const position = event?.position;
  return position ? { line: position.line, column: position.column } : undefined;
}
