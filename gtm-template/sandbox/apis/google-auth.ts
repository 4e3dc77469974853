import type { ApiDefinition } from '../contract.js';
import { isPlainObject } from './copy-host-value.js';

// The marker survives the copy the auth object gets when the template passes it back.
const AUTH_KIND = 'tagwarden/google-auth';

/**
 * `getGoogleAuth({scopes})` → an auth object for the `authorization` option of
 * sendHttpRequest/sendHttpGet. GTM mints tokens from the container's service account; here the
 * object only records its scopes, and requests carrying it get a placeholder Bearer token.
 */
export const getGoogleAuthApi: ApiDefinition = {
  name: 'getGoogleAuth',
  contexts: ['server'],
  create: (environment) => (options) => {
    const scopes = isPlainObject(options) && Array.isArray(options.scopes) ? options.scopes : [];
    environment.permissions.assert('getGoogleAuth', 'use_google_credentials', scopes);
    return { kind: AUTH_KIND, scopes: scopes.filter((scope) => typeof scope === 'string') };
  },
};

/** True for an object getGoogleAuth returned (or its copy). */
export function isGoogleAuth(value: unknown): boolean {
  return isPlainObject(value) && value.kind === AUTH_KIND;
}
