import { appendPointer } from '../json-pointer.js';
import type { PlannedEvent, TrackingPlan } from '../plan-types.js';
import { isNode } from './walk-schema.js';

/** A name the plan defines, with where it is. */
export interface PlanName {
  name: string;
  path: string;
  event: PlannedEvent;
}

/** Whether GA4 ever sees the event: it is planned for the ga4 or the warehouse layer. */
export function reachesGa4(event: PlannedEvent): boolean {
  return event.layers.includes('ga4') || event.layers.includes('warehouse');
}

/** Every event's top-level parameter names. */
export function parameterNames(plan: TrackingPlan): PlanName[] {
  return Object.values(plan.events).flatMap((event) =>
    Object.keys(event.properties).map((name) => ({
      name,
      path: appendPointer(appendPointer(appendPointer('/events', event.name), 'properties'), name),
      event,
    })),
  );
}

/**
 * The property names of the item schema each event's `items` uses (following one `$ref`
 * into the plan's `$defs`), each reported once per item schema.
 */
export function itemParameterNames(plan: TrackingPlan): PlanName[] {
  const names: PlanName[] = [];
  const seen = new Set<unknown>();
  for (const event of Object.values(plan.events)) {
    const found = itemSchema(plan, event);
    if (!found || seen.has(found.schema)) continue;
    seen.add(found.schema);
    const properties = isNode(found.schema['properties']) ? found.schema['properties'] : {};
    for (const name of Object.keys(properties))
      names.push({
        name,
        path: appendPointer(appendPointer(found.path, 'properties'), name),
        event,
      });
  }
  return names;
}

function itemSchema(
  plan: TrackingPlan,
  event: PlannedEvent,
): { schema: Record<string, unknown>; path: string } | undefined {
  const items = event.properties['items'];
  const itemsPath = appendPointer(
    appendPointer(appendPointer('/events', event.name), 'properties'),
    'items',
  );
  let node = isNode(items) ? items : undefined;
  let path = itemsPath;
  if (node && typeof node['$ref'] === 'string') {
    const resolved = resolveDefinition(plan, node['$ref']);
    node = resolved?.schema;
    path = resolved?.path ?? path;
  }
  const element = node && isNode(node['items']) ? node['items'] : undefined;
  if (!element) return undefined;
  if (typeof element['$ref'] === 'string') return resolveDefinition(plan, element['$ref']);
  return { schema: element, path: appendPointer(path, 'items') };
}

function resolveDefinition(
  plan: TrackingPlan,
  ref: string,
): { schema: Record<string, unknown>; path: string } | undefined {
  const match = /^#\/(?:\$defs|definitions)\/([^/]+)$/.exec(ref);
  const name = match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
  if (name === undefined || !Object.hasOwn(plan.$defs, name)) return undefined;
  const schema = plan.$defs[name];
  return isNode(schema) ? { schema, path: appendPointer('/$defs', name) } : undefined;
}
