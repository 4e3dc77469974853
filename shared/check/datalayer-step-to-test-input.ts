import type { ReplayStep } from '../datalayer/index.js';
import type { EventUnderTest } from '../validate/event-under-test.js';

/**
 * Keys GTM reads as instructions rather than event properties: they never reach a GA4 tag as
 * parameters, so a plan should not have to list them.
 */
const gtmControlKeys = new Set(['event', 'eventCallback', 'eventTimeout', 'eventReporter']);

/**
 * The properties a plan checks for one dataLayer event: a gtag event's parameters, or the
 * plain-object push without GTM's control keys (`event`, callbacks, `gtm.*`). The plan's layer
 * mapping (lifting `ecommerce`) is applied by the validator.
 */
export function dataLayerStepToTestInput(step: ReplayStep, pageUrl?: string): EventUnderTest {
  const properties: Record<string, unknown> = {};
  const source = step.kind === 'arguments' ? step.eventParams : step.push;
  if (source && typeof source === 'object' && !Array.isArray(source)) {
    for (const [key, value] of Object.entries(source)) {
      if (gtmControlKeys.has(key) || key.startsWith('gtm.')) continue;
      properties[key] = value;
    }
  }
  return {
    name: step.event,
    layer: 'datalayer',
    properties,
    ...(pageUrl ? { urls: { page_location: pageUrl } } : {}),
  };
}

/** GTM's own lifecycle and auto-events (`gtm.js`, `gtm.dom`, `gtm.linkClick` …) are not plan events. */
export function isGtmInternalEvent(name: string): boolean {
  return name.startsWith('gtm.');
}
