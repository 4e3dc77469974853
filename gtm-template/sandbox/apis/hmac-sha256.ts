import type { ApiDefinition } from '../contract.js';
import { base64ToBytes, encodeDigest, utf8Bytes } from './byte-encoding.js';
import { gtmString } from './gtm-conversions.js';
import { hmacSha256Bytes } from './sha256-bytes.js';
import { serverWorldOf } from './world-of.js';

/**
 * `hmacSha256(data, keyId, options?)` → the HMAC-SHA-256 of `data` under the key `keyId`, in
 * `options.outputEncoding` (hex, base64url, else base64). GTM reads keys from the
 * `SGTM_CREDENTIALS` key file; here they come from `world.privateKeys` (base64). An unknown key
 * id answers undefined, as the server would fail the call.
 */
export const hmacSha256Api: ApiDefinition = {
  name: 'hmacSha256',
  contexts: ['server'],
  create: (environment) => (data, keyId, options) => {
    environment.permissions.assert('hmacSha256', 'use_custom_private_keys', keyId);
    const keys = serverWorldOf(environment).privateKeys ?? {};
    const encodedKey =
      typeof keyId === 'string' && Object.hasOwn(keys, keyId) ? keys[keyId] : undefined;
    const key = encodedKey === undefined ? undefined : base64ToBytes(encodedKey);
    if (key === undefined) return undefined;
    const encoding =
      options !== null && typeof options === 'object'
        ? (options as Record<string, unknown>).outputEncoding
        : undefined;
    return encodeDigest(hmacSha256Bytes(key, utf8Bytes(gtmString(data))), encoding);
  },
};
