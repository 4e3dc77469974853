import type { Ga4Event } from '../events/event-types.js';
import { buildRawRecord } from './build-raw-record.js';
import type { DraftEvent } from './event-draft.js';

/** The texts an event's `raw` is built from, and the record once it has been built or replaced. */
interface RawSource {
  /** Emptied once the record exists: it is not needed any more. */
  texts: readonly string[];
  record: Record<string, string> | undefined;
}

const RAW_SOURCE = Symbol('raw source');

type EventWithRawSource = Ga4Event & { [RAW_SOURCE]: RawSource };

/**
 * One getter and setter pair for every event: sharing them keeps all decoded events on one
 * hidden class. `raw` is built on first read: building a record of forty-odd computed keys
 * for every event cost about 2 µs of the 11 an event took to decode on the bundled captures,
 * and many readers never look at it.
 */
const RAW_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: EventWithRawSource): Record<string, string> {
    const source = this[RAW_SOURCE];
    if (source.record === undefined) {
      source.record = buildRawRecord(source.texts);
      source.texts = [];
    }
    return source.record;
  },
  set(this: EventWithRawSource, record: Record<string, string>): void {
    const source = this[RAW_SOURCE];
    source.record = record;
    source.texts = [];
  },
};

/**
 * Completes an event with its `raw` record, built from `texts` (the query, then the body line
 * its pairs came from) the first time it is read. `raw` is an own enumerable property like
 * every other field, so `Object.keys`, spreading, `JSON.stringify`, `structuredClone` and deep
 * equality all see the record, and assigning to it replaces it. What keeps the texts is a
 * non-enumerable symbol, invisible to all of those.
 */
export function attachRawRecord(event: DraftEvent, texts: readonly string[]): Ga4Event {
  const source: RawSource = { texts, record: undefined };
  Object.defineProperty(event, RAW_SOURCE, { value: source });
  return Object.defineProperty(event, 'raw', RAW_PROPERTY) as Ga4Event;
}
