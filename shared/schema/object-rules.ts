import type { CompiledSchema } from './compile-schema.js';
import type { CompileContext, Rule } from './compile-keywords.js';
import { unsupported } from './compile-keywords.js';
import { childPath } from './schema-issue.js';

type Record_ = Record<string, unknown>;

const isObject = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `required`, `properties`, `additionalProperties` and the other object keywords. */
export function objectRules(schema: Record_, context: CompileContext): Rule[] {
  const rules: Rule[] = [];
  if ('required' in schema) rules.push(...requiredRule(schema.required, context));
  if ('dependentRequired' in schema)
    rules.push(...dependentRequiredRule(schema.dependentRequired, context));
  if ('properties' in schema || 'patternProperties' in schema || 'additionalProperties' in schema) {
    rules.push(...propertiesRule(schema, context));
  }
  if ('propertyNames' in schema)
    rules.push(propertyNamesRule(context.compile(schema.propertyNames)));
  for (const keyword of ['minProperties', 'maxProperties'] as const) {
    if (keyword in schema) rules.push(...countRule(keyword, schema[keyword], context));
  }
  return rules;
}

function requiredRule(names: unknown, context: CompileContext): Rule[] {
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string'))
    return unsupported(context);
  const required = names as string[];
  return [
    {
      test: (value) => !isObject(value) || hasEvery(value, required),
      collect: (value, path, issues) => {
        for (const name of required) {
          if (isObject(value) && !Object.hasOwn(value, name)) {
            issues.push({
              keyword: 'required',
              path: childPath(path, name),
              message: `"${name}" is required`,
              expected: name,
            });
          }
        }
      },
    },
  ];
}

function dependentRequiredRule(dependencies: unknown, context: CompileContext): Rule[] {
  if (!isObject(dependencies)) return unsupported(context);
  const pairs = Object.entries(dependencies);
  if (pairs.some(([, names]) => !Array.isArray(names))) return unsupported(context);
  const missing = (value: Record_) =>
    pairs.flatMap(([trigger, names]) =>
      Object.hasOwn(value, trigger)
        ? (names as string[])
            .filter((name) => !Object.hasOwn(value, name))
            .map((name) => ({ trigger, name }))
        : [],
    );
  const triggers = pairs.map(([trigger, names]) => ({ trigger, names: names as string[] }));
  const isComplete = (value: Record_) => {
    for (const { trigger, names } of triggers) {
      if (Object.hasOwn(value, trigger) && !hasEvery(value, names)) return false;
    }
    return true;
  };
  return [
    {
      test: (value) => !isObject(value) || isComplete(value),
      collect: (value, path, issues) => {
        if (!isObject(value)) return;
        for (const { trigger, name } of missing(value)) {
          issues.push({
            keyword: 'dependentRequired',
            path: childPath(path, name),
            message: `"${name}" is required when "${trigger}" is set`,
            expected: name,
          });
        }
      },
    },
  ];
}

function propertiesRule(schema: Record_, context: CompileContext): Rule[] {
  const properties = schema.properties ?? {};
  const patterns = schema.patternProperties ?? {};
  if (!isObject(properties) || !isObject(patterns)) return unsupported(context);

  const named = new Map<string, CompiledSchema>(
    Object.entries(properties).map(([name, node]) => [name, context.compile(node)]),
  );
  const patterned: Array<[RegExp, CompiledSchema]> = [];
  for (const [pattern, node] of Object.entries(patterns)) {
    try {
      patterned.push([new RegExp(pattern, 'u'), context.compile(node)]);
    } catch {
      return unsupported(context);
    }
  }
  const additional =
    'additionalProperties' in schema ? context.compile(schema.additionalProperties) : undefined;

  // Each property's schemas: its named one, every matching pattern, else additionalProperties.
  // Events carry many more keys than a plan names, so the common case (named properties only)
  // looks up the named ones instead of walking every key.
  const namedEntries = [...named];
  const isNamedOnly = patterned.length === 0 && additional === undefined;
  const schemasFor = (key: string): CompiledSchema[] => {
    const found: CompiledSchema[] = [];
    const one = named.get(key);
    if (one) found.push(one);
    for (const [expression, node] of patterned) if (expression.test(key)) found.push(node);
    if (found.length === 0 && additional) found.push(additional);
    return found;
  };
  const walk = (value: Record_, visit: (key: string, node: CompiledSchema) => boolean): boolean => {
    if (isNamedOnly) {
      for (const [key, node] of namedEntries)
        if (Object.hasOwn(value, key) && !visit(key, node)) return false;
      return true;
    }
    for (const key of Object.keys(value)) {
      for (const node of schemasFor(key)) if (!visit(key, node)) return false;
    }
    return true;
  };
  // `walk` with `node.test` as the visitor, written out: it runs for every event and every
  // item, and allocating the visitor on each call showed up among the top costs when
  // profiling validation of the bundled captures.
  const namedKeys = namedEntries.map(([key]) => key);
  const namedNodes = namedEntries.map(([, node]) => node);
  const passes = (value: Record_): boolean => {
    if (!isNamedOnly) return walk(value, (key, node) => node.test(value[key]));
    for (let index = 0; index < namedKeys.length; index++) {
      const key = namedKeys[index] as string;
      if (Object.hasOwn(value, key) && !(namedNodes[index] as CompiledSchema).test(value[key]))
        return false;
    }
    return true;
  };

  return [
    {
      test: (value) => !isObject(value) || passes(value),
      collect: (value, path, issues) => {
        if (!isObject(value)) return;
        walk(value, (key, node) => {
          if (node.test(value[key])) return true;
          const isAdditional = node === additional && !named.has(key);
          if (isAdditional && schema.additionalProperties === false) {
            issues.push({
              keyword: 'additionalProperties',
              path: childPath(path, key),
              message: `"${key}" is not a planned property`,
              actual: value[key],
            });
          } else {
            node.collect(value[key], childPath(path, key), issues);
          }
          return true;
        });
      },
    },
  ];
}

function propertyNamesRule(names: CompiledSchema): Rule {
  return {
    test: (value) => !isObject(value) || Object.keys(value).every((key) => names.test(key)),
    collect: (value, path, issues) => {
      if (!isObject(value)) return;
      for (const key of Object.keys(value)) {
        if (!names.test(key)) {
          issues.push({
            keyword: 'propertyNames',
            path: childPath(path, key),
            message: `the property name "${key}" is not allowed`,
            actual: key,
          });
        }
      }
    },
  };
}

function countRule(
  keyword: 'minProperties' | 'maxProperties',
  limit: unknown,
  context: CompileContext,
): Rule[] {
  if (typeof limit !== 'number') return unsupported(context);
  const isMin = keyword === 'minProperties';
  const fits = (count: number) => (isMin ? count >= limit : count <= limit);
  return [
    {
      test: (value) => !isObject(value) || fits(Object.keys(value).length),
      collect: (value, path, issues) =>
        issues.push({
          keyword,
          path,
          message: `must have ${isMin ? 'at least' : 'at most'} ${limit} properties`,
          expected: limit,
          actual: isObject(value) ? Object.keys(value).length : undefined,
        }),
    },
  ];
}

function hasEvery(value: Record_, names: readonly string[]): boolean {
  for (let index = 0; index < names.length; index++) {
    if (!Object.hasOwn(value, names[index] as string)) return false;
  }
  return true;
}
