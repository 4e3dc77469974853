import { dereference } from '@cfworker/json-schema';
import { checkJsonSchema } from './check-json-schema.js';
import type { PlanIssues } from './plan-issues.js';
import type { JsonSchema } from './plan-types.js';

const noQuietKeys: ReadonlySet<string> = new Set();

/**
 * Checks an event's complete schema: the keywords it uses (reported at their lines), then a
 * trial compilation by the validator itself, which catches `$ref`s that resolve to places the
 * validator does not index (inside `enum`, `const` or `default`) and duplicate anchors.
 * `checkTarget` is the part of `schema` written in the event itself (shared `$defs` are
 * checked once, elsewhere).
 */
export function checkEventSchema(
  schema: JsonSchema,
  checkTarget: JsonSchema,
  pointer: string,
  subject: string,
  issues: PlanIssues,
  quietKeys: ReadonlySet<string> = noQuietKeys,
): void {
  const errorsBefore = issues.errors.length;
  checkJsonSchema(checkTarget, pointer, subject, { issues, refRoot: schema, quietKeys });
  if (issues.errors.length > errorsBefore) return;

  const problem = trialCompile(schema);
  if (problem) {
    issues.error(
      pointer,
      `The schema of ${subject} cannot be used: ${problem}`,
      'Point every "$ref" at a schema under "$defs", and give each "$anchor" a unique name.',
      'key',
    );
  }
}

function trialCompile(schema: JsonSchema): string | null {
  try {
    const copy = structuredClone(schema);
    const lookup = dereference(copy);
    return findUnresolvedRef(copy, lookup, 0);
  } catch (error) {
    return (
      (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'
    );
  }
}

function findUnresolvedRef(
  node: unknown,
  lookup: Record<string, unknown>,
  depth: number,
): string | null {
  if (node === null || typeof node !== 'object' || depth > 128) return null;
  const absolute = (node as { __absolute_ref__?: unknown }).__absolute_ref__;
  if (typeof absolute === 'string' && lookup[absolute] === undefined) {
    return `"$ref" ${JSON.stringify((node as { $ref?: unknown }).$ref)} does not point at a schema.`;
  }
  for (const child of Object.values(node)) {
    const found = findUnresolvedRef(child, lookup, depth + 1);
    if (found) return found;
  }
  return null;
}
