import type { Layer } from '../events/event-types.js';
import type { PlannedEvent, TrackingPlan } from '../plan/plan-types.js';
import type { PiiWalkOptions } from '../pii/find-pii-in-event.js';
import type { PiiFinding } from '../pii/pii-types.js';
import { scanValueForPii } from '../pii/scan-value-for-pii.js';
import { compileLayerMapping, type PropertyMapper } from './apply-layer-mapping.js';
import type { NameChecks } from './check-names.js';
import type { NamingRules } from './check-naming.js';
import { compileEventSchema, type CompiledEventSchema } from './compile-event-schema.js';
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
  piiAllow: ReadonlySet<string>;
  piiLayers: ReadonlySet<Layer>;
  /** The personal-data walk's options, made once: the allowed names and the URL cache. */
  piiOptions: PiiWalkOptions;
  /** The compiled schemas of a planned event, built on first use. */
  compiledFor(planned: PlannedEvent): CompiledEvent;
  /** URL scan with a small cache: every event of a page repeats its `page_location`. */
  scanUrl(url: string, name: string): readonly PiiFinding[];
}

const maxCachedUrls = 512;

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
  const scanUrl = createUrlScanCache();
  return {
    plan,
    // A Map, not the plan's object, so names such as "constructor" find nothing inherited.
    events: new Map(Object.entries(plan.events)),
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
    piiAllow,
    piiLayers: new Set(globals.pii.layers),
    piiOptions: { allow: piiAllow, scanUrl },
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

function createUrlScanCache(): (url: string, name: string) => readonly PiiFinding[] {
  const findingsByName = new Map<string, Map<string, readonly PiiFinding[]>>();
  let size = 0;
  return (url, name) => {
    const byUrl = findingsByName.get(name) ?? new Map<string, readonly PiiFinding[]>();
    const known = byUrl.get(url);
    if (known) return known;
    if (size++ >= maxCachedUrls) {
      findingsByName.clear();
      size = 0;
    }
    const findings = scanValueForPii(url, name);
    byUrl.set(url, findings);
    findingsByName.set(name, byUrl);
    return findings;
  };
}
