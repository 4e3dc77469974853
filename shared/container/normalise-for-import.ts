import type { JsonObject } from './container-types.js';

const idKeys = [
  'accountId',
  'containerId',
  'tagId',
  'triggerId',
  'variableId',
  'folderId',
  'templateId',
  'parentFolderId',
];
const idListKeys = ['firingTriggerId', 'blockingTriggerId'];

/**
 * Brings an object written into an export to the form GTM exports have: ids as text (a
 * hand-written file may use numbers) and a fingerprint on every entity that carries one.
 * Changes the object in place.
 */
export function normaliseForImport(
  object: JsonObject,
  fingerprint: string | undefined,
): JsonObject {
  for (const key of idKeys) {
    if (typeof object[key] === 'number') object[key] = String(object[key]);
  }
  for (const key of idListKeys) {
    const list = object[key];
    if (Array.isArray(list))
      object[key] = list.map((id: unknown) => (typeof id === 'number' ? String(id) : id));
  }
  const current = object['fingerprint'];
  if (fingerprint !== undefined && (typeof current !== 'string' || current === ''))
    object['fingerprint'] = fingerprint;
  return object;
}
