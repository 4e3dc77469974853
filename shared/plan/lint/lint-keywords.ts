import { appendPointer } from '../json-pointer.js';
import {
  annotationKeywords,
  countKeywords,
  numberKeywords,
  otherKeywords,
  subschemaKeywords,
  subschemaListKeywords,
  subschemaMapKeywords,
} from '../json-schema-keywords.js';
import { closestName } from '../closest-name.js';
import type { ReportFinding } from './lint-finding.js';
import { declaredTypes, type SchemaVisit } from './walk-schema.js';

const knownKeywords = new Set([
  ...subschemaKeywords,
  ...subschemaListKeywords,
  ...subschemaMapKeywords,
  ...numberKeywords,
  ...countKeywords,
  ...otherKeywords,
  ...annotationKeywords,
]);

// Keywords that only ever constrain one JSON type: on a schema whose `type` rules that type
// out, they check nothing.
const keywordTypes: Readonly<Record<string, string[]>> = {
  minLength: ['string'],
  maxLength: ['string'],
  pattern: ['string'],
  format: ['string'],
  minimum: ['number', 'integer'],
  maximum: ['number', 'integer'],
  exclusiveMinimum: ['number', 'integer'],
  exclusiveMaximum: ['number', 'integer'],
  multipleOf: ['number', 'integer'],
  items: ['array'],
  prefixItems: ['array'],
  minItems: ['array'],
  maxItems: ['array'],
  uniqueItems: ['array'],
  contains: ['array'],
  properties: ['object'],
  required: ['object'],
  additionalProperties: ['object'],
  minProperties: ['object'],
  maxProperties: ['object'],
  patternProperties: ['object'],
};

/**
 * `unknown-keyword`: keys that are no JSON Schema keyword check nothing (a typo such as
 * `minLenght` silently lets every value through). `inapplicable-keyword`: a keyword for a type
 * the schema's own `type` rules out. `quietKeys` are annotations the plan's format writes.
 */
export function lintKeywords(
  visit: SchemaVisit,
  report: ReportFinding,
  quietKeys: ReadonlySet<string>,
): void {
  const { schema, pointer } = visit;
  const types = declaredTypes(schema);
  for (const keyword of Object.keys(schema)) {
    const at = appendPointer(pointer, keyword);
    if (!knownKeywords.has(keyword) && !keyword.startsWith('x-') && !quietKeys.has(keyword)) {
      const guess = closestName(keyword, knownKeywords);
      report({
        ruleId: 'unknown-keyword',
        severity: 'warning',
        path: at,
        message: `"${keyword}" is not a JSON Schema keyword, so it checks nothing.`,
        hint: guess ? `Did you mean "${guess}"?` : 'Remove it, or prefix a note with "x-".',
      });
      continue;
    }
    const applies = keywordTypes[keyword];
    if (!types || !applies || applies.some((type) => types.has(type))) continue;
    report({
      ruleId: 'inapplicable-keyword',
      severity: 'warning',
      path: at,
      message: `"${keyword}" only constrains ${applies.join(' or ')} values, but this schema's type is ${[...types].join(' or ')}: it checks nothing.`,
      hint: `Remove "${keyword}", or fix "type".`,
    });
  }
}
