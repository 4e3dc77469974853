import type { JsonObject } from '../../shared/container/container-types.js';

const idKeys: Record<string, string> = {
  tag: 'tagId',
  trigger: 'triggerId',
  variable: 'variableId',
  folder: 'folderId',
  customTemplate: 'templateId',
  builtInVariable: 'type',
};

/**
 * What GTM's import "Merge → Overwrite conflicting" does, as far as the tests need it: an
 * entry of the addition replaces the base entry with the same id, any other is appended.
 */
export function mergeExport(base: JsonObject, addition: JsonObject): JsonObject {
  const merged = structuredClone(base);
  const version = merged['containerVersion'] as JsonObject;
  const added = addition['containerVersion'] as JsonObject;
  for (const [list, idKey] of Object.entries(idKeys)) {
    const entries = (added[list] as JsonObject[] | undefined) ?? [];
    const target = ((version[list] as JsonObject[] | undefined) ?? []).slice();
    for (const entry of entries) {
      const index = target.findIndex((existing) => existing[idKey] === entry[idKey]);
      if (index === -1) target.push(entry);
      else target[index] = entry;
    }
    if (target.length > 0) version[list] = target;
  }
  return merged;
}
