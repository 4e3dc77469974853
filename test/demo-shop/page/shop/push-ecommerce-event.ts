/** The dataLayer this page's GTM snippet created: `<body data-layer="…">`, `dataLayer` by default. */
export function pageLayer(): unknown[] {
  const name = document.body.dataset.layer ?? 'dataLayer';
  const scope = window as unknown as Record<string, unknown>;
  const layer = scope[name];
  if (Array.isArray(layer)) return layer;
  const created: unknown[] = [];
  scope[name] = created;
  return created;
}

/**
 * Pushes a GA4 ecommerce event the way Google's GTM guide asks: `{ecommerce: null}` first, so
 * nothing of the previous event's ecommerce object survives the merge (protocol notes §12).
 * `extra` carries GTM control keys such as eventCallback and eventTimeout.
 */
export function pushEcommerceEvent(
  event: string,
  ecommerce: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): void {
  const layer = pageLayer();
  layer.push({ ecommerce: null });
  layer.push({ event, ecommerce, ...extra });
}

/**
 * Pushes an event whose tags must run before the page is left, then leaves: GTM calls
 * eventCallback when they are done; the timer covers a container that never loaded.
 */
export function pushThenNavigate(
  event: string,
  ecommerce: Record<string, unknown>,
  href: string,
): void {
  let hasLeft = false;
  const leave = () => {
    if (hasLeft) return;
    hasLeft = true;
    location.assign(href);
  };
  pushEcommerceEvent(event, ecommerce, { eventCallback: leave, eventTimeout: 1500 });
  setTimeout(leave, 2500);
}
