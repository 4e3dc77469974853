import { decodeBase64Text } from '../../../shared/text/decode-base64-text.js';
import type { ApiDefinition } from '../contract.js';
import { bytesToBase64, bytesToBase64Url, utf8Bytes } from './byte-encoding.js';
import { gtmString } from './gtm-conversions.js';

/**
 * `toBase64(text, options?)`: base64 of the UTF-8 bytes. On the server `{urlEncoding: true}`
 * gives the URL-safe alphabet without padding (§3.3), as Node's `base64url` writes it.
 */
export const toBase64Api: ApiDefinition = {
  name: 'toBase64',
  contexts: ['web', 'server'],
  create: (environment) => (text, options) => {
    const bytes = utf8Bytes(gtmString(text));
    const isUrlSafe = environment.context === 'server' && readFlag(options, 'urlEncoding');
    return isUrlSafe ? bytesToBase64Url(bytes) : bytesToBase64(bytes);
  },
};

/** `fromBase64(text)`: the UTF-8 text, or undefined when the input is not base64 of UTF-8. */
export const fromBase64Api: ApiDefinition = {
  name: 'fromBase64',
  contexts: ['web', 'server'],
  create: () => (text) => (typeof text === 'string' ? decodeBase64Text(text.trim()) : undefined),
};

function readFlag(options: unknown, key: string): boolean {
  return (
    options !== null &&
    typeof options === 'object' &&
    Object.hasOwn(options, key) &&
    (options as Record<string, unknown>)[key] === true
  );
}
