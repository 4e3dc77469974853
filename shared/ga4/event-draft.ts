import type { Ga4Event } from '../events/event-types.js';

/** A `prN` value kept raw until every pair of the event is known (a body line may replace it). */
export interface PendingItem {
  number: number;
  key: string;
  rawValue: string;
}

/** The two records of typed values: event parameters and user properties. */
export type ParamGroup = 'params' | 'userProperties';

/** A GA4 event while its pairs are being applied, with the bookkeeping the finished event drops. */
export interface EventDraft {
  event: Ga4Event;
  pendingItems: PendingItem[];
  /** The wire key that set each entry, to notice `ep.value` next to `epn.value`. */
  wireKeys: Record<ParamGroup, Record<string, string>>;
}

export function createEventDraft(endpoint: string, lineIndex: number): EventDraft {
  const event: Ga4Event = {
    layer: 'ga4',
    name: null,
    params: {},
    items: [],
    userProperties: {},
    consent: {},
    ids: {},
    page: {},
    session: {},
    campaign: {},
    clientHints: {},
    serverSide: {},
    flags: {},
    unknown: {},
    raw: {},
    lineIndex,
    endpoint,
    warnings: [],
  };
  return {
    event,
    pendingItems: [],
    wireKeys: { params: createLookup(), userProperties: createLookup() },
  };
}

function createLookup(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}
