import type { FunctionMask } from './create-function-mask.js';
import type { RequestRecorder } from './create-request-recorder.js';
import { callMethod } from './page-intrinsics.js';
import { replaceSetter } from './replace-setter.js';

/**
 * Wraps the `src` setter of `HTMLImageElement.prototype`, which `new Image().src = …` pixels
 * (Universal Analytics, Ads, the Meta pixel, gtag's fallback) go through. The URL is read back
 * from the element, resolved by the browser. Images created from markup reach the network
 * without this setter; `webRequest` sees those.
 */
export function wrapImageSource(
  scope: typeof globalThis,
  mask: FunctionMask,
  recorder: RequestRecorder,
): void {
  replaceSetter(scope.HTMLImageElement?.prototype, 'src', mask, (image, getter) => {
    const url = callMethod<unknown>(getter, image);
    if (typeof url === 'string' && url !== '')
      recorder.recordResolved('image', 'GET', url, undefined);
  });
}
