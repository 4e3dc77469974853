import { apiDefinitions } from '../../../../gtm-template/sandbox/apis/api-registry.js';
import { createFetchNetwork } from '../../../../gtm-template/sandbox/apis/fetch-network.js';
import { webSetCookieApi } from '../../../../gtm-template/sandbox/apis/set-cookie.js';
import type { ParsedTemplate } from '../../../../gtm-template/sandbox/contract.js';
import { createPermissionChecker } from '../../../../gtm-template/sandbox/permissions/create-permission-checker.js';
import { runTemplate } from '../../../../gtm-template/sandbox/runtime/run-template.js';
import { allowCollectorPixels } from './allow-collector-pixels.js';
import { buildTemplateData } from './build-template-data.js';
import { createLiveWebWorld } from './create-live-web-world.js';
import { liveSetCookieApi } from './live-set-cookie-api.js';
import type { MirrorEvent, MirrorRunRecord } from './mirror-host.js';

// The registry's APIs, with setCookie writing the real document.cookie.
const liveApis = apiDefinitions.map((api) => (api === webSetCookieApi ? liveSetCookieApi : api));

// keepalive lets a pixel started just before the page is left still reach the collector.
const network = createFetchNetwork({
  fetch: (input, init) => fetch(input, { ...init, keepalive: true }),
});

/**
 * Runs the mirror tag once for one GA4 event, live: the repository's template runtime with the
 * template's permissions (checked as in a published container, not preview), a WebWorld bound
 * to this page and a network port whose `sendPixel` really requests the collector.
 */
export async function runMirrorTag(
  template: ParsedTemplate,
  event: MirrorEvent,
  host: { collectorUrl: string; containerId: string },
): Promise<MirrorRunRecord> {
  const checker = createPermissionChecker(template.permissions, 'web', { isDebug: false });
  const run = await runTemplate(template, {
    apis: liveApis,
    permissions: allowCollectorPixels(checker, host.collectorUrl),
    network,
    web: createLiveWebWorld(event, host.containerId),
    data: buildTemplateData(template.parameters, event, host.collectorUrl),
  });
  return {
    event: event.name,
    outcome: run.outcome,
    errors: run.errors.map((error) =>
      error.line === undefined ? error.message : `line ${error.line}: ${error.message}`,
    ),
    calls: run.calls.map((call) => call.api),
  };
}
