import type { PlanIssues } from './plan-issues.js';

export interface SchemaCheckContext {
  issues: PlanIssues;
  /** The document local `$ref`s resolve against (the event's complete schema). */
  refRoot: unknown;
  /** Extra keys accepted silently as annotations (Segment writes `key` and `labels`). */
  quietKeys: ReadonlySet<string>;
}

/** The keyword being checked: where it is, whose schema it belongs to, and the report. */
export interface SchemaCheckSite {
  pointer: string;
  subject: string;
  context: SchemaCheckContext;
}

export function fail(
  site: SchemaCheckSite,
  message: string,
  hint: string,
  place: 'key' | 'value' = 'value',
): void {
  site.context.issues.error(site.pointer, message, hint, place);
}
