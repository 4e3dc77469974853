import type { CompileContext, Rule } from './compile-keywords.js';
import { unsupported } from './compile-keywords.js';
import { deepEqual, jsonTypeOf } from './schema-issue.js';

const typeTests: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number',
  integer: (value) => typeof value === 'number' && Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  null: (value) => value === null,
  array: (value) => Array.isArray(value),
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
};

/** `type`, `enum`, `const`, and the string and number assertions. */
export function valueRules(schema: Record<string, unknown>, context: CompileContext): Rule[] {
  const rules: Rule[] = [];
  if ('type' in schema) rules.push(...typeRule(schema.type, context));
  if ('enum' in schema) rules.push(...enumRule(schema.enum, context));
  if ('const' in schema) rules.push(constRule(schema.const));
  if ('pattern' in schema) rules.push(...patternRule(schema.pattern, context));
  for (const keyword of ['minLength', 'maxLength'] as const) {
    if (keyword in schema) rules.push(...lengthRule(keyword, schema[keyword], context));
  }
  for (const keyword of [
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'multipleOf',
  ] as const) {
    if (keyword in schema) rules.push(...numberRule(keyword, schema[keyword], context));
  }
  return rules;
}

function typeRule(type: unknown, context: CompileContext): Rule[] {
  const names = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (!names || names.some((name) => typeof name !== 'string' || !(name in typeTests)))
    return unsupported(context);
  const tests = names.map((name) => typeTests[name as string] as (value: unknown) => boolean);
  const test =
    tests.length === 1
      ? (tests[0] as (value: unknown) => boolean)
      : (value: unknown) => tests.some((one) => one(value));
  const expected = names.join(' or ');
  return [
    {
      test,
      collect: (value, path, issues) =>
        issues.push({
          keyword: 'type',
          path,
          message: `must be ${article(expected)}, not ${article(jsonTypeOf(value))}`,
          expected,
          actual: value,
        }),
    },
  ];
}

function enumRule(values: unknown, context: CompileContext): Rule[] {
  if (!Array.isArray(values)) return unsupported(context);
  const primitives = new Set(values.filter((value) => typeof value !== 'object' || value === null));
  const objects = values.filter((value) => typeof value === 'object' && value !== null);
  const test = (value: unknown) =>
    primitives.has(value) ||
    (typeof value === 'object' && objects.some((option) => deepEqual(option, value)));
  return [
    {
      test,
      collect: (value, path, issues) =>
        issues.push({
          keyword: 'enum',
          path,
          message: `must be one of ${values.map((option) => JSON.stringify(option)).join(', ')}`,
          expected: values,
          actual: value,
        }),
    },
  ];
}

function constRule(expected: unknown): Rule {
  return {
    test: (value) => deepEqual(value, expected),
    collect: (value, path, issues) =>
      issues.push({
        keyword: 'const',
        path,
        message: `must be ${JSON.stringify(expected)}`,
        expected,
        actual: value,
      }),
  };
}

function patternRule(pattern: unknown, context: CompileContext): Rule[] {
  if (typeof pattern !== 'string') return unsupported(context);
  let expression: RegExp;
  try {
    expression = new RegExp(pattern, 'u');
  } catch {
    return unsupported(context);
  }
  return [
    {
      test: (value) => typeof value !== 'string' || expression.test(value),
      collect: (value, path, issues) =>
        issues.push({
          keyword: 'pattern',
          path,
          message: `must match the pattern ${pattern}`,
          expected: pattern,
          actual: value,
        }),
    },
  ];
}

function lengthRule(
  keyword: 'minLength' | 'maxLength',
  limit: unknown,
  context: CompileContext,
): Rule[] {
  if (typeof limit !== 'number') return unsupported(context);
  const isMin = keyword === 'minLength';
  const test = (value: unknown) => {
    if (typeof value !== 'string') return true;
    const length = codePointLength(value);
    return isMin ? length >= limit : length <= limit;
  };
  return [
    {
      test,
      collect: (value, path, issues) =>
        issues.push({
          keyword,
          path,
          message: `must be ${isMin ? 'at least' : 'at most'} ${limit} characters long`,
          expected: limit,
          actual: value,
        }),
    },
  ];
}

const numberChecks = {
  minimum: (value: number, limit: number) => value >= limit,
  maximum: (value: number, limit: number) => value <= limit,
  exclusiveMinimum: (value: number, limit: number) => value > limit,
  exclusiveMaximum: (value: number, limit: number) => value < limit,
  multipleOf: (value: number, limit: number) => Number.isInteger(value / limit),
};

const numberWords = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'greater than',
  exclusiveMaximum: 'less than',
  multipleOf: 'a multiple of',
};

function numberRule(
  keyword: keyof typeof numberChecks,
  limit: unknown,
  context: CompileContext,
): Rule[] {
  if (typeof limit !== 'number' || (keyword === 'multipleOf' && limit <= 0))
    return unsupported(context);
  const check = numberChecks[keyword];
  return [
    {
      test: (value) => typeof value !== 'number' || check(value, limit),
      collect: (value, path, issues) =>
        issues.push({
          keyword,
          path,
          message: `must be ${numberWords[keyword]} ${limit}`,
          expected: limit,
          actual: value,
        }),
    },
  ];
}

/** JSON Schema counts characters as code points: a surrogate pair is one character. */
function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
