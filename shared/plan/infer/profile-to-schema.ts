import type { JsonSchema } from '../plan-types.js';
import type { ValueProfile } from './value-profile.js';

export interface SchemaInferenceOptions {
  /** At most this many distinct strings become an `enum`. */
  maxEnumValues: number;
  /** An `enum` needs at least this many values seen. */
  minEnumSamples: number;
}

export const defaultInferenceOptions: SchemaInferenceOptions = {
  maxEnumValues: 6,
  minEnumSamples: 3,
};

// Keys whose values are identifiers or free text: a few repeated values are no closed list.
const freeTextKey =
  /(^|_)(id|ids|name|term|title|text|label|url|uri|location|referrer|email|phone|query|coupon|description)$/i;
const currencyLike = /^[A-Z]{3}$/;
const dateTimeLike = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const urlLike = /^https?:\/\/[^\s]+$/;

/**
 * A JSON Schema describing what a profile saw: its types (`integer` folded into `number` when
 * both occur), an `enum` when a string key had few distinct values seen often, a pattern or
 * format every value matched, and for objects their keys (required when every object had
 * them). `describe` writes a description for each key.
 */
export function profileToSchema(
  key: string,
  profile: ValueProfile,
  options: SchemaInferenceOptions,
  describe: (profile: ValueProfile, parentCount: number) => string | undefined,
): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  const types = typeList(profile);
  if (types.length > 0) schema['type'] = types.length === 1 ? types[0] : types;
  if (types.includes('string')) Object.assign(schema, stringRules(key, profile, options));
  if (types.includes('object')) Object.assign(schema, objectRules(profile, options, describe));
  if (types.includes('array') && profile.elements && profile.elements.count > 0) {
    schema['items'] = profileToSchema(key, profile.elements, options, describe);
    if (profile.emptyLists === 0) schema['minItems'] = 1;
  }
  return schema;
}

/** `properties` and `required` for the keys of the objects a profile saw. */
export function objectRules(
  profile: ValueProfile,
  options: SchemaInferenceOptions,
  describe: (profile: ValueProfile, parentCount: number) => string | undefined,
): { properties: Record<string, JsonSchema>; required?: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, child] of profile.keys) {
    const schema = profileToSchema(name, child, options, describe);
    const description = describe(child, profile.objects);
    Object.defineProperty(properties, name, {
      value: description ? { description, ...schema } : schema,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (child.count >= profile.objects) required.push(name);
  }
  return required.length > 0 ? { properties, required } : { properties };
}

function typeList(profile: ValueProfile): string[] {
  const types = [...profile.types.keys()];
  if (types.includes('integer') && types.includes('number'))
    return types.filter((type) => type !== 'integer');
  return types;
}

function stringRules(
  key: string,
  profile: ValueProfile,
  options: SchemaInferenceOptions,
): Record<string, unknown> {
  const strings = profile.strings;
  if (strings === null || strings.size === 0) return {};
  const values = [...strings.keys()];
  const onlyStrings = profile.types.size === 1;
  if (values.every((value) => currencyLike.test(value)) && /currency/i.test(key))
    return { pattern: '^[A-Z]{3}$' };
  if (values.every((value) => dateTimeLike.test(value))) return { format: 'date-time' };
  if (values.every((value) => urlLike.test(value))) return { format: 'uri' };
  const seen = [...strings.values()].reduce((sum, count) => sum + count, 0);
  const isClosedList =
    onlyStrings &&
    !freeTextKey.test(key) &&
    values.length <= options.maxEnumValues &&
    seen >= options.minEnumSamples &&
    values.length * 2 <= seen &&
    values.every((value) => value.length <= 40);
  return isClosedList ? { enum: values.sort() } : {};
}
