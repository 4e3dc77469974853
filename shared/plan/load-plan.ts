import { detectPlanFormat } from './detect-plan-format.js';
import { loadForeignPlan } from './importers/load-foreign-plan.js';
import { parsePlanDocument } from './parse-plan-document.js';
import type { PlanIssues } from './plan-issues.js';
import type { PlanError, PlanLoadResult, TrackingPlan } from './plan-types.js';
import { readJsonSchemaMap } from './read-json-schema-map.js';
import { isRecord } from './read-plan-values.js';
import { readSegmentPlan } from './read-segment-plan.js';
import { readTagwardenPlan } from './read-tagwarden-plan.js';

/**
 * Reads a tracking plan from its text: tagwarden YAML/JSON, a Segment Protocols export or
 * typewriter plan, a plain JSON Schema map, or any format `importers/` translates (RudderStack,
 * mParticle, Snowplow Iglu, OpenTrackPlan, Avo); the format is detected and recorded in
 * `plan.source.format`. Plans are untrusted input: every problem comes back as a `PlanError`
 * with the file, the 1-based line and column, and a hint. Never throws.
 */
export function loadPlan(text: string, fileName: string): PlanLoadResult {
  const file = typeof fileName === 'string' && fileName !== '' ? fileName : 'plan';
  if (typeof text !== 'string')
    return failure(file, 'The plan is not text.', 'Pass the file contents as a string.');
  try {
    return loadForeignPlan(text, file) ?? readPlanText(text, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(
      file,
      `The plan could not be read: ${reason}`,
      'Check the file against docs/tracking-plan.md.',
    );
  }
}

function readPlanText(text: string, fileName: string): PlanLoadResult {
  const parsed = parsePlanDocument(text, fileName);
  if (!parsed.ok) return parsed;

  const { value, issues } = parsed.document;
  const plan = readDocument(value, fileName, issues);
  if (!plan || issues.errors.length > 0) return { ok: false, errors: issues.errors };
  return { ok: true, plan, warnings: issues.warnings };
}

function readDocument(value: unknown, fileName: string, issues: PlanIssues): TrackingPlan | null {
  const format = detectPlanFormat(value);
  if (!isRecord(value) || format === null) {
    issues.error('', 'This file is not a tracking plan tagwarden can read.', formatHint);
    return null;
  }
  if (format === 'segment-protocols') return readSegmentPlan(value, fileName, issues);
  if (format === 'json-schema-map') return readJsonSchemaMap(value, fileName, issues);
  return readTagwardenPlan(value, fileName, issues);
}

const formatHint =
  'Write a map with an "events:" map keyed by event name (docs/tracking-plan.md), a Segment ' +
  'Protocols plan ({"events": [{"name": …, "rules": …}]}), or a map of event name → JSON Schema.';

function failure(file: string, message: string, hint: string): { ok: false; errors: PlanError[] } {
  return { ok: false, errors: [{ file, line: 1, column: 1, message, hint }] };
}
