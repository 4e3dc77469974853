import {
  PermissionDeniedError,
  type ContainerContext,
  type PermissionChecker,
  type PermissionEntry,
} from '../contract.js';
import { readPermissionParams, type PermissionParams } from './permission-params.js';
import type { CheckMode, Denial } from './permission-rule.js';
import { permissionRules } from './permission-rules.js';

/** How the template runs: preview/debug (the default, as template tests run) or live. */
export interface PermissionCheckerOptions {
  isDebug?: boolean;
}

/**
 * Builds the checker for one template from its `___WEB_PERMISSIONS___` or
 * `___SERVER_PERMISSIONS___` entries. A call is allowed when any entry with the permission's id
 * allows it; entries for ids of the other container context, or unknown ids, grant nothing.
 * Denials throw PermissionDeniedError naming the API, the permission, what was asked and how
 * to allow it.
 */
export function createPermissionChecker(
  entries: PermissionEntry[],
  context: ContainerContext,
  options: PermissionCheckerOptions = {},
): PermissionChecker {
  const mode: CheckMode = { isDebug: options.isDebug ?? true };
  const granted = groupEntries(Array.isArray(entries) ? entries : []);

  const decide = (permission: string, args: unknown[]): Denial | 'undeclared' | undefined => {
    const rule = permissionRules.get(permission);
    const declared = granted.get(permission);
    if (rule === undefined || !rule.contexts.includes(context) || declared === undefined)
      return 'undeclared';
    let denial: Denial | undefined;
    for (const params of declared) {
      denial = rule.check(params, args, mode);
      if (denial === undefined) return undefined;
    }
    return denial;
  };

  return {
    assert(api, permission, ...args) {
      const verdict = decide(permission, args);
      if (verdict === undefined) return;
      throw new PermissionDeniedError(api, permission, describeDenial(api, permission, verdict));
    },
    query(permission, ...args) {
      return typeof permission === 'string' && decide(permission, args) === undefined;
    },
  };
}

function groupEntries(entries: PermissionEntry[]): Map<string, PermissionParams[]> {
  const granted = new Map<string, PermissionParams[]>();
  for (const entry of entries) {
    const id = entry?.instance?.key?.publicId;
    if (typeof id !== 'string') continue;
    granted.set(id, [...(granted.get(id) ?? []), readPermissionParams(entry)]);
  }
  return granted;
}

function describeDenial(api: string, permission: string, verdict: Denial | 'undeclared'): string {
  if (verdict === 'undeclared') {
    return `${api}: the template does not declare the ${permission} permission; add it on the Permissions tab`;
  }
  return `${api}: ${verdict.subject} is not allowed by the ${permission} permission; ${verdict.fix}`;
}
