import type { JsonSchema } from '../plan-types.js';
import { below, type ImportContext, type SourcePlace } from './import-context.js';
import { isRecord, listOf, putEntry, textOf } from './plain-data.js';
import { repairSchema } from './repair-schema.js';
import { findRudderEntry, type RudderCatalog, type RudderEntry } from './rudderstack-catalog.js';

// Config keys of spec v1 (snake_case) and v0.1 (camelCase, under `propConfig`) → JSON Schema.
const configKeywords: Readonly<Record<string, string>> = {
  enum: 'enum',
  pattern: 'pattern',
  format: 'format',
  minimum: 'minimum',
  maximum: 'maximum',
  minLength: 'minLength',
  min_length: 'minLength',
  maxLength: 'maxLength',
  max_length: 'maxLength',
  exclusiveMinimum: 'exclusiveMinimum',
  exclusive_minimum: 'exclusiveMinimum',
  exclusiveMaximum: 'exclusiveMaximum',
  exclusive_maximum: 'exclusiveMaximum',
  multipleOf: 'multipleOf',
  multiple_of: 'multipleOf',
  minItems: 'minItems',
  min_items: 'minItems',
  maxItems: 'maxItems',
  max_items: 'maxItems',
  uniqueItems: 'uniqueItems',
  unique_items: 'uniqueItems',
};
const itemTypeKeys = new Set(['itemTypes', 'item_types']);

/** Builds JSON Schemas for catalog properties and custom types, sharing custom types as `$defs`. */
export class RudderSchemas {
  /** Custom type id → its schema, shared by every event as `#/$defs/<id>`. */
  readonly definitions: Record<string, JsonSchema> = {};
  private readonly building = new Set<string>();

  constructor(
    private readonly catalog: RudderCatalog,
    private readonly context: ImportContext,
  ) {}

  /** The schema of a catalog property (its type and config), description included. */
  property(entry: RudderEntry): JsonSchema {
    const { value, place } = entry;
    const schema: Record<string, unknown> = {};
    this.applyType(schema, value['type'] ?? value['types'], below(place, 'type'));
    this.applyItems(schema, value['item_type'] ?? value['item_types'], place);
    this.applyConfig(schema, value, place);
    const description = textOf(value['description']);
    if (description !== undefined) schema['description'] = description;
    return this.repair(schema, place);
  }

  /** `{$ref: '#/$defs/<id>'}` for a custom type reference, defining it on first use. */
  customType(ref: unknown, place: SourcePlace): JsonSchema {
    const found = findRudderEntry(this.catalog.customTypes, ref);
    if (!found?.entry) {
      this.context.warn(
        place,
        `The custom type ${JSON.stringify(ref)} is not defined in these files, so the value may have any type.`,
        'Import the custom-types file together with the tracking plan.',
      );
      return {};
    }
    const name = found.id.replace(/[^A-Za-z0-9_.-]/g, '_');
    if (!Object.hasOwn(this.definitions, name) && !this.building.has(name)) {
      this.building.add(name);
      putEntry(this.definitions, name, this.customTypeSchema(found.entry));
      this.building.delete(name);
    }
    return { $ref: `#/$defs/${name}` };
  }

  private customTypeSchema(entry: RudderEntry): JsonSchema {
    const { value, place } = entry;
    const schema: Record<string, unknown> = {};
    this.applyType(schema, value['type'], below(place, 'type'));
    this.applyConfig(schema, value, place);
    const members = listOf(value['properties']);
    if (members.length > 0) {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      members.forEach((member, index) =>
        this.member(member, below(place, 'properties', index), properties, required),
      );
      schema['properties'] = properties;
      if (required.length > 0) schema['required'] = required;
    }
    const description = textOf(value['description']);
    if (description !== undefined) schema['description'] = description;
    return this.repair(schema, place);
  }

  /** One `{$ref|property, required}` member of a custom type or a variant case. */
  member(
    member: unknown,
    place: SourcePlace,
    properties: Record<string, JsonSchema>,
    required: string[],
  ): string | undefined {
    const ref = isRecord(member) ? (member['$ref'] ?? member['property']) : undefined;
    const found = findRudderEntry(this.catalog.properties, ref);
    if (!found) {
      this.context.warn(place, 'This entry names no property, so it is skipped.', refHint);
      return undefined;
    }
    const key = found.entry ? (textOf(found.entry.value['name']) ?? found.id) : found.id;
    if (!found.entry) this.warnMissingProperty(ref, place);
    putEntry(properties, key, found.entry ? this.property(found.entry) : {});
    if (isRecord(member) && member['required'] === true && !required.includes(key))
      required.push(key);
    return key;
  }

  warnMissingProperty(ref: unknown, place: SourcePlace): void {
    this.context.warn(
      place,
      `The property ${JSON.stringify(ref)} is not defined in these files: it is named after its id and may have any value.`,
      'Import the properties file together with the tracking plan.',
    );
  }

  private applyType(schema: Record<string, unknown>, type: unknown, place: SourcePlace): void {
    if (typeof type === 'string' && /^(#|urn:)/.test(type)) {
      Object.assign(schema, this.customType(type, place));
      return;
    }
    if (type !== undefined && type !== '') schema['type'] = type;
  }

  private applyItems(schema: Record<string, unknown>, itemTypes: unknown, place: SourcePlace) {
    const types = typeof itemTypes === 'string' ? [itemTypes] : listOf(itemTypes);
    if (types.length === 0) return;
    const custom = types.find((type) => typeof type === 'string' && /^(#|urn:)/.test(type));
    schema['items'] =
      custom !== undefined ? this.customType(custom, below(place, 'item_types')) : { type: types };
  }

  // Spec v0.1 writes `propConfig`, v1 and custom types `config`.
  private applyConfig(
    schema: Record<string, unknown>,
    entry: Record<string, unknown>,
    place: SourcePlace,
  ): void {
    const configKey = entry['propConfig'] !== undefined ? 'propConfig' : 'config';
    const config = entry[configKey];
    if (!isRecord(config)) return;
    for (const [key, value] of Object.entries(config)) {
      if (itemTypeKeys.has(key)) this.applyItems(schema, value, below(place, configKey, key));
      else if (Object.hasOwn(configKeywords, key))
        putEntry(schema, configKeywords[key] ?? key, value);
      else {
        this.context.warn(
          below(place, configKey, key),
          `The config key "${key}" has no JSON Schema equivalent, so it was dropped.`,
          `Known keys: ${Object.keys(configKeywords).join(', ')}, item_types.`,
        );
      }
    }
  }

  private repair(schema: Record<string, unknown>, place: SourcePlace): JsonSchema {
    return repairSchema(schema, {
      warn: (pointer, message, hint) =>
        this.context.warn({ ...place, pointer: `${place.pointer}${pointer}` }, message, hint),
    });
  }
}

const refHint =
  'Write "$ref: #/properties/<group>/<id>" (v0.1) or "property: #property:<id>" (v1).';
