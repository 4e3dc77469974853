import type { PermissionChecker } from '../../../../gtm-template/sandbox/contract.js';

/**
 * The template's own permissions, plus `send_pixel` to the collector's origin. GTM's URL match
 * patterns accept only https URLs, while the demo's collector answers on http://127.0.0.1, so
 * no permission entry could allow it; a site would list its https collector instead. Every
 * other call is checked exactly as the template declares.
 */
export function allowCollectorPixels(
  checker: PermissionChecker,
  collectorUrl: string,
): PermissionChecker {
  const collectorOrigin = originOf(collectorUrl);
  const isCollectorPixel = (permission: string, url: unknown) =>
    permission === 'send_pixel' &&
    typeof url === 'string' &&
    collectorOrigin !== undefined &&
    originOf(url) === collectorOrigin;

  return {
    assert(api, permission, ...args) {
      if (!isCollectorPixel(permission, args[0])) checker.assert(api, permission, ...args);
    },
    query(permission, ...args) {
      return isCollectorPixel(permission, args[0]) || checker.query(permission, ...args);
    },
  };
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
