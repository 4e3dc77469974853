import type { PermissionEntry } from '../contract.js';

/** Where a permission entry breaks the shape GTM exports (reference §1.5), as a JSON path. */
export interface PermissionShapeProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks a permissions section's JSON against GTM's entry shape: `instance.key.publicId`,
 * `instance.param` of `{key, value}` with tagged TypedValues (types 1, 2, 3 and 8 only, the
 * four that occur in 518 real entries). Returns the entries, or the first problem found.
 */
export function readPermissionEntries(
  value: unknown,
): { ok: true; entries: PermissionEntry[] } | { ok: false; problem: PermissionShapeProblem } {
  if (!Array.isArray(value)) {
    return {
      ok: false,
      problem: { path: [], message: 'the section must be a JSON list of permission entries' },
    };
  }
  for (const [index, entry] of value.entries()) {
    const problem = entryProblem(entry);
    if (problem)
      return { ok: false, problem: { path: [index, ...problem.path], message: problem.message } };
  }
  return { ok: true, entries: value as PermissionEntry[] };
}

function entryProblem(entry: unknown): PermissionShapeProblem | undefined {
  if (!isRecord(entry)) return { path: [], message: 'an entry must be an object' };
  const instance = entry['instance'];
  if (!isRecord(instance)) return { path: ['instance'], message: '`instance` must be an object' };
  const key = instance['key'];
  // GTM's exports always carry `versionId: "1"`; some hand-written templates in public
  // repositories leave it out, and nothing reads it, so only a `versionId` that is not text is
  // refused.
  const versionId = isRecord(key) ? key['versionId'] : undefined;
  if (
    !isRecord(key) ||
    typeof key['publicId'] !== 'string' ||
    (versionId !== undefined && typeof versionId !== 'string')
  ) {
    return {
      path: ['instance', 'key'],
      message: '`instance.key` needs a text `publicId` (and `versionId`, when given, as text)',
    };
  }
  const params = instance['param'];
  if (!Array.isArray(params))
    return { path: ['instance', 'param'], message: '`instance.param` must be a list' };
  for (const [index, param] of params.entries()) {
    const path = ['instance', 'param', index];
    if (!isRecord(param) || typeof param['key'] !== 'string') {
      return { path, message: 'a param needs a text `key` and a `value`' };
    }
    const valueProblem = typedValueProblem(param['value'], [...path, 'value']);
    if (valueProblem) return valueProblem;
  }
  return undefined;
}

/** The first way `value` is not a TypedValue, or undefined when it is one. */
export function typedValueProblem(
  value: unknown,
  path: Array<string | number> = [],
): PermissionShapeProblem | undefined {
  if (!isRecord(value)) return { path, message: 'a typed value must be an object with a `type`' };
  switch (value['type']) {
    case 1:
      return typeof value['string'] === 'string'
        ? undefined
        : { path, message: 'type 1 needs a text `string`' };
    case 8:
      return typeof value['boolean'] === 'boolean'
        ? undefined
        : { path, message: 'type 8 needs a `boolean`' };
    case 2:
      return listProblem(
        value['listItem'],
        [...path, 'listItem'],
        'type 2 needs a `listItem` list',
      );
    case 3:
      return mapProblem(value, path);
    default:
      return { path, message: 'the type must be 1 (string), 2 (list), 3 (map) or 8 (boolean)' };
  }
}

function listProblem(items: unknown, path: Array<string | number>, message: string) {
  if (!Array.isArray(items)) return { path, message };
  for (const [index, item] of items.entries()) {
    const problem = typedValueProblem(item, [...path, index]);
    if (problem) return problem;
  }
  return undefined;
}

function mapProblem(value: Record<string, unknown>, path: Array<string | number>) {
  const keys = value['mapKey'];
  const values = value['mapValue'];
  if (!Array.isArray(keys) || !Array.isArray(values) || keys.length !== values.length) {
    return { path, message: 'type 3 needs `mapKey` and `mapValue` lists of the same length' };
  }
  const keyProblem = keys.findIndex(
    (key) => !isRecord(key) || key['type'] !== 1 || typeof key['string'] !== 'string',
  );
  if (keyProblem >= 0)
    return { path: [...path, 'mapKey', keyProblem], message: 'map keys must be type 1 strings' };
  return listProblem(values, [...path, 'mapValue'], 'type 3 needs a `mapValue` list');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
