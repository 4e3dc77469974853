import { appendPointer } from '../json-pointer.js';

type SchemaNode = Record<string, unknown>;

/** One schema object met on a walk: where it is and, for a property, its name. */
export interface SchemaVisit {
  schema: SchemaNode;
  pointer: string;
  /** The property name when the schema is a property's; `undefined` otherwise. */
  property?: string;
}

const single = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'additionalItems',
  'unevaluatedItems',
];
const lists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const maps = ['properties', 'patternProperties', 'dependentSchemas'];

/**
 * Calls `visit` for `schema` and every schema object below it (not `$defs`, which are walked
 * once on their own), depth first, with each node's JSON Pointer.
 */
export function walkSchema(
  schema: unknown,
  pointer: string,
  visit: (node: SchemaVisit) => void,
  property?: string,
  depth = 0,
): void {
  if (!isNode(schema) || depth > 64) return;
  visit(property === undefined ? { schema, pointer } : { schema, pointer, property });
  for (const keyword of single) {
    walkSchema(schema[keyword], appendPointer(pointer, keyword), visit, undefined, depth + 1);
  }
  for (const keyword of lists) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) =>
      walkSchema(
        item,
        appendPointer(appendPointer(pointer, keyword), index),
        visit,
        undefined,
        depth + 1,
      ),
    );
  }
  for (const keyword of maps) {
    const map = schema[keyword];
    if (!isNode(map)) continue;
    for (const [name, child] of Object.entries(map)) {
      const childPointer = appendPointer(appendPointer(pointer, keyword), name);
      walkSchema(
        child,
        childPointer,
        visit,
        keyword === 'properties' ? name : undefined,
        depth + 1,
      );
    }
  }
}

export function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The types a schema allows by its own `type` keyword, or `undefined` when it says none. */
export function declaredTypes(schema: SchemaNode): Set<string> | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type))
    return new Set(type.filter((name): name is string => typeof name === 'string'));
  return undefined;
}

/** Whether `value` has one of the JSON Schema `types`. */
export function hasType(value: unknown, types: Set<string>): boolean {
  if (value === null) return types.has('null');
  if (Array.isArray(value)) return types.has('array');
  if (typeof value === 'number')
    return types.has('number') || (types.has('integer') && Number.isInteger(value));
  if (typeof value === 'object') return types.has('object');
  return types.has(typeof value);
}
