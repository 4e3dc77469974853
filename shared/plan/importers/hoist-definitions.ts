import { escapePointerToken, splitPointer } from '../json-pointer.js';
import type { JsonSchema } from '../plan-types.js';
import { isRecord, putEntry, sameData } from './plain-data.js';
import { rewriteRefs } from './rewrite-refs.js';

const definitionKeys = ['$defs', 'definitions'] as const;

/**
 * Moves an event schema's own `definitions`/`$defs` into the plan's shared `$defs`: a
 * definition equal to one already there is shared, a different one of the same name is
 * renamed after the event. References in the event (and in the moved definitions) are
 * rewritten to `#/$defs/<name>`. Returns the event schema without its definitions.
 */
export function hoistDefinitions(
  eventName: string,
  schema: JsonSchema,
  planDefinitions: Record<string, JsonSchema>,
): JsonSchema {
  if (!isRecord(schema)) return schema;
  const own = ownDefinitions(schema);
  if (own.length === 0) return schema;

  const renamed = new Map<string, string>();
  for (const { key, name, definition } of own) {
    renamed.set(`${key}/${name}`, placeDefinition(eventName, name, definition, planDefinitions));
  }
  const event: Record<string, unknown> = { ...schema };
  for (const key of definitionKeys) delete event[key];

  const rewrite = (ref: string) => rewriteDefinitionRef(ref, renamed);
  rewriteRefs(event, rewrite);
  for (const { key, name } of own) {
    const target = renamed.get(`${key}/${name}`);
    if (target !== undefined) rewriteRefs(planDefinitions[target], rewrite);
  }
  return event;
}

interface OwnDefinition {
  key: string;
  name: string;
  definition: JsonSchema;
}

function ownDefinitions(schema: Record<string, unknown>): OwnDefinition[] {
  const found: OwnDefinition[] = [];
  for (const key of definitionKeys) {
    const map = schema[key];
    if (!isRecord(map)) continue;
    for (const [name, definition] of Object.entries(map)) {
      if (typeof definition === 'boolean' || isRecord(definition))
        found.push({ key, name, definition: structuredClone(definition) as JsonSchema });
    }
  }
  return found;
}

function placeDefinition(
  eventName: string,
  name: string,
  definition: JsonSchema,
  planDefinitions: Record<string, JsonSchema>,
): string {
  if (!Object.hasOwn(planDefinitions, name)) {
    putEntry(planDefinitions, name, definition);
    return name;
  }
  if (sameData(planDefinitions[name], definition)) return name;
  const base = `${eventName.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_${name}`;
  let candidate = base;
  for (let suffix = 2; Object.hasOwn(planDefinitions, candidate); suffix++) {
    if (sameData(planDefinitions[candidate], definition)) return candidate;
    candidate = `${base}_${suffix}`;
  }
  putEntry(planDefinitions, candidate, definition);
  return candidate;
}

function rewriteDefinitionRef(ref: string, renamed: Map<string, string>): string {
  const tokens = splitPointer(ref);
  const [key, name, ...rest] = tokens;
  if (!ref.startsWith('#/') || key === undefined || name === undefined) return ref;
  if (key !== '$defs' && key !== 'definitions') return ref;
  const target = renamed.get(`${key}/${name}`) ?? name;
  return ['#', '$defs', target, ...rest]
    .map((token, index) => (index === 0 ? token : escapePointerToken(token)))
    .join('/');
}
