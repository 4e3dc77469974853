import type { JsonSchema } from '../plan-types.js';
import { below, type SourcePlace } from './import-context.js';
import { isRecord, listOf, putEntry, sameData, textOf } from './plain-data.js';
import { findRudderEntry, type RudderCatalog } from './rudderstack-catalog.js';
import type { RudderSchemas } from './rudderstack-property-schema.js';

/** The properties a variant case adds, and the conditional schema the variant becomes. */
export interface VariantTranslation {
  /** Every property any case or the default names, so `additionalProperties: false` allows them. */
  properties: Record<string, JsonSchema>;
  /** `if`/`then`/`else` chain, one level per case, the default last. */
  condition: JsonSchema;
}

/**
 * A RudderStack discriminator variant as JSON Schema: when the discriminator property's value
 * is one of a case's `match` values, that case's properties (and their required-ness) apply;
 * when no case matches, the `default` properties do.
 */
export function translateVariant(
  variant: unknown,
  place: SourcePlace,
  catalog: RudderCatalog,
  schemas: RudderSchemas,
): VariantTranslation | undefined {
  if (!isRecord(variant)) return undefined;
  const discriminator = discriminatorName(variant['discriminator'], catalog);
  if (discriminator === undefined) {
    schemas.warnMissingProperty(variant['discriminator'], below(place, 'discriminator'));
    return undefined;
  }
  const properties: Record<string, JsonSchema> = {};
  const fallback = caseSchema(variant['default'], below(place, 'default'), schemas, properties);
  const cases = listOf(variant['cases']);
  let condition: JsonSchema | undefined = fallback;
  for (let index = cases.length - 1; index >= 0; index--) {
    const entry = cases[index];
    if (!isRecord(entry)) continue;
    const casePlace = below(place, 'cases', index);
    const then = caseSchema(
      entry['properties'],
      below(casePlace, 'properties'),
      schemas,
      properties,
    );
    const match = listOf(entry['match']);
    condition = {
      if: { properties: { [discriminator]: { enum: match } }, required: [discriminator] },
      then: then ?? true,
      ...(condition === undefined ? {} : { else: condition }),
    };
  }
  return condition === undefined ? undefined : { properties, condition };
}

function discriminatorName(ref: unknown, catalog: RudderCatalog): string | undefined {
  const found = findRudderEntry(catalog.properties, ref);
  if (!found) return undefined;
  return found.entry ? (textOf(found.entry.value['name']) ?? found.id) : found.id;
}

function caseSchema(
  members: unknown,
  place: SourcePlace,
  schemas: RudderSchemas,
  all: Record<string, JsonSchema>,
): JsonSchema | undefined {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  listOf(members).forEach((member, index) =>
    schemas.member(member, below(place, index), properties, required),
  );
  // The event lists every case's properties, so a case only adds what differs: which of them
  // are required, and a schema of its own where it has one.
  const own: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if (!Object.hasOwn(all, name)) putEntry(all, name, schema);
    else if (!sameData(all[name], schema)) putEntry(own, name, structuredClone(schema));
  }
  if (required.length === 0 && Object.keys(own).length === 0) return undefined;
  const schema: Record<string, unknown> = {};
  if (Object.keys(own).length > 0) schema['properties'] = own;
  if (required.length > 0) schema['required'] = required;
  return schema;
}
