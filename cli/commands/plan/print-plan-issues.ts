import type { PlanError } from '../../../shared/plan/plan-types.js';
import { UsageError } from '../../usage-error.js';

/** `file:line:column: message` and the hint below it, one issue per two lines. */
export function formatPlanIssue(issue: PlanError): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}${issue.hint ? `\n  → ${issue.hint}` : ''}`;
}

/** Writes each warning to standard error, prefixed as every tagwarden message is. */
export function printPlanWarnings(warnings: readonly PlanError[]): void {
  for (const warning of warnings) process.stderr.write(`tagwarden: ${formatPlanIssue(warning)}\n`);
}

/** The usage error for a plan that could not be read: the first issue, then every other one. */
export function planFailure(errors: readonly PlanError[]): UsageError {
  const [first, ...rest] = errors;
  const details = rest.map((error) => `\n${formatPlanIssue(error)}`).join('');
  return new UsageError(
    `${first?.file}:${first?.line}:${first?.column}: ${first?.message}${details}`,
    first?.hint || 'Fix the plan and run again.',
  );
}
