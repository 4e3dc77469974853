import type { JsonObject } from './container-types.js';
import { asParameterList, hasParameterType } from './find-parameter.js';
import { collectVariableReferences } from './find-variable-references.js';
import { isJsonObject } from './is-json-object.js';
import { readId, readIdList } from './read-id.js';

/** Everything one tag, trigger or variable refers to by id or name. */
export interface EntityReferences {
  triggerIds: string[];
  tagNames: string[];
  variableNames: string[];
  folderIds: string[];
  templateIds: string[];
}

// Text keys that are prose or code owned by GTM, not references: a note may mention {{x}}.
const nonReferenceKeys = new Set(['notes', 'name', 'templateData', 'tagManagerUrl', 'path']);

/** The references of an entity object of an export. Never throws. */
export function findEntityReferences(entity: JsonObject): EntityReferences {
  const variableNames = new Set<string>();
  for (const key of Object.keys(entity)) {
    if (!nonReferenceKeys.has(key)) collectVariableReferences(entity[key], variableNames);
  }

  const triggerIds = [
    ...readIdList(entity['firingTriggerId']),
    ...readIdList(entity['blockingTriggerId']),
  ];
  const tagNames = [...sequenced(entity['setupTag']), ...sequenced(entity['teardownTag'])];
  collectReferenceParameters(entity['parameter'], triggerIds, tagNames, 0);

  const folderId = readId(entity['parentFolderId']);
  const templateId = templateIdOfType(entity['type']);
  return {
    triggerIds,
    tagNames,
    variableNames: [...variableNames],
    folderIds: folderId === undefined ? [] : [folderId],
    templateIds: templateId === undefined ? [] : [templateId],
  };
}

/** The template id of a custom template type `cvt_<containerId>_<templateId>`. */
export function templateIdOfType(type: unknown): string | undefined {
  if (typeof type !== 'string') return undefined;
  return /^cvt_.*_(\d+)$/.exec(type)?.[1];
}

function sequenced(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    const name = isJsonObject(entry) ? readId(entry['tagName']) : undefined;
    return name === undefined ? [] : [name];
  });
}

// Trigger groups list their triggers as TRIGGER_REFERENCE parameters; tags may name other
// tags with TAG_REFERENCE (older GA4 event tags name their configuration tag this way).
function collectReferenceParameters(
  value: unknown,
  triggerIds: string[],
  tagNames: string[],
  depth: number,
): void {
  if (depth > 16) return;
  for (const parameter of asParameterList(value)) {
    const text = readId(parameter.value);
    if (text !== undefined && hasParameterType(parameter, 'TRIGGER_REFERENCE'))
      triggerIds.push(text);
    if (text !== undefined && hasParameterType(parameter, 'TAG_REFERENCE')) tagNames.push(text);
    collectReferenceParameters(parameter.list, triggerIds, tagNames, depth + 1);
    collectReferenceParameters(parameter.map, triggerIds, tagNames, depth + 1);
  }
}
