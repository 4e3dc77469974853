import { isSafeLayerName } from './is-safe-layer-name.js';

/** The `storage.local` key holding the user's extra dataLayer names. */
export const DATA_LAYER_NAMES_KEY = 'dataLayerNames';

const MAX_NAMES = 20;

/**
 * The user's dataLayer names from storage: safe identifiers only (`isSafeLayerName`), no duplicates, at most 20. Anything else in storage is ignored. Never throws.
 */
export function readDataLayerNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const names: string[] = [];
  for (const name of value) {
    if (!isSafeLayerName(name) || names.includes(name)) continue;
    names.push(name);
    if (names.length === MAX_NAMES) break;
  }
  return names;
}
