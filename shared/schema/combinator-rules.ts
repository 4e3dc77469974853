import type { CompiledSchema } from './compile-schema.js';
import type { CompileContext, Rule } from './compile-keywords.js';
import { unsupported } from './compile-keywords.js';
import type { SchemaIssue } from './schema-issue.js';

/** `$ref`, `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`. */
export function combinatorRules(schema: Record<string, unknown>, context: CompileContext): Rule[] {
  const rules: Rule[] = [];
  if ('$ref' in schema) rules.push(...refRule(schema.$ref, context));
  if ('allOf' in schema) rules.push(...allOfRule(schema.allOf, context));
  if ('anyOf' in schema) rules.push(...anyOfRule(schema.anyOf, context));
  if ('oneOf' in schema) rules.push(...oneOfRule(schema.oneOf, context));
  if ('not' in schema) rules.push(notRule(context.compile(schema.not)));
  if ('if' in schema) rules.push(conditionalRule(schema, context));
  return rules;
}

/** Resolves a local reference (`#`, `#/$defs/item`, any JSON Pointer into this document). */
function refRule(reference: unknown, context: CompileContext): Rule[] {
  if (typeof reference !== 'string' || !reference.startsWith('#')) return unsupported(context);
  const target = resolvePointer(context.root, reference.slice(1));
  if (target === undefined) return unsupported(context);
  // Compiled on first use, so recursive definitions do not loop at compile time.
  let compiled: CompiledSchema | undefined;
  const get = () => (compiled ??= context.compile(target));
  get();
  return [
    {
      test: (value) => get().test(value),
      collect: (value, path, issues) => get().collect(value, path, issues),
    },
  ];
}

function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function compileList(list: unknown, context: CompileContext): CompiledSchema[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((node) => context.compile(node));
}

function allOfRule(list: unknown, context: CompileContext): Rule[] {
  const nodes = compileList(list, context);
  if (!nodes) return unsupported(context);
  return [
    {
      test: (value) => {
        for (const node of nodes) if (!node.test(value)) return false;
        return true;
      },
      collect: (value, path, issues) => {
        for (const node of nodes) if (!node.test(value)) node.collect(value, path, issues);
      },
    },
  ];
}

function anyOfRule(list: unknown, context: CompileContext): Rule[] {
  const nodes = compileList(list, context);
  if (!nodes) return unsupported(context);
  // The common "item_id or item_name" form reads better as one missing-field message.
  const alternatives = requiredOnlyAlternatives(list as unknown[]);
  return [
    {
      test: (value) => {
        for (const node of nodes) if (node.test(value)) return true;
        return false;
      },
      collect: (value, path, issues) => {
        if (alternatives) {
          issues.push({
            keyword: 'required',
            path,
            message: `needs at least one of ${alternatives.map((name) => `"${name}"`).join(', ')}`,
            expected: alternatives,
          });
          return;
        }
        issues.push({
          keyword: 'anyOf',
          path,
          message: `must match at least one of ${nodes.length} alternatives`,
          actual: value,
        });
      },
    },
  ];
}

function requiredOnlyAlternatives(list: unknown[]): string[] | undefined {
  const names: string[] = [];
  for (const node of list) {
    if (typeof node !== 'object' || node === null) return undefined;
    const keys = Object.keys(node);
    const required = (node as { required?: unknown }).required;
    if (keys.length !== 1 || !Array.isArray(required) || required.length !== 1) return undefined;
    names.push(String(required[0]));
  }
  return names;
}

function oneOfRule(list: unknown, context: CompileContext): Rule[] {
  const nodes = compileList(list, context);
  if (!nodes) return unsupported(context);
  const matches = (value: unknown) => nodes.filter((node) => node.test(value)).length;
  return [
    {
      test: (value) => matches(value) === 1,
      collect: (value, path, issues: SchemaIssue[]) => {
        const count = matches(value);
        const message =
          count === 0
            ? `must match one of ${nodes.length} alternatives`
            : `matches ${count} alternatives but must match exactly one`;
        issues.push({ keyword: 'oneOf', path, message, actual: value });
      },
    },
  ];
}

function notRule(node: CompiledSchema): Rule {
  return {
    test: (value) => !node.test(value),
    collect: (value, path, issues) =>
      issues.push({
        keyword: 'not',
        path,
        message: 'must not match the excluded schema',
        actual: value,
      }),
  };
}

function conditionalRule(schema: Record<string, unknown>, context: CompileContext): Rule {
  const condition = context.compile(schema.if);
  const then = 'then' in schema ? context.compile(schema.then) : undefined;
  const otherwise = 'else' in schema ? context.compile(schema.else) : undefined;
  const branch = (value: unknown) => (condition.test(value) ? then : otherwise);
  return {
    test: (value) => branch(value)?.test(value) ?? true,
    collect: (value, path, issues) => branch(value)?.collect(value, path, issues),
  };
}
