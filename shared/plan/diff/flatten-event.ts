import { resolveLocalRef } from '../resolve-local-ref.js';
import type { JsonSchema } from '../plan-types.js';

/** The constraints of one place in an event that the diff compares. */
export interface Facets {
  /** `undefined` for list elements, which are not properties. */
  required?: boolean;
  types?: string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  additionalProperties?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  multipleOf?: number;
  uniqueItems?: boolean;
}

const numeric = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'multipleOf',
] as const;
const maxDepth = 24;

/**
 * Every place of an event schema, by property path (`value`, `items[].price`; `''` is the
 * event), with the constraints that apply there. `$ref`s are followed and `allOf` parts merged,
 * so plans that say the same in different shapes (inline or under `$defs`) flatten alike.
 */
export function flattenEvent(schema: JsonSchema): Map<string, Facets> {
  const places = new Map<string, Facets>();
  visit(schema, '', undefined, schema, places, 0);
  return places;
}

function visit(
  node: unknown,
  path: string,
  required: boolean | undefined,
  root: JsonSchema,
  places: Map<string, Facets>,
  depth: number,
): void {
  const parts = resolveParts(node, root, 0);
  const facets: Facets = required === undefined ? {} : { required };
  for (const part of parts) readFacets(part, facets);
  places.set(path, facets);
  if (depth >= maxDepth) return;

  const requiredNames = new Set(
    parts.flatMap((part) => (Array.isArray(part['required']) ? part['required'] : [])),
  );
  for (const part of parts) {
    const properties = part['properties'];
    if (isNode(properties)) {
      for (const [name, child] of Object.entries(properties)) {
        const childPath = path === '' ? name : `${path}.${name}`;
        if (!places.has(childPath))
          visit(child, childPath, requiredNames.has(name), root, places, depth + 1);
      }
    }
    if (isNode(part['items']) && !places.has(`${path}[]`))
      visit(part['items'], `${path}[]`, undefined, root, places, depth + 1);
  }
}

// The node itself, the schemas its `$ref` chain names, and its `allOf` parts.
function resolveParts(
  node: unknown,
  root: JsonSchema,
  depth: number,
): Array<Record<string, unknown>> {
  if (!isNode(node) || depth > 16) return [];
  const parts = [node];
  if (typeof node['$ref'] === 'string')
    parts.push(...resolveParts(resolveLocalRef(root, node['$ref']), root, depth + 1));
  if (Array.isArray(node['allOf']))
    for (const part of node['allOf']) parts.push(...resolveParts(part, root, depth + 1));
  return parts;
}

function readFacets(part: Record<string, unknown>, facets: Facets): void {
  if (facets.types === undefined) {
    const type = part['type'];
    if (typeof type === 'string') facets.types = [type];
    else if (Array.isArray(type))
      facets.types = type.filter((name): name is string => typeof name === 'string');
  }
  if (facets.enum === undefined && Array.isArray(part['enum'])) facets.enum = part['enum'];
  if (facets.const === undefined && 'const' in part) facets.const = part['const'];
  if (facets.pattern === undefined && typeof part['pattern'] === 'string')
    facets.pattern = part['pattern'];
  if (facets.format === undefined && typeof part['format'] === 'string')
    facets.format = part['format'];
  if (facets.uniqueItems === undefined && typeof part['uniqueItems'] === 'boolean')
    facets.uniqueItems = part['uniqueItems'];
  if (facets.additionalProperties === undefined && part['additionalProperties'] === false)
    facets.additionalProperties = false;
  for (const keyword of numeric) {
    const value = part[keyword];
    if (facets[keyword] === undefined && typeof value === 'number') facets[keyword] = value;
  }
}

function isNode(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
