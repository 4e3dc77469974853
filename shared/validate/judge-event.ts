import type { Layer, Verdict, Violation } from '../events/event-types.js';
import type { PlannedEvent } from '../plan/plan-types.js';
import { findPiiInEvent } from '../pii/find-pii-in-event.js';
import type { EventUnderTest } from './event-under-test.js';
import type { EventNameFacts } from './event-name-facts.js';
import { checkUserDataLimits } from './check-ga4-limits.js';
import { checkLifecycle, unplannedViolation } from './check-lifecycle.js';
import { checkNames } from './check-names.js';
import { checkReservedUserProperties } from './check-reserved-names.js';
import { schemaViolations } from './compile-event-schema.js';
import { piiFindingsToViolations } from './pii-findings-to-violations.js';
import { isJsonSafe, toJsonSafe } from './to-json-safe.js';
import type { ValidatorContext } from './validator-context.js';

/** An event read the way its layer's mapping says, as plain data. */
export interface PreparedEvent {
  name: string | null;
  layer: Layer;
  planned: PlannedEvent | undefined;
  properties: Record<string, unknown>;
  userProperties?: Record<string, unknown>;
  userId?: string;
  urls?: Record<string, string>;
  dedupeKey?: string;
  /** What the plan says about the name; undefined for an event without one. */
  nameFacts: EventNameFacts | undefined;
}

const layers: readonly Layer[] = ['datalayer', 'ga4', 'warehouse', 'other'];

export function prepareEvent(input: EventUnderTest, context: ValidatorContext): PreparedEvent {
  const event: Partial<EventUnderTest> = isRecord(input) ? input : {};
  const name = typeof event.name === 'string' ? event.name : null;
  const layer = readLayer(event.layer);
  const properties = plainRecord(
    context.mappers[layer](isRecord(event.properties) ? event.properties : {}),
  );
  const nameFacts = name === null ? undefined : context.eventFacts(name);
  const prepared: PreparedEvent = {
    name,
    layer,
    planned: nameFacts?.planned,
    properties,
    nameFacts,
  };
  if (isRecord(event.userProperties)) prepared.userProperties = plainRecord(event.userProperties);
  if (typeof event.userId === 'string') prepared.userId = event.userId;
  if (isRecord(event.urls)) prepared.urls = stringEntries(event.urls);
  if (typeof event.dedupeKey === 'string') prepared.dedupeKey = event.dedupeKey;
  return prepared;
}

/** The verdict on a prepared event: schema, lifecycle, naming, GA4 rules and personal data. */
export function judgeEvent(prepared: PreparedEvent, context: ValidatorContext): Verdict {
  const { name, layer, planned, properties } = prepared;
  const { globals } = context.plan;
  const label = name ?? 'this event';
  const violations: Violation[] = planned
    ? plannedChecks(prepared, planned, context)
    : [unplannedViolation(name, context.plan.name, globals.unplannedEvents)];

  const checks = context.nameChecks[layer];
  const names = checkNames(name, prepared.nameFacts, properties, checks);
  if (checks.limits) checkUserDataLimits(prepared, names.limits);
  if (checks.reserved) checkReservedUserProperties(prepared.userProperties, names.reserved);
  appendAll(violations, names.naming);
  appendAll(violations, names.limits);
  appendAll(violations, names.reserved);
  if (context.isPiiScanned[layer]) {
    const findings = findPiiInEvent(prepared, context.piiOptions);
    if (findings.length > 0) appendAll(violations, piiFindingsToViolations(findings, label));
  }

  for (const violation of violations) {
    const override = globals.severity[violation.code];
    if (override && violation.severity !== 'info') violation.severity = override;
  }
  const isInvalid = violations.some((violation) => violation.severity === 'error');
  return {
    name,
    layer,
    status: planned ? (isInvalid ? 'invalid' : 'valid') : 'unplanned',
    violations,
  };
}

function plannedChecks(
  prepared: PreparedEvent,
  planned: PlannedEvent,
  context: ValidatorContext,
): Violation[] {
  const compiled = context.compiledFor(planned);
  const violations = schemaViolations(compiled.properties, prepared.properties, planned.name, '');
  if (compiled.userProperties) {
    violations.push(
      ...schemaViolations(
        compiled.userProperties,
        prepared.userProperties ?? {},
        planned.name,
        '/user_properties',
      ),
    );
  }
  checkLifecycle(planned, prepared.layer, violations);
  return violations;
}

function appendAll(violations: Violation[], more: readonly Violation[]): void {
  for (const violation of more) violations.push(violation);
}

function plainRecord(value: Record<string, unknown>): Record<string, unknown> {
  if (isJsonSafe(value)) return value;
  const copy = toJsonSafe(value);
  return isRecord(copy) ? copy : {};
}

function stringEntries(record: Record<string, unknown>): Record<string, string> {
  if (hasOnlyStrings(record) && !Object.hasOwn(record, '__proto__')) {
    return record as Record<string, string>;
  }
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && key !== '__proto__') strings[key] = value;
  }
  return strings;
}

// Own keys only, as `Object.keys` lists them, without building that list for every event.
function hasOnlyStrings(record: Record<string, unknown>): boolean {
  for (const key in record) {
    if (Object.hasOwn(record, key) && typeof record[key] !== 'string') return false;
  }
  return true;
}

export function readLayer(value: unknown): Layer {
  return layers.includes(value as Layer) ? (value as Layer) : 'other';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
