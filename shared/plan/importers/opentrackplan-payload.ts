import { below, type ImportContext, type SourcePlace } from './import-context.js';
import { isRecord, textOf } from './plain-data.js';

/** The payload fields of one event for one target, and where they were written. */
export interface ResolvedPayload {
  fields: Record<string, unknown>;
  place: SourcePlace;
}

/** How the plan groups targets: `{all: [web, ios], mobile: [ios, android]}`. */
export type TargetSelectors = Record<string, unknown>;

const maxDerivations = 16;

/**
 * The fields an event sends on `target`: the payload key covering that target (the implicit
 * form covers every target), then its `current` version, following aliases and `$ref`
 * derivations (a derived version starts from its base and changes fields by name).
 * `undefined` when the event is not sent on that target.
 */
export function resolvePayload(
  payload: unknown,
  place: SourcePlace,
  target: string,
  selectors: TargetSelectors,
  context: ImportContext,
): ResolvedPayload | undefined {
  if (!isRecord(payload)) return undefined;
  if ('schema' in payload || 'current' in payload)
    return resolveDefinition(payload, place, context);
  const key = coveringKey(payload, target, selectors);
  if (key === undefined) return undefined;
  return resolveDefinition(payload[key], below(place, key), context, payload);
}

function coveringKey(
  payload: Record<string, unknown>,
  target: string,
  selectors: TargetSelectors,
): string | undefined {
  for (const key of Object.keys(payload)) {
    if (key === target) return key;
    const members = selectors[key];
    if (Array.isArray(members) && members.includes(target)) return key;
  }
  return undefined;
}

function resolveDefinition(
  definition: unknown,
  place: SourcePlace,
  context: ImportContext,
  payload?: Record<string, unknown>,
): ResolvedPayload | undefined {
  if (!isRecord(definition)) return undefined;
  if (isRecord(definition['schema']))
    return { fields: definition['schema'], place: below(place, 'schema') };
  const current = followAliases(definition, textOf(definition['current']));
  if (current === undefined) {
    context.warn(
      place,
      'This payload has no "current" version that resolves, so it is skipped.',
      '',
    );
    return undefined;
  }
  return derive(definition, current, below(place, current), context, payload, 0);
}

function followAliases(
  definition: Record<string, unknown>,
  key: string | undefined,
): string | undefined {
  let current = key;
  for (let step = 0; step < maxDerivations && current !== undefined; step++) {
    const value = definition[current];
    if (isRecord(value)) return current;
    current = typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function derive(
  definition: Record<string, unknown>,
  versionKey: string,
  place: SourcePlace,
  context: ImportContext,
  payload: Record<string, unknown> | undefined,
  depth: number,
): ResolvedPayload | undefined {
  const version = definition[versionKey];
  if (!isRecord(version) || depth > maxDerivations) return undefined;
  const own = isRecord(version['schema']) ? version['schema'] : {};
  const ref = textOf(version['$ref']);
  if (ref === undefined) return { fields: own, place: below(place, 'schema') };

  // `$ref: "1.0.0"` in the same payload, or `"<payloadKey>::<version>"` in another one.
  const [otherKey, otherVersion] = ref.includes('::') ? ref.split('::') : [undefined, ref];
  const baseDefinition = otherKey !== undefined && payload ? payload[otherKey] : definition;
  const baseKey = isRecord(baseDefinition)
    ? followAliases(baseDefinition, otherVersion)
    : undefined;
  const base =
    isRecord(baseDefinition) && baseKey !== undefined
      ? derive(baseDefinition, baseKey, place, context, payload, depth + 1)
      : undefined;
  if (!base) {
    context.warn(
      below(place, '$ref'),
      `The version "${ref}" this one derives from is missing.`,
      '',
    );
    return { fields: own, place: below(place, 'schema') };
  }
  const fields: Record<string, unknown> = { ...base.fields };
  for (const [name, field] of Object.entries(own))
    fields[name] =
      isRecord(fields[name]) && isRecord(field) ? { ...fields[name], ...field } : field;
  return { fields, place: below(place, 'schema') };
}
