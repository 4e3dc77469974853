/**
 * The JSON Schema draft 2020-12 vocabulary as plans may use it, grouped by the shape each
 * keyword's value must have. https://json-schema.org/draft/2020-12/json-schema-validation
 */

export const schemaTypes = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** Keywords whose value is one schema. */
export const subschemaKeywords = new Set([
  'not',
  'if',
  'then',
  'else',
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'additionalItems',
]);

/** Keywords whose value is a non-empty list of schemas. */
export const subschemaListKeywords = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Keywords whose value maps names to schemas. */
export const subschemaMapKeywords = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
]);

export const numberKeywords = new Set([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
]);

export const countKeywords = new Set([
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
]);

/** Keywords checked one by one. */
export const otherKeywords = new Set([
  'type',
  'enum',
  'const',
  'required',
  'dependentRequired',
  'dependencies',
  'pattern',
  'format',
  'uniqueItems',
  '$ref',
  '$anchor',
]);

/** Keywords that only describe: they never make a value invalid. */
export const annotationKeywords = new Set([
  'title',
  'description',
  '$comment',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
]);

/** Keywords the validator cannot honour; a plan using them is rejected rather than misread. */
export const unsupportedKeywords = new Set([
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  '$vocabulary',
]);

/** Formats the validator checks; others are accepted and ignored. */
export const checkedFormats = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
]);
