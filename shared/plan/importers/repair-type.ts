import { schemaTypes } from '../json-schema-keywords.js';

// Type names tracking-plan tools write that JSON Schema spells differently.
const typeAliases: Readonly<Record<string, string>> = {
  int: 'integer',
  long: 'integer',
  float: 'number',
  double: 'number',
  decimal: 'number',
  bool: 'boolean',
  str: 'string',
  text: 'string',
  date: 'string',
  datetime: 'string',
  'date-time': 'string',
  timestamp: 'string',
  list: 'array',
  map: 'object',
  dict: 'object',
};

/**
 * A JSON Schema `type` from what a plan wrote: a name, a list of names, or names joined by
 * commas (`"string,null"`, RudderStack). Aliases are translated with a warning; `any` and
 * names nothing knows are dropped, so the value accepts any type. `undefined` means no type.
 */
export function repairType(
  value: unknown,
  warn: (message: string, hint?: string) => void,
): string | string[] | undefined {
  const names = typeNames(value);
  if (names === undefined) {
    warn('"type" is not a type name, so it was dropped.');
    return undefined;
  }
  const types: string[] = [];
  for (const name of names) {
    const type = oneType(name, warn);
    if (type === null) return undefined;
    if (type !== undefined && !types.includes(type)) types.push(type);
  }
  if (types.length === 0) return undefined;
  return types.length === 1 ? types[0] : types;
}

function typeNames(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(',').map((name) => name.trim());
  if (Array.isArray(value) && value.every((name) => typeof name === 'string'))
    return value.map((name: string) => name.trim());
  return undefined;
}

/** The JSON Schema type, `undefined` to skip this name, `null` to drop the whole keyword. */
function oneType(
  name: string,
  warn: (message: string, hint?: string) => void,
): string | undefined | null {
  const lower = name.toLowerCase();
  if (schemaTypes.includes(name)) return name;
  if (schemaTypes.includes(lower)) return lower;
  if (lower === '' || lower === 'any') return null;
  const alias = Object.hasOwn(typeAliases, lower) ? typeAliases[lower] : undefined;
  if (alias !== undefined) {
    warn(`The type "${name}" is read as "${alias}".`);
    return alias;
  }
  warn(`The type "${name}" is not one JSON Schema knows, so the value may have any type.`);
  return null;
}
