import { Validator } from '@cfworker/json-schema';
import type { Violation } from '../events/event-types.js';
import type { JsonSchema } from '../plan/plan-types.js';
import { compileSchema, type CompiledSchema } from '../schema/compile-schema.js';
import type { SchemaIssue } from '../schema/schema-issue.js';
import { missingRequiredViolation } from './describe-schema-error.js';
import { schemaErrorsToViolations } from './schema-errors-to-violations.js';

/** One plan schema, compiled once and used for every event of its name. */
export interface CompiledEventSchema {
  /** A private copy: the interpreter annotates the schemas it compiles. */
  schema: JsonSchema;
  /** Closures answering valid-or-not; absent when the schema uses keywords they lack. */
  closures: CompiledSchema | undefined;
  interpreter: Validator | null;
  problem?: string;
}

export function compileEventSchema(schema: JsonSchema): CompiledEventSchema {
  try {
    const copy = structuredClone(schema);
    // Draft 2020-12, every error reported (no short-circuit).
    const interpreter = new Validator(copy as object, '2020-12', false);
    return { schema: copy, closures: compileSchema(copy), interpreter };
  } catch (error) {
    return { schema, closures: undefined, interpreter: null, problem: reason(error) };
  }
}

/**
 * The schema violations of one JSON-safe instance. Most events are valid, and the closures
 * say so in about a microsecond; only an event they reject (or a schema they cannot compile)
 * goes through cfworker's interpreter, whose errors become the violations.
 */
export function schemaViolations(
  compiled: CompiledEventSchema,
  instance: Record<string, unknown>,
  eventName: string,
  pathPrefix: string,
): Violation[] {
  const { closures } = compiled;
  if (closures?.test(instance)) return [];
  const missing = closures && loneMissingProperty(closures, instance, eventName, pathPrefix);
  if (missing) return [missing];
  if (!compiled.interpreter) {
    return [unusable(eventName, pathPrefix, compiled.problem ?? 'it could not be compiled')];
  }
  try {
    const result = compiled.interpreter.validate(instance);
    if (result.valid) return [];
    return schemaErrorsToViolations(result.errors, {
      eventName,
      schema: compiled.schema,
      instance,
      pathPrefix,
    });
  } catch (error) {
    return [unusable(eventName, pathPrefix, reason(error))];
  }
}

// The violation for an event whose only problem is one missing required property, read from
// the closures, or undefined for any other failure. Such events are most invalid events (a
// `search` without `search_term` in the bundled captures), and for that one the interpreter
// and the reading of its errors took about half its time in the decode-and-validate loop. A
// differential test (schema-violations-agree.test.ts) holds this to the interpreter's
// violations, byte for byte.
function loneMissingProperty(
  closures: CompiledSchema,
  instance: Record<string, unknown>,
  eventName: string,
  pathPrefix: string,
): Violation | undefined {
  const issues: SchemaIssue[] = [];
  closures.collect(instance, '', issues);
  const [issue] = issues;
  // A `required` issue names one property; the "one of these" form of `anyOf` names a list.
  if (issues.length !== 1 || issue?.keyword !== 'required' || typeof issue.expected !== 'string')
    return undefined;
  return missingRequiredViolation(pathPrefix + issue.path, eventName, issue.expected);
}

function unusable(eventName: string, path: string, problem: string): Violation {
  return {
    code: 'schema_violation',
    severity: 'error',
    path,
    message: `The plan's schema for ${eventName} could not be applied (${problem}): fix the plan entry.`,
  };
}

function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}
