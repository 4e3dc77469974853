import type { JsonSchema } from '../plan-types.js';
import type { DraftEvent } from './draft-plan.js';
import { below, type ImportContext, type SourcePlace } from './import-context.js';
import { isRecord, listOf, putEntry, textOf } from './plain-data.js';
import { findRudderEntry, type RudderCatalog, type RudderEntry } from './rudderstack-catalog.js';
import type { RudderSchemas } from './rudderstack-property-schema.js';
import { translateVariant } from './rudderstack-variants.js';

interface RuleSite {
  catalog: RudderCatalog;
  schemas: RudderSchemas;
  context: ImportContext;
}

/** The events of one tracking plan's `rules`, `includes` expanded. */
export function readRudderRules(plan: RudderEntry, site: RuleSite): DraftEvent[] {
  const events: DraftEvent[] = [];
  listOf(plan.value['rules']).forEach((rule, index) => {
    const place = below(plan.place, 'rules', index);
    if (!isRecord(rule)) return site.context.warn(place, 'This rule is not a map; skipped.', '');
    if (rule['includes'] !== undefined) {
      for (const included of includedRules(rule['includes'], place, site))
        pushEvent(events, included.value, included.place, site);
      return;
    }
    pushEvent(events, rule, place, site);
  });
  return events;
}

function pushEvent(
  events: DraftEvent[],
  rule: Record<string, unknown>,
  place: SourcePlace,
  site: RuleSite,
): void {
  const event = ruleEvent(rule, place, site);
  if (event) events.push(event);
}

function ruleEvent(
  rule: Record<string, unknown>,
  place: SourcePlace,
  site: RuleSite,
): DraftEvent | undefined {
  // Spec v0.1: `event: {$ref, allow_unplanned}`; v1: `event: "#event:<id>"` and
  // `additional_properties` on the rule.
  const eventField = rule['event'];
  const ref = isRecord(eventField) ? eventField['$ref'] : eventField;
  const found = findRudderEntry(site.catalog.events, ref);
  if (!found) {
    site.context.warn(place, 'This rule names no event, so it is skipped.', eventHint);
    return undefined;
  }
  const type = textOf(found.entry?.value['event_type']) ?? 'track';
  if (type !== 'track') {
    site.context.warn(
      place,
      `This rule is for ${type} calls, which describe users or pages rather than events; it is skipped.`,
      'tagwarden checks track events; identify traits have no event to be checked against.',
    );
    return undefined;
  }
  const name = found.entry ? (textOf(found.entry.value['name']) ?? found.id) : found.id;
  if (!found.entry) {
    site.context.warn(
      below(place, 'event'),
      `The event ${JSON.stringify(ref)} is not defined in these files, so it is named "${name}" after its id.`,
      'Import the events file together with the tracking plan.',
    );
  }
  const allowsMore = isRecord(eventField)
    ? eventField['allow_unplanned'] === true
    : rule['additional_properties'] === true;
  const schema = objectSchema(rule['properties'], below(place, 'properties'), site);
  if (!allowsMore) schema['additionalProperties'] = false;
  applyVariants(schema, rule['variants'], below(place, 'variants'), site);

  const draft: DraftEvent = { name, place, schema };
  const description = textOf(found.entry?.value['description']);
  if (description !== undefined) draft.description = description;
  return draft;
}

const eventHint =
  'Write "event: {$ref: #/events/<group>/<id>}" (v0.1) or "event: #event:<id>" (v1).';

/** `{type: object, properties, required}` from a list of rule properties, nesting included. */
function objectSchema(
  members: unknown,
  place: SourcePlace,
  site: RuleSite,
): Record<string, unknown> {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  listOf(members).forEach((member, index) => {
    const memberPlace = below(place, index);
    const key = site.schemas.member(member, memberPlace, properties, required);
    if (key === undefined || !isRecord(member)) return;
    const nested = member['properties'];
    if (Array.isArray(nested) && nested.length > 0) {
      const inner = objectSchema(nested, below(memberPlace, 'properties'), site);
      const flag = member['additionalProperties'] ?? member['additional_properties'];
      if (flag === false) inner['additionalProperties'] = false;
      const own = properties[key];
      putEntry(properties, key, isRecord(own) ? { ...own, ...inner } : inner);
    }
  });
  const schema: Record<string, unknown> = { type: 'object', properties };
  if (required.length > 0) schema['required'] = required;
  return schema;
}

function applyVariants(
  schema: Record<string, unknown>,
  variants: unknown,
  place: SourcePlace,
  site: RuleSite,
): void {
  const conditions: JsonSchema[] = [];
  listOf(variants).forEach((variant, index) => {
    const translated = translateVariant(variant, below(place, index), site.catalog, site.schemas);
    if (!translated) return;
    const properties = schema['properties'] as Record<string, JsonSchema>;
    for (const [name, property] of Object.entries(translated.properties))
      if (!Object.hasOwn(properties, name)) putEntry(properties, name, property);
    conditions.push(translated.condition);
  });
  if (conditions.length > 0) schema['allOf'] = conditions;
}

// `includes: {$ref: "#/tp/<plan>/event_rule/<rule>"}`; `*` for every rule of that plan.
function includedRules(
  includes: unknown,
  place: SourcePlace,
  site: RuleSite,
): Array<{ value: Record<string, unknown>; place: SourcePlace }> {
  const ref = isRecord(includes) ? includes['$ref'] : includes;
  const match = typeof ref === 'string' ? /^#\/tp\/([^/]+)\/event_rule\/(.+)$/.exec(ref) : null;
  const plan = site.catalog.plans.find(
    (candidate) => match && textOf(candidate.value['id']) === match[1],
  );
  if (!match || !plan) {
    site.context.warn(
      place,
      `The included rules ${JSON.stringify(ref)} are not in these files.`,
      '',
    );
    return [];
  }
  return listOf(plan.value['rules'])
    .map((rule, index) => ({ value: rule, place: below(plan.place, 'rules', index) }))
    .filter(
      (entry): entry is { value: Record<string, unknown>; place: SourcePlace } =>
        isRecord(entry.value) &&
        entry.value['includes'] === undefined &&
        (match[2] === '*' || textOf(entry.value['id']) === match[2]),
    );
}
