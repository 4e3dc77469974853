import type { CompiledSchema } from './compile-schema.js';
import type { CompileContext, Rule } from './compile-keywords.js';
import { unsupported } from './compile-keywords.js';
import { childPath, deepEqual } from './schema-issue.js';

/** `items`, `prefixItems`, `minItems`, `maxItems` and `uniqueItems`. */
export function arrayRules(schema: Record<string, unknown>, context: CompileContext): Rule[] {
  const rules: Rule[] = [];
  if ('items' in schema || 'prefixItems' in schema) rules.push(...itemsRule(schema, context));
  for (const keyword of ['minItems', 'maxItems'] as const) {
    if (keyword in schema) rules.push(...countRule(keyword, schema[keyword], context));
  }
  if (schema.uniqueItems === true) rules.push(uniqueRule());
  return rules;
}

function itemsRule(schema: Record<string, unknown>, context: CompileContext): Rule[] {
  // Draft-07 wrote tuples as an `items` array with `additionalItems`; 2020-12 as `prefixItems`.
  const isLegacyTuple = Array.isArray(schema.items);
  const prefixSource = isLegacyTuple ? schema.items : (schema.prefixItems ?? []);
  const restSource = isLegacyTuple ? schema.additionalItems : schema.items;
  if (!Array.isArray(prefixSource)) return unsupported(context);

  const prefix = prefixSource.map((node) => context.compile(node));
  const rest: CompiledSchema | undefined =
    restSource === undefined ? undefined : context.compile(restSource);
  const schemaAt = (index: number) => (index < prefix.length ? prefix[index] : rest);

  return [
    {
      test: (value) => {
        if (!Array.isArray(value)) return true;
        for (let index = 0; index < value.length; index++) {
          const node = schemaAt(index);
          if (node && !node.test(value[index])) return false;
        }
        return true;
      },
      collect: (value, path, issues) => {
        if (!Array.isArray(value)) return;
        value.forEach((element, index) => {
          const node = schemaAt(index);
          if (node && !node.test(element)) node.collect(element, childPath(path, index), issues);
        });
      },
    },
  ];
}

function countRule(
  keyword: 'minItems' | 'maxItems',
  limit: unknown,
  context: CompileContext,
): Rule[] {
  if (typeof limit !== 'number') return unsupported(context);
  const isMin = keyword === 'minItems';
  const fits = (count: number) => (isMin ? count >= limit : count <= limit);
  return [
    {
      test: (value) => !Array.isArray(value) || fits(value.length),
      collect: (value, path, issues) =>
        issues.push({
          keyword,
          path,
          message: `must have ${isMin ? 'at least' : 'at most'} ${limit} entries`,
          expected: limit,
          actual: Array.isArray(value) ? value.length : undefined,
        }),
    },
  ];
}

function uniqueRule(): Rule {
  const firstRepeat = (value: unknown[]) =>
    value.findIndex((element, index) =>
      value.slice(0, index).some((earlier) => deepEqual(earlier, element)),
    );
  return {
    test: (value) => !Array.isArray(value) || firstRepeat(value) === -1,
    collect: (value, path, issues) => {
      if (!Array.isArray(value)) return;
      const index = firstRepeat(value);
      issues.push({
        keyword: 'uniqueItems',
        path: childPath(path, index),
        message: 'repeats an earlier entry',
        actual: value[index],
      });
    },
  };
}
