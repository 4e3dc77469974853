import type { SessionNavigation } from '../../common/session-types.js';

/**
 * The document each navigation happened in: a new document starts a scope, and SPA history
 * and fragment changes or a bfcache restore stay in the document before them. Records of
 * two documents never link in lineage.
 */
export function documentScopes(navigations: readonly SessionNavigation[]): Map<number, string> {
  const scopes = new Map<number, string>();
  let current = 'doc0';
  for (const navigation of [...navigations].sort((left, right) => left.id - right.id)) {
    if (navigation.kind === 'document') current = `doc${navigation.id}`;
    scopes.set(navigation.id, current);
  }
  return scopes;
}
