import type { ParsedTemplate } from '../contract.js';
import type { CodeSource } from '../interpreter/code-source.js';
import { parseSandboxedCode } from '../interpreter/parse-sandboxed-code.js';
import type { SandboxError } from '../interpreter/sandbox-error.js';
import { createRecord, isRecord, type SandboxRecord } from '../interpreter/sandbox-values.js';
import type { SyntaxPolicy } from '../interpreter/syntax-rules.js';
import { Realm, type LogEntry, type RealmOptions } from './realm.js';
import type { DrainOutcome } from './scheduler.js';
import { settleThenable } from './settle-thenable.js';

/** How a run ended: a tag's verdict, a variable's or client's return, or an error. */
export type TemplateOutcome = 'succeeded' | 'failed' | 'still-running' | 'returned' | 'errored';

/** An error of a run, with its place in the template's code (1-based). */
export interface RunError {
  kind: string;
  message: string;
  line?: number;
  column?: number;
}

/** The result of one run, as data. */
export interface TemplateRun {
  outcome: TemplateOutcome;
  /** MACRO: the returned value (a returned promise is awaited). CLIENT: what the code returned. */
  value?: unknown;
  errors: RunError[];
  logs: LogEntry[];
  /** Every top-level API call and gtmOnSuccess/gtmOnFailure call, arguments copied out. */
  calls: Array<{ api: string; args: unknown[] }>;
  /** Whether the asynchronous work settled, hit the task limit, or was still pending at the timeout. */
  drain: DrainOutcome;
}

export interface RunTemplateOptions extends Omit<RealmOptions, 'context'> {
  /** The template's field values; gtmOnSuccess and gtmOnFailure are added. */
  data?: Record<string, unknown>;
  syntax?: SyntaxPolicy;
}

/**
 * Runs a template once, as GTM fires a tag, evaluates a variable or hands a request to a
 * client, and waits for its asynchronous work before answering. Every API call goes to the
 * real API and is checked against `options.permissions`; `options.network` decides whether
 * sends are recorded (tests) or really made (live mode). Never throws for anything the
 * template does: errors come back in `errors` with their line and column.
 */
export async function runTemplate(
  template: ParsedTemplate,
  options: RunTemplateOptions,
): Promise<TemplateRun> {
  const parsed = parseSandboxedCode(template.code, options.syntax);
  if (!parsed.ok) {
    const errors = parsed.problems.map((problem) => ({ kind: 'syntax', ...problem }));
    return { outcome: 'errored', errors, logs: [], calls: [], drain: 'settled' };
  }

  const realm = new Realm({ ...options, context: template.context, templateKind: template.kind });
  let verdict: 'succeeded' | 'failed' | undefined;
  const data = templateData(realm, options.data);
  data.gtmOnSuccess = realm.completionCallback('gtmOnSuccess', () => (verdict ??= 'succeeded'));
  data.gtmOnFailure = realm.completionCallback('gtmOnFailure', () => (verdict ??= 'failed'));

  const source: CodeSource = { name: 'template', text: template.code };
  let returned: unknown;
  try {
    returned = realm.boundary.copyOut(realm.runTemplateCode(parsed.program, source, data));
  } catch (error) {
    realm.report(error);
  }
  let drain = await realm.scheduler.drain();
  if (template.kind === 'MACRO' && realm.errors.length === 0) {
    const settled = await settleThenable(realm, returned);
    returned = settled.value;
    drain = settled.drain ?? drain;
  }

  return {
    outcome: outcomeOf(template.kind, realm.errors, verdict),
    ...(template.kind === 'TAG' ? {} : { value: returned }),
    errors: realm.errors.map(toRunError),
    logs: realm.logs,
    calls: realm.resolver.calls.map((call) => ({
      api: call.api,
      args: call.args.map((arg) => realm.boundary.copyOut(arg)),
    })),
    drain,
  };
}

function templateData(realm: Realm, data: Record<string, unknown> | undefined): SandboxRecord {
  const copied = realm.boundary.copyIn(data ?? {});
  return isRecord(copied) ? copied : createRecord();
}

function outcomeOf(
  kind: ParsedTemplate['kind'],
  errors: SandboxError[],
  verdict: 'succeeded' | 'failed' | undefined,
): TemplateOutcome {
  if (errors.length > 0) return 'errored';
  if (kind !== 'TAG') return 'returned';
  return verdict ?? 'still-running';
}

/** A sandbox error as data, located in whichever code raised it. */
export function toRunError(error: SandboxError): RunError {
  const location = error.location;
  return location
    ? { kind: error.kind, message: error.message, line: location.line, column: location.column }
    : { kind: error.kind, message: error.message };
}
