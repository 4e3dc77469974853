import type { PermissionParams } from './permission-params.js';
import {
  describeArgument,
  textArgument,
  type Denial,
  type PermissionRule,
} from './permission-rule.js';

const GLOBAL_ACCESS: Record<string, string[]> = {
  read: ['read'],
  write: ['write'],
  readwrite: ['read', 'write'],
  execute: ['execute'],
};

const STORAGE_ACCESS: Record<string, string[]> = {
  read: ['read'],
  write: ['write'],
  readwrite: ['read', 'write'],
};

/**
 * access_globals: `keys` rows `{key, read, write, execute}`; query `(access, key)` with access
 * read, write, readwrite or execute (reference notes §1.5). Keys match exactly.
 */
export const accessGlobalsRule: PermissionRule = {
  id: 'access_globals',
  contexts: ['web'],
  check: (params, args) =>
    checkKeyedAccess(params, 'keys', 'key', GLOBAL_ACCESS, args, 'the global'),
};

/** access_local_storage: `keys` rows `{key, read, write}`; query `(access, key)`. */
export const accessLocalStorageRule: PermissionRule = {
  id: 'access_local_storage',
  contexts: ['web'],
  check: (params, args) =>
    checkKeyedAccess(params, 'keys', 'key', STORAGE_ACCESS, args, 'the localStorage key'),
};

/** access_consent: `consentTypes` rows `{consentType, read, write}`; query `(consentType, access)`. */
export const accessConsentRule: PermissionRule = {
  id: 'access_consent',
  contexts: ['web'],
  check: (params, args) =>
    checkKeyedAccess(
      params,
      'consentTypes',
      'consentType',
      STORAGE_ACCESS,
      [args[1], args[0]],
      'the consent type',
    ),
};

function checkKeyedAccess(
  params: PermissionParams,
  listKey: string,
  nameKey: string,
  accessKinds: Record<string, string[]>,
  args: unknown[],
  noun: string,
): Denial | undefined {
  const access = textArgument(args, 0);
  const name = textArgument(args, 1);
  const needed = Object.hasOwn(accessKinds, access) ? accessKinds[access] : undefined;
  const subject = `${access || describeArgument(args[0])} access to ${noun} ${describeArgument(args[1])}`;
  if (needed === undefined || name === '')
    return { subject, fix: `ask for one of ${Object.keys(accessKinds).join(', ')} on a named key` };
  const row = params.records(listKey).find((candidate) => candidate[nameKey] === name);
  const isAllowed = row !== undefined && needed.every((kind) => row[kind] === true);
  return isAllowed
    ? undefined
    : { subject, fix: `grant ${needed.join(' and ')} on '${name}' in its ${listKey}` };
}
