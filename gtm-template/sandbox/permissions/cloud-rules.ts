import { wildcardToRegExp } from './match-url-pattern.js';
import { describeArgument, textArgument, type PermissionRule } from './permission-rule.js';

// BigQuery and Firestore use this project id when the call leaves projectId out (§1.5 [D]).
const AMBIENT_PROJECT = 'GOOGLE_CLOUD_PROJECT';

function readOption(options: unknown, key: string): string | undefined {
  if (options === null || typeof options !== 'object') return undefined;
  const value = Object.hasOwn(options, key) ? (options as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function matchesStar(allowed: unknown, actual: string): boolean {
  return allowed === '*' || allowed === actual;
}

/**
 * access_bigquery: `allowedTables` rows `{projectId, datasetId, tableId, operation}` with `*`
 * wildcards; query `('write', {projectId?, datasetId, tableId})` (§1.5 [D]).
 */
export const accessBigQueryRule: PermissionRule = {
  id: 'access_bigquery',
  contexts: ['server'],
  check: (params, args) => {
    const operation = textArgument(args, 0) || 'write';
    const projectId = readOption(args[1], 'projectId') ?? AMBIENT_PROJECT;
    const datasetId = readOption(args[1], 'datasetId') ?? '';
    const tableId = readOption(args[1], 'tableId') ?? '';
    const isAllowed = params
      .records('allowedTables')
      .some(
        (row) =>
          (row.operation ?? 'write') === operation &&
          matchesStar(row.projectId, projectId) &&
          matchesStar(row.datasetId, datasetId) &&
          matchesStar(row.tableId, tableId),
      );
    if (isAllowed) return undefined;
    return {
      subject: `${operation} access to the table ${projectId}.${datasetId}.${tableId}`,
      fix: 'add it to its allowed tables',
    };
  },
};

/**
 * access_firestore: `allowedOptions` rows `{projectId, path, operation, databaseId?}` where
 * operation is read, write or read_write and `*` in path matches any characters; query
 * `(operation, {projectId?, path, databaseId?})`. A row without databaseId allows any database.
 */
export const accessFirestoreRule: PermissionRule = {
  id: 'access_firestore',
  contexts: ['server'],
  check: (params, args) => {
    const operation = textArgument(args, 0);
    const projectId = readOption(args[1], 'projectId') ?? AMBIENT_PROJECT;
    const path = readOption(args[1], 'path') ?? '';
    const databaseId = readOption(args[1], 'databaseId') ?? '(default)';
    const isAllowed = params.records('allowedOptions').some((row) => {
      const isOperation = row.operation === operation || row.operation === 'read_write';
      const isDatabase = row.databaseId === undefined || matchesStar(row.databaseId, databaseId);
      const isPath = typeof row.path === 'string' && wildcardToRegExp(row.path).test(path);
      return isOperation && isDatabase && isPath && matchesStar(row.projectId, projectId);
    });
    if (isAllowed) return undefined;
    return {
      subject: `${operation || describeArgument(args[0])} access to the Firestore path ${describeArgument(path)} in project ${projectId}`,
      fix: 'add a row with its project, path and operation to its allowed options',
    };
  },
};

/** use_google_credentials: `allowedScopes`; query `(scopes)`: every scope must be listed. */
export const useGoogleCredentialsRule: PermissionRule = {
  id: 'use_google_credentials',
  contexts: ['server'],
  check: (params, args) => {
    const scopes = Array.isArray(args[0]) ? args[0] : [args[0]];
    const allowed = params.strings('allowedScopes');
    const missing = scopes.filter((scope) => typeof scope !== 'string' || !allowed.includes(scope));
    if (scopes.length > 0 && missing.length === 0) return undefined;
    return {
      subject: `the OAuth scopes ${describeArgument(missing.length > 0 ? missing : scopes)}`,
      fix: 'add them to its allowed scopes',
    };
  },
};

/** use_custom_private_keys: `keyIds`; query `(keyId)`. */
export const useCustomPrivateKeysRule: PermissionRule = {
  id: 'use_custom_private_keys',
  contexts: ['server'],
  check: (params, args) => {
    const keyId = textArgument(args, 0);
    if (keyId !== '' && params.strings('keyIds').includes(keyId)) return undefined;
    return {
      subject: `the private key ${describeArgument(args[0])}`,
      fix: 'add its id to the allowed key ids',
    };
  },
};

const MESSAGE_ACTIONS = new Set(['listen', 'send', 'listen_and_send']);

/**
 * use_message: `allowedActions` any|specific, `messageTypes` rows `{type, action}` with action
 * listen, send or listen_and_send; query `(action, type)`.
 */
export const useMessageRule: PermissionRule = {
  id: 'use_message',
  contexts: ['server'],
  check: (params, args) => {
    if (params.text('allowedActions') === 'any') return undefined;
    const action = textArgument(args, 0);
    const type = textArgument(args, 1);
    const isAllowed =
      MESSAGE_ACTIONS.has(action) &&
      params
        .records('messageTypes')
        .some(
          (row) =>
            matchesStar(row.type, type) &&
            (row.action === action || row.action === 'listen_and_send'),
        );
    if (isAllowed) return undefined;
    return {
      subject: `${action || 'use'} of the message type ${describeArgument(args[1])}`,
      fix: 'add the type and action to its message types',
    };
  },
};
