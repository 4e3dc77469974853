import type { ApiDefinition } from '../contract.js';

/** `queryPermission(permission, ...args)` → true when the call it describes would be allowed (§1.5). */
export const queryPermissionApi: ApiDefinition = {
  name: 'queryPermission',
  contexts: ['web', 'server'],
  create:
    (environment) =>
    (permission, ...args) =>
      typeof permission === 'string' && environment.permissions.query(permission, ...args),
};
