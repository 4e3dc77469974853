import { appendPointer } from '../json-pointer.js';
import {
  annotationKeywords,
  countKeywords,
  numberKeywords,
  subschemaKeywords,
  subschemaListKeywords,
  subschemaMapKeywords,
  unsupportedKeywords,
} from '../json-schema-keywords.js';
import type { JsonSchema } from '../plan-types.js';
import { copyData, isRecord, putEntry } from './plain-data.js';
import {
  repairCount,
  repairDependentRequired,
  repairFormat,
  repairNumber,
  repairPattern,
  repairRequired,
} from './repair-keyword-values.js';
import { repairType } from './repair-type.js';

/** Reports one thing the repair changed or dropped, at a pointer relative to the schema. */
export type RepairWarning = (pointer: string, message: string, hint: string) => void;

export interface RepairOptions {
  warn: RepairWarning;
  /** Keys a format writes beside JSON Schema keywords; dropped without a word. */
  quietKeys?: ReadonlySet<string>;
}

interface RepairSite {
  pointer: string;
  depth: number;
  options: RepairOptions;
}

const maxDepth = 64;
const silentlyDropped = new Set(['$schema', '$id']);

/**
 * A copy of a schema written for another tool that tagwarden's validator accepts. Forms with
 * an exact equivalent are translated silently (draft-03 `required: true` on a property,
 * draft-04 boolean `exclusiveMinimum`, tuple `items`, `dependencies`); type names such as
 * `int` or `datetime` and numbers written as text are read with a warning; what cannot be
 * checked (external `$ref`s, broken regular expressions, unknown keywords, formats nothing
 * checks) is dropped with a warning. So a plan from another tool imports instead of failing.
 */
export function repairSchema(schema: unknown, options: RepairOptions): JsonSchema {
  return repairNode(schema, { pointer: '', depth: 0, options });
}

function repairNode(node: unknown, site: RepairSite): JsonSchema {
  if (typeof node === 'boolean') return node;
  if (site.depth > maxDepth) {
    site.options.warn(site.pointer, 'This schema nests too deeply; it now accepts any value.', '');
    return {};
  }
  if (!isRecord(node)) return nonSchema(node, site);

  const result: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    repairKeyword(keyword, value, node, result, site);
  }
  hoistPropertyRequired(node, result);
  return result;
}

function nonSchema(node: unknown, site: RepairSite): JsonSchema {
  const type = typeof node === 'string' ? repairType(node, () => undefined) : undefined;
  if (type !== undefined) {
    site.options.warn(site.pointer, `The schema is the bare word ${JSON.stringify(node)}.`, '');
    return { type };
  }
  site.options.warn(
    site.pointer,
    'This schema is not a map of JSON Schema keywords; it now accepts any value.',
    'Write the schema as a map, e.g. {"type": "string"}.',
  );
  return {};
}

function repairKeyword(
  keyword: string,
  value: unknown,
  node: Record<string, unknown>,
  result: Record<string, unknown>,
  site: RepairSite,
): void {
  const at: RepairSite = { ...site, pointer: appendPointer(site.pointer, keyword) };
  const warn = (message: string, hint = '') => site.options.warn(at.pointer, message, hint);
  if (keyword === '__proto__') return;
  if (keyword.startsWith('x-') || annotationKeywords.has(keyword)) {
    if (!silentlyDropped.has(keyword)) putEntry(result, keyword, copyData(value));
    return;
  }
  if (silentlyDropped.has(keyword) || site.options.quietKeys?.has(keyword)) return;
  if (keyword === 'id' && typeof value === 'string') return;
  if (unsupportedKeywords.has(keyword))
    return warn(`"${keyword}" cannot be checked, so it was dropped.`);
  if (keyword === 'type') return keep(result, keyword, repairType(value, warn));
  if (keyword === 'items' && Array.isArray(value)) return tupleItems(value, node, result, at);
  if (keyword === 'additionalItems' && Array.isArray(node['items'])) return;
  if (subschemaKeywords.has(keyword)) return keep(result, keyword, repairChild(value, at));
  if (subschemaListKeywords.has(keyword)) return keep(result, keyword, repairList(value, at));
  if (subschemaMapKeywords.has(keyword))
    return keep(result, keyword, repairMap(keyword, value, at));
  if (numberKeywords.has(keyword)) return repairNumber(keyword, value, node, result, warn);
  if (countKeywords.has(keyword)) return keep(result, keyword, repairCount(value, warn));
  repairOther(keyword, value, result, at, warn);
}

function repairOther(
  keyword: string,
  value: unknown,
  result: Record<string, unknown>,
  at: RepairSite,
  warn: (message: string, hint?: string) => void,
): void {
  switch (keyword) {
    case 'enum':
      if (Array.isArray(value) && value.length > 0) return keep(result, keyword, copyData(value));
      return warn('"enum" is not a list of values, so it was dropped.');
    case 'const':
      return keep(result, keyword, copyData(value));
    case 'required':
      return keep(result, keyword, repairRequired(value, warn));
    case 'dependentRequired':
      return keep(result, keyword, repairDependentRequired(value, warn));
    case 'dependencies':
      return splitDependencies(value, result, at);
    case 'pattern':
      return keep(result, keyword, repairPattern(value, warn));
    case 'format':
      return keep(result, keyword, repairFormat(value, warn));
    case 'uniqueItems':
      if (typeof value === 'boolean') return keep(result, keyword, value);
      return warn('"uniqueItems" is not true or false, so it was dropped.');
    case '$ref':
      if (typeof value === 'string' && value.startsWith('#')) return keep(result, keyword, value);
      return warn(
        `The reference ${JSON.stringify(value)} points outside this plan, so it was dropped.`,
        'Copy the schema it names into the plan.',
      );
    case '$anchor':
      if (typeof value === 'string' && /^[A-Za-z_][-A-Za-z0-9._]*$/.test(value))
        return keep(result, keyword, value);
      return warn('"$anchor" is not a plain name, so it was dropped.');
    default:
      warn(`"${keyword}" is not a JSON Schema keyword, so it was dropped.`);
  }
}

function keep(result: Record<string, unknown>, keyword: string, value: unknown): void {
  if (value !== undefined) putEntry(result, keyword, value);
}

function repairChild(value: unknown, site: RepairSite): JsonSchema {
  return repairNode(value, { ...site, depth: site.depth + 1 });
}

function repairList(value: unknown, site: RepairSite): JsonSchema[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    site.options.warn(site.pointer, 'This is not a list of schemas, so it was dropped.', '');
    return undefined;
  }
  return value.map((item, index) =>
    repairChild(item, { ...site, pointer: appendPointer(site.pointer, index) }),
  );
}

function repairMap(
  keyword: string,
  value: unknown,
  site: RepairSite,
): Record<string, JsonSchema> | undefined {
  if (!isRecord(value)) {
    site.options.warn(site.pointer, `"${keyword}" is not a map of schemas, so it was dropped.`, '');
    return undefined;
  }
  const result: Record<string, JsonSchema> = {};
  for (const [name, child] of Object.entries(value)) {
    const pointer = appendPointer(site.pointer, name);
    if (keyword === 'patternProperties' && repairPattern(name, () => undefined) === undefined) {
      site.options.warn(pointer, `The pattern ${JSON.stringify(name)} is invalid; dropped.`, '');
      continue;
    }
    putEntry(result, name, repairChild(child, { ...site, pointer }));
  }
  return result;
}

// Draft-04 tuples: `items: [a, b]` with `additionalItems` means `prefixItems` and `items` now.
function tupleItems(
  value: unknown[],
  node: Record<string, unknown>,
  result: Record<string, unknown>,
  site: RepairSite,
): void {
  keep(result, 'prefixItems', value.length > 0 ? repairList(value, site) : undefined);
  if (node['additionalItems'] !== undefined) {
    const pointer = site.pointer.replace(/items$/, 'additionalItems');
    keep(result, 'items', repairChild(node['additionalItems'], { ...site, pointer }));
  }
}

// Draft-03 marks a property required inside its own schema (`required: true`).
function hoistPropertyRequired(node: Record<string, unknown>, result: Record<string, unknown>) {
  const properties = node['properties'];
  if (!isRecord(properties)) return;
  const flagged = Object.entries(properties)
    .filter(([, schema]) => isRecord(schema) && schema['required'] === true)
    .map(([name]) => name);
  if (flagged.length === 0) return;
  const listed = Array.isArray(result['required']) ? (result['required'] as string[]) : [];
  putEntry(result, 'required', [...new Set([...listed, ...flagged])]);
}

function splitDependencies(value: unknown, result: Record<string, unknown>, site: RepairSite) {
  if (!isRecord(value)) return site.options.warn(site.pointer, '"dependencies" is not a map.', '');
  const names: Record<string, string[]> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, entry] of Object.entries(value)) {
    const pointer = appendPointer(site.pointer, name);
    if (Array.isArray(entry))
      putEntry(
        names,
        name,
        entry.filter((n) => typeof n === 'string'),
      );
    else putEntry(schemas, name, repairChild(entry, { ...site, pointer }));
  }
  if (Object.keys(names).length > 0) putEntry(result, 'dependentRequired', names);
  if (Object.keys(schemas).length > 0) putEntry(result, 'dependentSchemas', schemas);
}
