import { didYouMean } from './closest-name.js';
import { appendPointer } from './json-pointer.js';
import {
  annotationKeywords,
  checkedFormats,
  countKeywords,
  numberKeywords,
  otherKeywords,
  schemaTypes,
  subschemaKeywords,
  subschemaListKeywords,
  subschemaMapKeywords,
  unsupportedKeywords,
} from './json-schema-keywords.js';
import { isRecord } from './read-plan-values.js';
import {
  checkCount,
  checkDependentRequired,
  checkFormat,
  checkNameList,
  checkNumberKeyword,
  checkRef,
  checkRegex,
  checkType,
  describeValue,
} from './check-schema-keyword-values.js';
import {
  fail,
  type SchemaCheckContext,
  type SchemaCheckSite as Site,
} from './schema-check-site.js';

export type { SchemaCheckContext };

const allKeywords = [
  ...subschemaKeywords,
  ...subschemaListKeywords,
  ...subschemaMapKeywords,
  ...numberKeywords,
  ...countKeywords,
  ...otherKeywords,
  ...annotationKeywords,
];

/**
 * Reports every way `schema` is not a JSON Schema the validator can apply: wrong value types
 * for keywords, unknown `type` names, bad regexes, `$ref`s that resolve nowhere. Strips `$id`
 * (and draft-04 `id`) so references always resolve inside the plan.
 */
export function checkJsonSchema(
  schema: unknown,
  pointer: string,
  subject: string,
  context: SchemaCheckContext,
): void {
  if (typeof schema === 'boolean') return;
  if (!isRecord(schema)) {
    context.issues.error(
      pointer,
      `The schema of ${subject} must be a map of JSON Schema keywords, not ${describeValue(schema)}.`,
      nonSchemaHint(schema),
    );
    return;
  }

  stripIdentifiers(schema, { pointer, subject, context });
  for (const [keyword, value] of Object.entries(schema)) {
    checkKeyword(keyword, value, { pointer: appendPointer(pointer, keyword), subject, context });
  }
  // An unknown format checks nothing; removing it keeps the validator from guessing.
  if (typeof schema['format'] === 'string' && !checkedFormats.has(schema['format']))
    delete schema['format'];
}

function checkKeyword(keyword: string, value: unknown, site: Site): void {
  if (unsupportedKeywords.has(keyword)) {
    return fail(
      site,
      `"${keyword}" is not supported in ${site.subject}.`,
      'Use $ref to a schema under $defs instead.',
      'key',
    );
  }
  if (subschemaKeywords.has(keyword)) return checkSubschema(keyword, value, site);
  if (subschemaListKeywords.has(keyword)) return checkSubschemaList(keyword, value, site);
  if (subschemaMapKeywords.has(keyword)) return checkSubschemaMap(keyword, value, site);
  if (numberKeywords.has(keyword)) return checkNumberKeyword(keyword, value, site);
  if (countKeywords.has(keyword)) return checkCount(keyword, value, site);
  if (otherKeywords.has(keyword)) return checkOther(keyword, value, site);
  if (annotationKeywords.has(keyword) || site.context.quietKeys.has(keyword)) return;
  if (keyword.startsWith('x-')) return;

  site.context.issues.warning(
    site.pointer,
    `"${keyword}" in ${site.subject} is not a JSON Schema keyword, so it checks nothing.`,
    `Remove it, or prefix custom notes with "x-".${didYouMean(keyword, allKeywords)}`,
    'key',
  );
}

function checkSubschema(keyword: string, value: unknown, site: Site): void {
  if (keyword === 'items' && Array.isArray(value)) {
    return fail(
      site,
      `"items" in ${site.subject} is a list.`,
      'Give "items" one schema for every element; for fixed positions use "prefixItems".',
    );
  }
  checkJsonSchema(value, site.pointer, site.subject, site.context);
}

function checkSubschemaList(keyword: string, value: unknown, site: Site): void {
  if (!Array.isArray(value) || value.length === 0) {
    return fail(
      site,
      `"${keyword}" in ${site.subject} must be a non-empty list of schemas.`,
      `Write "${keyword}: [{...}, {...}]".`,
    );
  }
  value.forEach((item, index) =>
    checkJsonSchema(item, appendPointer(site.pointer, index), site.subject, site.context),
  );
}

function checkSubschemaMap(keyword: string, value: unknown, site: Site): void {
  if (!isRecord(value)) {
    return fail(
      site,
      `"${keyword}" in ${site.subject} must map names to schemas, not ${describeValue(value)}.`,
      `Write "${keyword}:" followed by indented "name: {schema}" entries.`,
    );
  }
  for (const [name, child] of Object.entries(value)) {
    const childPointer = appendPointer(site.pointer, name);
    if (keyword === 'patternProperties')
      checkRegex(name, { ...site, pointer: childPointer }, 'key');
    const childSubject =
      keyword === 'properties' ? `property "${name}" of ${site.subject}` : site.subject;
    checkJsonSchema(child, childPointer, childSubject, site.context);
  }
}

function checkOther(keyword: string, value: unknown, site: Site): void {
  switch (keyword) {
    case 'type':
      return checkType(value, site);
    case 'enum':
      if (!Array.isArray(value) || value.length === 0) {
        fail(
          site,
          `"enum" in ${site.subject} must be a non-empty list of allowed values.`,
          'Write "enum: [new, returning]".',
        );
      }
      return;
    case 'required':
      return checkNameList(keyword, value, site);
    case 'dependentRequired':
      return checkDependentRequired(value, site);
    case 'dependencies':
      return checkDependencies(value, site);
    case 'pattern':
      return checkRegex(value, site, 'value');
    case 'format':
      return checkFormat(value, site);
    case 'uniqueItems':
      if (typeof value !== 'boolean')
        fail(
          site,
          `"uniqueItems" in ${site.subject} must be true or false.`,
          'Write "uniqueItems: true".',
        );
      return;
    case '$ref':
      return checkRef(value, site);
    case '$anchor':
      if (typeof value !== 'string' || !/^[A-Za-z_][-A-Za-z0-9._]*$/.test(value)) {
        fail(
          site,
          `"$anchor" in ${site.subject} must be a plain name.`,
          'Use letters, digits, "_", "-" and ".", starting with a letter.',
        );
      }
  }
}

function checkDependencies(value: unknown, site: Site): void {
  if (!isRecord(value)) {
    return fail(
      site,
      `"dependencies" in ${site.subject} must be a map.`,
      'Prefer "dependentRequired: {value: [currency]}".',
    );
  }
  for (const [name, entry] of Object.entries(value)) {
    const pointer = appendPointer(site.pointer, name);
    if (Array.isArray(entry)) checkNameList(`dependencies.${name}`, entry, { ...site, pointer });
    else checkJsonSchema(entry, pointer, site.subject, site.context);
  }
}

// cfworker treats `$id` (and draft-04 `id`) as a new base URI, after which `#/$defs/…` would no
// longer resolve inside the plan: drop them.
function stripIdentifiers(schema: Record<string, unknown>, site: Site): void {
  if (typeof schema['$id'] === 'string') {
    site.context.issues.warning(
      appendPointer(site.pointer, '$id'),
      `"$id" in ${site.subject} is ignored.`,
      'References resolve inside the plan file; remove "$id".',
      'key',
    );
    delete schema['$id'];
  }
  if (typeof schema['id'] === 'string') delete schema['id'];
}

function nonSchemaHint(value: unknown): string {
  if (typeof value === 'string' && schemaTypes.includes(value))
    return `Write "{type: ${value}}" instead of "${value}".`;
  if (Array.isArray(value))
    return 'For a list of allowed values write "{enum: [...]}"; for a list property write "{type: array, items: {...}}".';
  return 'Write a JSON Schema map such as "{type: string}", or "{}" to accept any value.';
}
