// Checks of single keyword values in plan schemas; each reports at the keyword's position.
import { didYouMean } from './closest-name.js';
import { checkedFormats, schemaTypes } from './json-schema-keywords.js';
import { appendPointer } from './json-pointer.js';
import { resolveLocalRef } from './resolve-local-ref.js';
import { isRecord } from './read-plan-values.js';
import { fail, type SchemaCheckSite as Site } from './schema-check-site.js';

export function checkNumberKeyword(keyword: string, value: unknown, site: Site): void {
  if (typeof value === 'boolean' && keyword.startsWith('exclusive')) {
    return fail(
      site,
      `"${keyword}" in ${site.subject} is a boolean (the draft-04 form).`,
      `Give the bound itself: "${keyword}: 0" replaces "minimum: 0" plus "${keyword}: true".`,
    );
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(
      site,
      `"${keyword}" in ${site.subject} must be a number, not ${describeValue(value)}.`,
      `Write a plain number, e.g. "${keyword}: 0".`,
    );
  }
  if (keyword === 'multipleOf' && value <= 0) {
    fail(
      site,
      `"multipleOf" in ${site.subject} must be greater than 0.`,
      'Use a positive step such as 0.01.',
    );
  }
}

export function checkCount(keyword: string, value: unknown, site: Site): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail(
      site,
      `"${keyword}" in ${site.subject} must be a whole number of 0 or more, not ${describeValue(value)}.`,
      `Write e.g. "${keyword}: 1".`,
    );
  }
}

export function checkType(value: unknown, site: Site): void {
  const names = Array.isArray(value) ? value : [value];
  if (names.length === 0) {
    return fail(
      site,
      `"type" in ${site.subject} is an empty list.`,
      'Name at least one type, or remove "type" to accept any value.',
    );
  }
  for (const name of names) {
    if (typeof name === 'string' && schemaTypes.includes(name)) continue;
    return fail(
      site,
      `"type" in ${site.subject} is ${describeValue(name)}, which is not a JSON Schema type.`,
      typeHint(name),
    );
  }
}

const typeAliases: Record<string, string> = {
  int: 'integer',
  float: 'number',
  double: 'number',
  decimal: 'number',
  bool: 'boolean',
  str: 'string',
  text: 'string',
  list: 'array',
  map: 'object',
  dict: 'object',
};

function typeHint(name: unknown): string {
  const known = `Use one of: ${schemaTypes.join(', ')}.`;
  if (typeof name !== 'string') return known;
  const lower = name.toLowerCase();
  if (lower === 'any') return 'Remove "type" to accept any value.';
  if (lower === 'date' || lower === 'date-time' || lower === 'datetime') {
    return `Write "type: string" with "format: ${lower === 'date' ? 'date' : 'date-time'}".`;
  }
  const alias = Object.hasOwn(typeAliases, lower) ? typeAliases[lower] : undefined;
  if (alias) return `${known} Did you mean "${alias}"?`;
  return `${known}${didYouMean(name, schemaTypes)}`;
}

export function checkNameList(keyword: string, value: unknown, site: Site): void {
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) {
    fail(
      site,
      `"${keyword}" in ${site.subject} must be a list of property names.`,
      `Write "${keyword}: [transaction_id, currency]".`,
    );
  }
}

export function checkDependentRequired(value: unknown, site: Site): void {
  if (!isRecord(value)) {
    return fail(
      site,
      `"dependentRequired" in ${site.subject} must map a property to the properties it needs.`,
      'Write "dependentRequired: {value: [currency]}".',
    );
  }
  for (const [name, list] of Object.entries(value)) {
    checkNameList(`dependentRequired.${name}`, list, {
      ...site,
      pointer: appendPointer(site.pointer, name),
    });
  }
}

export function checkRegex(value: unknown, site: Site, place: 'key' | 'value'): void {
  if (typeof value !== 'string') {
    return fail(
      site,
      `"pattern" in ${site.subject} must be a string, not ${describeValue(value)}.`,
      "Quote the regular expression, e.g. pattern: '^[A-Z]{3}$'.",
      place,
    );
  }
  try {
    new RegExp(value, 'u');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(
      site,
      `The regular expression ${JSON.stringify(value)} in ${site.subject} is invalid: ${reason}.`,
      regexHint,
      place,
    );
  }
}

const regexHint =
  'Patterns are ECMAScript regular expressions in unicode mode: close every ( and [, and escape only ' +
  'special characters (write "-" not "\\-" outside brackets). In YAML, single-quote the pattern.';

export function checkFormat(value: unknown, site: Site): void {
  if (typeof value !== 'string') {
    return fail(
      site,
      `"format" in ${site.subject} must be a string.`,
      'Write e.g. "format: date-time".',
    );
  }
  if (!checkedFormats.has(value)) {
    site.context.issues.warning(
      site.pointer,
      `The format "${value}" in ${site.subject} is not one tagwarden checks, so it is ignored.`,
      `Use "pattern" instead, or one of: ${[...checkedFormats].join(', ')}.${didYouMean(value, checkedFormats)}`,
    );
  }
}

export function checkRef(value: unknown, site: Site): void {
  if (typeof value !== 'string') {
    return fail(
      site,
      `"$ref" in ${site.subject} must be a string.`,
      'Write "$ref: \'#/$defs/item\'".',
    );
  }
  if (!value.startsWith('#')) {
    return fail(
      site,
      `"$ref" in ${site.subject} points outside the plan (${value}).`,
      'Copy the schema under $defs in this plan and refer to it as "#/$defs/name".',
    );
  }
  const target = resolveLocalRef(site.context.refRoot, value);
  if (target === undefined) {
    return fail(
      site,
      `"$ref" in ${site.subject} points to ${value}, which does not exist.`,
      refHint(value, site.context.refRoot),
    );
  }
  if (typeof target !== 'boolean' && !isRecord(target)) {
    fail(
      site,
      `"$ref" in ${site.subject} points to ${value}, which is not a schema.`,
      'Point "$ref" at a schema, e.g. "#/$defs/item".',
    );
  }
}

function refHint(ref: string, root: unknown): string {
  const definitions = isRecord(root) && isRecord(root['$defs']) ? Object.keys(root['$defs']) : [];
  if (definitions.length === 0)
    return 'Define the schema under a top-level "$defs" map, then refer to it as "#/$defs/name".';
  const last = ref.split('/').pop() ?? ref;
  return `Refer to a schema defined under $defs: ${definitions.map((name) => `#/$defs/${name}`).join(', ')}.${didYouMean(last, definitions)}`;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${String(value)}`;
}
