import type { ApiDefinition, ApiEnvironment } from '../contract.js';
import { encodeDigest, utf8Bytes } from './byte-encoding.js';
import { gtmString } from './gtm-conversions.js';
import { callBackLater } from './send-through-network.js';
import { sha256Bytes } from './sha256-bytes.js';

function outputEncoding(options: unknown): unknown {
  if (options === null || typeof options !== 'object' || !Object.hasOwn(options, 'outputEncoding'))
    return undefined;
  return (options as Record<string, unknown>).outputEncoding;
}

/** The digest of a template value: UTF-8 of its string form, base64 unless `hex` is asked for. */
export function digestOf(input: unknown, options: unknown): string {
  return encodeDigest(
    sha256Bytes(utf8Bytes(gtmString(input))),
    outputEncoding(options) === 'hex' ? 'hex' : 'base64',
  );
}

/**
 * `sha256(input, onSuccess, onFailure?, options?)` on the web, `sha256(input, onSuccess,
 * options?)` on the server (§3.3): the digest reaches `onSuccess` after the current code, as
 * GTM computes it asynchronously. An object in third place is read as the options either way.
 */
export const sha256Api: ApiDefinition = {
  name: 'sha256',
  contexts: ['web', 'server'],
  create: (environment: ApiEnvironment) => (input, onSuccess, third, fourth) => {
    const options = typeof third === 'function' ? fourth : third;
    callBackLater(environment, onSuccess, digestOf(input, options));
  },
};

/** `sha256Sync(input, options?)` → the digest, at once (server). */
export const sha256SyncApi: ApiDefinition = {
  name: 'sha256Sync',
  contexts: ['server'],
  create: () => (input, options) => digestOf(input, options),
};
