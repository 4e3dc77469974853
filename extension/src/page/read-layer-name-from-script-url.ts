import { findQueryValue } from '../../../shared/text/find-query-value.js';
import { splitUrl } from '../../../shared/text/split-url.js';
import { isSafeLayerName } from '../common/is-safe-layer-name.js';

/**
 * The dataLayer name a GTM or gtag loader URL asks for with `l=`, on any host (Google's, a
 * first-party or server-side GTM host, a Tag Gateway path): `…/gtm.js?id=GTM-X&l=myLayer`,
 * `…/gtag/js?id=G-X&l=myLayer`. Undefined when the URL is no loader or names no usable layer.
 */
export function readLayerNameFromScriptUrl(url: string): string | undefined {
  if (!url.includes('l=')) return undefined;
  const { path, query } = splitUrl(url);
  if (!path.endsWith('/gtm.js') && !path.endsWith('/gtag/js')) return undefined;
  const name = findQueryValue(query, 'l');
  return isSafeLayerName(name) ? name : undefined;
}
