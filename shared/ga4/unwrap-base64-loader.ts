import { decodeBase64Text } from '../text/decode-base64-text.js';
import { percentDecode } from '../text/percent-decode.js';
import { splitUrl, type UrlParts } from '../text/split-url.js';

/**
 * Unwraps the obfuscating loaders that hide a whole `/g/collect?…` request as base64 in one
 * random-named query parameter (protocol notes §1.2, Stape's custom loader):
 * `/collect?e44f730e=L2cvY29sbGVjdD92PTIm…`, the value percent-encoded too (`%2B`, `%3D`).
 * Returns the hidden path and query, or undefined when the query is not of that shape.
 */
export function unwrapBase64Loader(query: string): UrlParts | undefined {
  const equalsAt = query.indexOf('=');
  if (equalsAt < 1 || query.includes('&')) {
    return undefined;
  }

  // `+` is a base64 digit here, not a space.
  const value = percentDecode(query.slice(equalsAt + 1)).value;
  // Base64 of a text starting with `/` starts with `L`: a cheap test before decoding.
  if (!value.startsWith('L')) {
    return undefined;
  }
  const hidden = decodeBase64Text(value);
  if (hidden === undefined || !hidden.startsWith('/')) {
    return undefined;
  }
  const parts = splitUrl(hidden);
  return parts.path.endsWith('/g/collect') ? parts : undefined;
}
