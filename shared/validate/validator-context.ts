import type { Layer } from '../events/event-types.js';
import type { PlannedEvent, TrackingPlan } from '../plan/plan-types.js';
import type { PiiWalkOptions } from '../pii/find-pii-in-event.js';
import type { PiiFinding } from '../pii/pii-types.js';
import { scanPlainValue, scanValueForPii, scanWithDetectors } from '../pii/scan-value-for-pii.js';
import { compileLayerMapping, type PropertyMapper } from './apply-layer-mapping.js';
import type { NameChecks } from './check-names.js';
import type { NamingRules } from './check-naming.js';
import { compileEventSchema, type CompiledEventSchema } from './compile-event-schema.js';
import { createEventNameFacts, type EventNameFactsLookup } from './event-name-facts.js';
import { compileNamingRule } from './naming-rules.js';
import { createNameFacts } from './parameter-name-facts.js';

export interface CompiledEvent {
  properties: CompiledEventSchema;
  userProperties: CompiledEventSchema | null;
}

/** Everything a validator prepares once per plan and reuses for every event. */
export interface ValidatorContext {
  plan: TrackingPlan;
  events: Map<string, PlannedEvent>;
  mappers: Record<Layer, PropertyMapper>;
  naming: NamingRules;
  /** The name checks each layer gets: GA4 limits and reserved names only where GA4 applies. */
  nameChecks: Record<Layer, NameChecks>;
  /** What the plan says about an event name: its entry, naming and reserved-name facts. */
  eventFacts: EventNameFactsLookup;
  piiAllow: ReadonlySet<string>;
  piiLayers: ReadonlySet<Layer>;
  /** Whether events of each layer are scanned for personal data. */
  isPiiScanned: Record<Layer, boolean>;
  /** The personal-data walk's options, made once: the allowed names and the URL cache. */
  piiOptions: PiiWalkOptions;
  /** The compiled schemas of a planned event, built on first use. */
  compiledFor(planned: PlannedEvent): CompiledEvent;
  /** URL scan remembering the previous URL of each name: a page's events repeat its URL. */
  scanUrl(url: string, name: string): readonly PiiFinding[];
}

// URL names are few (`page_location`, `page_referrer` …); the bound only guards odd inputs.
const maxRememberedNames = 64;
// Parameter and item keys are a few hundred in real traffic; past the bound all are dropped.
const maxRememberedKeys = 512;

export function createValidatorContext(plan: TrackingPlan): ValidatorContext {
  const { globals } = plan;
  const mapping = (layer: Layer) =>
    compileLayerMapping(plan.layers?.[layer] ?? { lift: [], ignore: [] });
  const naming: NamingRules = {
    events: compileNamingRule(globals.naming.events),
    parameters: compileNamingRule(globals.naming.parameters),
  };
  const nameFacts = createNameFacts(naming.parameters);
  const nameChecks = (isGa4: boolean): NameChecks => ({
    naming,
    limits: isGa4 && globals.ga4Limits,
    reserved: isGa4 && globals.reservedNames,
    facts: nameFacts,
  });
  const piiAllow: ReadonlySet<string> = new Set(globals.pii.allow);
  const scanUrl = createRecentUrlScan();
  const scanValue = createRecentValueScan();
  // A Map, not the plan's object, so names such as "constructor" find nothing inherited.
  const events = new Map(Object.entries(plan.events));
  const piiLayers: ReadonlySet<Layer> = new Set(globals.pii.layers);
  const isPiiScanned = (layer: Layer) => globals.pii.enabled && piiLayers.has(layer);
  return {
    plan,
    events,
    mappers: {
      datalayer: mapping('datalayer'),
      ga4: mapping('ga4'),
      warehouse: mapping('warehouse'),
      other: mapping('other'),
    },
    naming,
    nameChecks: {
      datalayer: nameChecks(false),
      ga4: nameChecks(true),
      warehouse: nameChecks(true),
      other: nameChecks(false),
    },
    eventFacts: createEventNameFacts(events, naming.events),
    piiAllow,
    piiLayers,
    isPiiScanned: {
      datalayer: isPiiScanned('datalayer'),
      ga4: isPiiScanned('ga4'),
      warehouse: isPiiScanned('warehouse'),
      other: isPiiScanned('other'),
    },
    piiOptions: { allow: piiAllow, scanUrl, scanValue },
    compiledFor: createSchemaCache(),
    scanUrl,
  };
}

function createSchemaCache(): (planned: PlannedEvent) => CompiledEvent {
  const compiled = new Map<string, CompiledEvent>();
  return (planned) => {
    const known = compiled.get(planned.name);
    if (known) return known;
    const userSchema = planned.userPropertiesSchema;
    const built: CompiledEvent = {
      properties: compileEventSchema(planned.schema),
      userProperties: userSchema === undefined ? null : compileEventSchema(userSchema),
    };
    compiled.set(planned.name, built);
    return built;
  };
}

type ScanUnderName = (text: string, name: string) => readonly PiiFinding[];

/**
 * The URL scan, remembering the last URL scanned under each name: the events of one page
 * arrive together and repeat its `page_location`, and every line of a batched request does.
 * Only the previous URL is kept, not a table of every URL seen: such a table made a benchmark
 * that replays the same captures over and over look faster than a real session would be (the
 * scans it skipped were nearly a fifth of the time spent decoding and validating the bundled
 * captures), and hashing every long URL to look it up costs more than comparing it with one.
 */
function createRecentUrlScan(): ScanUnderName {
  return rememberLastScanPerName(scanValueForPii, maxRememberedNames);
}

/**
 * The value scan, remembering the last value under each key that needed the detectors (ids,
 * URLs, numbers): the same policy as the URL scan above, for the same reason. The events of a
 * page or a batch repeat such values under the same key (a product's `item_id` and
 * `location_id` in `view_item`, `add_to_cart` and `purchase`; a site's cookie ids on every
 * event), while values unique to one event (`event_id`, `transaction_id`) are scanned each
 * time. Values no detector could match are scanned outright: that costs less than a lookup.
 */
function createRecentValueScan(): ScanUnderName {
  const detectorScan = rememberLastScanPerName(scanWithDetectors, maxRememberedKeys);
  return (value, key) => scanPlainValue(value, key) ?? detectorScan(value, key);
}

/** `scan`, answering from memory when a name's text is the one it scanned last under it. */
function rememberLastScanPerName(scan: ScanUnderName, maxNames: number): ScanUnderName {
  const recentByName = new Map<string, { text: string; findings: readonly PiiFinding[] }>();
  return (text, name) => {
    const recent = recentByName.get(name);
    if (recent !== undefined && recent.text === text) return recent.findings;
    const findings = scan(text, name);
    if (recent !== undefined) {
      recent.text = text;
      recent.findings = findings;
      return findings;
    }
    // Past the bound every name is forgotten: real traffic has far fewer.
    if (recentByName.size >= maxNames) recentByName.clear();
    recentByName.set(name, { text, findings });
    return findings;
  };
}
