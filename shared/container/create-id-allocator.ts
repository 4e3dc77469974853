import type { ContainerIndex } from './container-types.js';
import { isJsonObject } from './is-json-object.js';

const idKeys = [
  'tagId',
  'triggerId',
  'variableId',
  'folderId',
  'templateId',
  'zoneId',
  'clientId',
  'transformationId',
];

// GTM's built-in triggers (All Pages 2147479553, Initialization 2147479573, …) use ids just
// below 2^31; a new id counted from them would overflow the 32-bit range GTM uses.
const RESERVED_FROM = 2147479000;

/**
 * Hands out ids for new objects: one counter above every numeric id the container uses, in
 * every list, since GTM numbers tags, triggers, variables and folders from one sequence.
 */
export function createIdAllocator(container: ContainerIndex): () => string {
  let next = highestId(container) + 1;
  return () => String(next++);
}

function highestId(container: ContainerIndex): number {
  let highest = 0;
  for (const list of Object.values(container.version)) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isJsonObject(entry)) continue;
      for (const key of idKeys) highest = Math.max(highest, numericId(entry[key]));
    }
  }
  return highest;
}

function numericId(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,10}$/.test(text)) return 0;
  const id = Number(text);
  return id < RESERVED_FROM ? id : 0;
}
