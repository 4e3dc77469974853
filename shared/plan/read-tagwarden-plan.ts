import { checkJsonSchema } from './check-json-schema.js';
import { appendPointer } from './json-pointer.js';
import type { PlanIssues } from './plan-issues.js';
import type { JsonSchema, TrackingPlan } from './plan-types.js';
import { readPlanGlobals } from './read-plan-globals.js';
import { readPlanLayers } from './read-plan-layers.js';
import { isRecord, readString, typeName, warnUnknownKeys } from './read-plan-values.js';
import { readTagwardenEvents } from './read-tagwarden-events.js';

const topLevelKeys = ['name', 'version', 'description', 'globals', 'layers', 'events', '$defs'];

/** A plan in tagwarden's own format (docs/tracking-plan.md). */
export function readTagwardenPlan(
  document: Record<string, unknown>,
  fileName: string,
  issues: PlanIssues,
): TrackingPlan {
  warnUnknownKeys(document, topLevelKeys, '', issues, 'the plan');
  const globals = readPlanGlobals(document['globals'], '/globals', issues);
  const defs = readDefinitions(document['$defs'], issues);
  const plan: TrackingPlan = {
    name: readString(document['name'], '/name', issues, '"name"') ?? baseName(fileName),
    version: readString(document['version'], '/version', issues, '"version"') ?? '',
    globals,
    layers: readPlanLayers(document['layers'], '/layers', issues),
    events: readTagwardenEvents(document['events'], globals, defs, issues),
    $defs: defs,
    source: { format: 'tagwarden', fileName },
  };
  const description = readString(document['description'], '/description', issues, '"description"');
  if (description !== undefined) plan.description = description;
  return plan;
}

function readDefinitions(value: unknown, issues: PlanIssues): Record<string, JsonSchema> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    issues.error(
      '/$defs',
      `"$defs" must map names to schemas, not ${typeName(value)}.`,
      'Write "$defs:" followed by indented "item: {type: object, ...}" entries.',
    );
    return {};
  }
  const definitions = value as Record<string, JsonSchema>;
  const refRoot = { $defs: definitions };
  for (const [name, schema] of Object.entries(definitions)) {
    checkJsonSchema(schema, appendPointer('/$defs', name), `definition "${name}"`, {
      issues,
      refRoot,
      quietKeys: new Set(),
    });
  }
  return definitions;
}

/** The file name without folders and extension: the plan's name when it gives none. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.(ya?ml|json)$/i, '') || 'plan';
}
