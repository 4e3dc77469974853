import type { CompiledSchema } from './compile-schema.js';
import { arrayRules } from './array-rules.js';
import { combinatorRules } from './combinator-rules.js';
import { objectRules } from './object-rules.js';
import { valueRules } from './value-rules.js';

export interface CompileContext {
  root: unknown;
  byNode: Map<object, CompiledSchema>;
  /** Set to false by any rule that meets a keyword or value it cannot honour. */
  isSupported: boolean;
  compile(node: unknown): CompiledSchema;
}

export type Rule = CompiledSchema;

/** Keywords that only annotate: they never change whether a value is valid. */
const annotations = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$anchor',
]);

/** Assertions implemented here; any other JSON Schema keyword sends the schema to the interpreter. */
const implemented = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'propertyNames',
  'items',
  'prefixItems',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  '$ref',
]);

const knownButNotImplemented = new Set([
  'format',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
  'dependencies',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
  '$recursiveAnchor',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  '$vocabulary',
]);

/** The rules of one schema object, in keyword order; unknown non-standard keys are ignored. */
export function compileKeywords(schema: Record<string, unknown>, context: CompileContext): Rule[] {
  for (const keyword of Object.keys(schema)) {
    if (knownButNotImplemented.has(keyword)) context.isSupported = false;
  }
  if (!context.isSupported) return [];

  const rules = [
    ...valueRules(schema, context),
    ...objectRules(schema, context),
    ...arrayRules(schema, context),
    ...combinatorRules(schema, context),
  ];
  return rules;
}

export function isAnnotationOrImplemented(keyword: string): boolean {
  return annotations.has(keyword) || implemented.has(keyword);
}

/** Marks the schema unsupported when a keyword's value has a shape the compiler cannot trust. */
export function unsupported(context: CompileContext): Rule[] {
  context.isSupported = false;
  return [];
}
