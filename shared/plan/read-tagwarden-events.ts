import { checkEventSchema } from './check-event-schema.js';
import { checkJsonSchema } from './check-json-schema.js';
import { appendPointer } from './json-pointer.js';
import { positionOf } from './plan-positions.js';
import type { PlanIssues } from './plan-issues.js';
import type { EventStatus, JsonSchema, PlanGlobals, PlannedEvent } from './plan-types.js';
import { allLayers, readLayerList } from './read-plan-globals.js';
import {
  isRecord,
  readBoolean,
  readChoice,
  readString,
  readStringList,
  typeName,
  warnUnknownKeys,
} from './read-plan-values.js';

const statuses: readonly EventStatus[] = ['active', 'deprecated', 'draft'];

/** JSON Schema keywords an event may use on its properties object as a whole. */
const objectKeywords = [
  'dependentRequired',
  'dependentSchemas',
  'anyOf',
  'allOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'minProperties',
  'maxProperties',
  'patternProperties',
  'propertyNames',
  'unevaluatedProperties',
];

const eventSettings = [
  'description',
  'owner',
  'status',
  'replacedBy',
  'layers',
  'properties',
  'required',
  'additionalProperties',
  'uniqueBy',
  'userProperties',
  ...objectKeywords,
];

const eventsHint =
  'Write "events:" as a map keyed by event name, e.g.\nevents:\n  purchase:\n    required: [transaction_id]';

/** The `events` map of a tagwarden plan. */
export function readTagwardenEvents(
  value: unknown,
  globals: PlanGlobals,
  defs: Record<string, JsonSchema>,
  issues: PlanIssues,
): Record<string, PlannedEvent> {
  const events: Record<string, PlannedEvent> = {};
  if (value === undefined || value === null) {
    issues.error('', 'The plan has no "events" map.', eventsHint);
    return events;
  }
  if (!isRecord(value)) {
    issues.error(
      '/events',
      `"events" must be a map keyed by event name, not ${typeName(value)}.`,
      eventsHint,
    );
    return events;
  }

  for (const [name, definition] of Object.entries(value)) {
    const event = readEvent(
      name,
      definition,
      appendPointer('/events', name),
      globals,
      defs,
      issues,
    );
    if (event) events[name] = event;
  }
  return events;
}

interface EventSource {
  name: string;
  pointer: string;
  fields: Record<string, unknown>;
  issues: PlanIssues;
}

function readEvent(
  name: string,
  definition: unknown,
  pointer: string,
  globals: PlanGlobals,
  defs: Record<string, JsonSchema>,
  issues: PlanIssues,
): PlannedEvent | null {
  if (name.trim() === '') {
    issues.error(
      pointer,
      'An event has an empty name.',
      'Give every event under "events" its exact name, e.g. "purchase".',
      'key',
    );
    return null;
  }
  const fields = definition ?? {};
  if (!isRecord(fields)) {
    issues.error(
      pointer,
      `Event "${name}" must be a map of settings, not ${typeName(fields)}.`,
      'Write the event as "name:" followed by indented settings such as "required: [...]".',
    );
    return null;
  }

  const source: EventSource = { name, pointer, fields, issues };
  warnUnknownKeys(fields, eventSettings, pointer, issues, `event "${name}"`);
  const shape = readEventShape(source, globals);
  const schema = eventSchema(fields, shape, defs);
  const ownPart = { ...schema };
  delete ownPart['$defs'];
  checkEventSchema(schema, ownPart, pointer, `event "${name}"`, issues);
  const userPropertiesSchema = userPropertySchema(shape.userProperties, defs, source);

  const event: PlannedEvent = {
    name,
    ...readEventMetadata(source),
    ...shape,
    schema,
    position: positionOf(issues.positions, pointer, 'key'),
  };
  if (userPropertiesSchema) event.userPropertiesSchema = userPropertiesSchema;
  return event;
}

type EventShape = Pick<
  PlannedEvent,
  'properties' | 'required' | 'additionalProperties' | 'uniqueBy' | 'userProperties'
>;

function readEventShape(
  { name, pointer, fields, issues }: EventSource,
  globals: PlanGlobals,
): EventShape {
  const at = (key: string) => appendPointer(pointer, key);
  const shape: EventShape = {
    properties: readSchemaMap(fields['properties'], at('properties'), name, issues),
    required: readStringList(fields['required'], at('required'), issues, '"required"') ?? [],
    additionalProperties: readBoolean(
      fields['additionalProperties'],
      at('additionalProperties'),
      issues,
      '"additionalProperties"',
      globals.additionalProperties,
    ),
    uniqueBy: readStringList(fields['uniqueBy'], at('uniqueBy'), issues, '"uniqueBy"') ?? [],
    userProperties: readSchemaMap(fields['userProperties'], at('userProperties'), name, issues),
  };
  warnUnplannedNames(shape.required, 'required', shape.properties, pointer, issues);
  warnUnplannedNames(shape.uniqueBy, 'uniqueBy', shape.properties, pointer, issues);
  return shape;
}

type EventMetadata = Pick<
  PlannedEvent,
  'status' | 'layers' | 'description' | 'owner' | 'replacedBy'
>;

function readEventMetadata({ name, pointer, fields, issues }: EventSource): EventMetadata {
  const at = (key: string) => appendPointer(pointer, key);
  const layerNames = readStringList(fields['layers'], at('layers'), issues, '"layers"');
  const metadata: EventMetadata = {
    status:
      readChoice(fields['status'], at('status'), issues, `The status of "${name}"`, statuses) ??
      'active',
    layers: layerNames ? readLayerList(layerNames, at('layers'), issues) : [...allLayers],
  };
  for (const key of ['description', 'owner', 'replacedBy'] as const) {
    const text = readString(fields[key], at(key), issues, `"${key}"`);
    if (text !== undefined) metadata[key] = text;
  }
  return metadata;
}

function readSchemaMap(
  value: unknown,
  pointer: string,
  eventName: string,
  issues: PlanIssues,
): Record<string, JsonSchema> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    issues.error(
      pointer,
      `The properties of event "${eventName}" must be a map of name → schema, not ${typeName(value)}.`,
      'Write one "name: {type: string}" line per property.',
    );
    return {};
  }
  return value as Record<string, JsonSchema>;
}

function eventSchema(
  fields: Record<string, unknown>,
  { properties, required, additionalProperties }: EventShape,
  defs: Record<string, JsonSchema>,
): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) schema['required'] = required;
  if (!additionalProperties) schema['additionalProperties'] = false;
  for (const keyword of objectKeywords) {
    if (fields[keyword] !== undefined) schema[keyword] = fields[keyword];
  }
  if (Object.keys(defs).length > 0) schema['$defs'] = defs;
  return schema;
}

function userPropertySchema(
  userProperties: Record<string, JsonSchema>,
  defs: Record<string, JsonSchema>,
  { name: eventName, pointer, issues }: EventSource,
): JsonSchema | undefined {
  if (Object.keys(userProperties).length === 0) return undefined;
  const schema: Record<string, unknown> = { type: 'object', properties: userProperties };
  if (Object.keys(defs).length > 0) schema['$defs'] = defs;
  const context = { issues, refRoot: schema, quietKeys: new Set<string>() };
  for (const [name, child] of Object.entries(userProperties)) {
    const childPointer = appendPointer(appendPointer(pointer, 'userProperties'), name);
    checkJsonSchema(
      child,
      childPointer,
      `user property "${name}" of event "${eventName}"`,
      context,
    );
  }
  return schema;
}

function warnUnplannedNames(
  names: string[],
  setting: string,
  properties: Record<string, JsonSchema>,
  pointer: string,
  issues: PlanIssues,
): void {
  for (const name of names) {
    if (Object.hasOwn(properties, name)) continue;
    issues.warning(
      appendPointer(pointer, setting),
      `"${setting}" names "${name}", which has no schema under "properties".`,
      `Add "${name}" under "properties", or fix the spelling.`,
    );
  }
}
