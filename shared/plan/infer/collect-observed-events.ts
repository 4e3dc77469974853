import { decodeRequest } from '../../beacons/decode-request.js';
import type { CapturedRecord } from '../../capture/captured-input.js';
import {
  dataLayerStepToTestInput,
  isGtmInternalEvent,
} from '../../check/datalayer-step-to-test-input.js';
import { createDataLayerReplay, type DataLayerReplay } from '../../datalayer/index.js';
import { ga4EventToTestInput } from '../../validate/ga4-event-to-test-input.js';
import { compileLayerMapping } from '../../validate/apply-layer-mapping.js';
import type { EventUnderTest } from '../../validate/event-under-test.js';
import { defaultLayerMappings } from '../read-plan-layers.js';
import type { ObservedEvent } from './observed-event.js';

/**
 * The events of capture records, read exactly as `tagwarden check` reads them: GA4 hits
 * decoded into their parameters and items, dataLayer pushes replayed into GTM's model per
 * page, with the default dataLayer mapping applied (`ecommerce` lifted, GTM's keys dropped).
 * Other vendors' beacons, GTM's own events and nameless messages are left out.
 */
export function collectObservedEvents(records: readonly CapturedRecord[]): ObservedEvent[] {
  const events: ObservedEvent[] = [];
  const replays = new Map<string, DataLayerReplay>();
  const mapDataLayer = compileLayerMapping(defaultLayerMappings().datalayer);

  for (const record of records) {
    if (record.kind === 'request') {
      const decoded = decodeRequest(
        { url: record.url, ...(record.body === undefined ? {} : { body: record.body }) },
        { pasted: record.isPasted === true },
      );
      if (decoded.kind !== 'ga4') continue;
      for (const event of decoded.events) pushObserved(events, ga4EventToTestInput(event));
      continue;
    }
    const key = `${record.source.file}\u0000${record.pageUrl ?? ''}\u0000${record.dataLayerName ?? 'dataLayer'}`;
    let replay = replays.get(key);
    if (!replay) {
      replay = createDataLayerReplay();
      replays.set(key, replay);
    }
    for (const step of replay.push(record.push)) {
      if (step.event === null || isGtmInternalEvent(step.event)) continue;
      const input = dataLayerStepToTestInput(step);
      pushObserved(events, { ...input, properties: mapDataLayer(input.properties) });
    }
  }
  return events;
}

function pushObserved(events: ObservedEvent[], input: EventUnderTest): void {
  if (typeof input.name !== 'string' || input.name === '') return;
  const event: ObservedEvent = {
    name: input.name,
    layer: input.layer,
    properties: input.properties,
  };
  if (input.userProperties) event.userProperties = input.userProperties;
  events.push(event);
}
