import type { PlannedEvent } from '../plan/plan-types.js';
import { rememberPerName } from '../text/remember-per-name.js';
import { reservedEventNames, reservedEventPrefixes } from './ga4-rules.js';
import type { CompiledNamingRule } from './naming-rules.js';

/** What the validator needs to know about one event name, whatever the event carries. */
export interface EventNameFacts {
  /** The plan's entry for the name, if it has one. */
  planned: PlannedEvent | undefined;
  /** Follows the plan's event naming rule (or the plan has none). */
  isConventional: boolean;
  /** The GA4-reserved prefix the name starts with, if any. */
  reservedPrefix: string | undefined;
  /** A name GA4 collects itself, such as `page_view`. */
  isReservedName: boolean;
}

export type EventNameFactsLookup = (name: string) => EventNameFacts;

/**
 * Event-name facts for one plan, remembered per name: real traffic repeats a few dozen event
 * names, and the plan lookup, the naming rule and the reserved-name checks each asked about
 * the name of every event. One lookup instead took validating an event without parameters
 * from about 200 ns to 165 ns (Node 20). Only names are remembered, never values.
 */
export function createEventNameFacts(
  events: ReadonlyMap<string, PlannedEvent>,
  eventRule: CompiledNamingRule | null,
): EventNameFactsLookup {
  return rememberPerName((name) => ({
    planned: events.get(name),
    isConventional: eventRule === null || eventRule.accepts(name),
    reservedPrefix: reservedEventPrefixes.find((prefix) => name.startsWith(prefix)),
    isReservedName: reservedEventNames.has(name),
  }));
}
