import type { ApiDefinition, HostFunction } from '../contract.js';

// Numbers and booleans read as their text; anything else is not a URI.
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function codec(name: string, transform: (text: string) => string): ApiDefinition {
  const run: HostFunction = (value) => {
    const text = asText(value);
    if (text === undefined) return undefined;
    try {
      return transform(text);
    } catch {
      // URIError: a malformed escape, or a lone surrogate to encode (reference notes §3.1).
      return undefined;
    }
  };
  return { name, contexts: ['web', 'server'], create: () => run };
}

/** `encodeUri(text)` → encoded text, or undefined when it cannot be encoded. */
export const encodeUriApi = codec('encodeUri', encodeURI);
/** `encodeUriComponent(text)` → encoded text, or undefined. */
export const encodeUriComponentApi = codec('encodeUriComponent', encodeURIComponent);
/** `decodeUri(text)` → decoded text, or undefined for a malformed escape. */
export const decodeUriApi = codec('decodeUri', decodeURI);
/** `decodeUriComponent(text)` → decoded text, or undefined for a malformed escape. */
export const decodeUriComponentApi = codec('decodeUriComponent', decodeURIComponent);
