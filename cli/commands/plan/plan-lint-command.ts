import { lintPlan } from '../../../shared/plan/lint/lint-plan.js';
import type { LintFinding } from '../../../shared/plan/lint/lint-finding.js';
import { parsePlanDocument } from '../../../shared/plan/parse-plan-document.js';
import type { PlanPositions } from '../../../shared/plan/plan-positions.js';
import type { Severity } from '../../../shared/events/event-types.js';
import { exitCodes } from '../../exit-codes.js';
import { loadPlanArgument, type ImportedPlanResult } from './load-plan-argument.js';
import { renderLintJson, renderLintText } from './render-lint-report.js';
import { writeCommandOutput } from './write-command-output.js';

export interface PlanLintOptions {
  from?: string;
  format: 'text' | 'json';
  output?: string;
}

// The loader already says this of unknown keywords; lint reports them as `unknown-keyword`.
const coveredByLint = /is not a JSON Schema keyword/;

/**
 * `tagwarden plan lint`: every finding about a plan, as text or JSON; exit code 1 when one of
 * them is an error.
 */
export function runPlanLint(reference: string, options: PlanLintOptions): void {
  const loaded = loadPlanArgument(reference, options.from, { printWarnings: false });
  const findings = [
    ...loadWarnings(loaded),
    ...lintPlan(loaded.plan, { positions: positionsOf(loaded) }),
  ];
  const report = {
    plan: { name: loaded.plan.name, format: loaded.format, file: reference },
    findings,
    summary: summarise(findings),
  };
  const text = options.format === 'json' ? renderLintJson(report) : renderLintText(report);
  writeCommandOutput(text, options.output);
  process.exitCode = report.summary.error > 0 ? exitCodes.violations : exitCodes.clean;
}

function loadWarnings(loaded: ImportedPlanResult): LintFinding[] {
  return loaded.warnings
    .filter((warning) => !coveredByLint.test(warning.message))
    .map((warning) => ({
      ruleId:
        loaded.format === 'tagwarden' || loaded.format === 'ga4-recommended'
          ? 'plan-warning'
          : 'import-warning',
      severity: 'warning' as const,
      path: warning.path ?? '',
      message: warning.message,
      hint: warning.hint,
      file: warning.file,
      line: warning.line,
      column: warning.column,
    }));
}

// A tagwarden plan file gives exact lines; other formats place findings at their event.
function positionsOf(loaded: ImportedPlanResult): PlanPositions | undefined {
  const [file, ...others] = loaded.files;
  if (!file || others.length > 0) return undefined;
  if (loaded.format !== 'tagwarden' && loaded.format !== 'ga4-recommended') return undefined;
  const parsed = parsePlanDocument(file.text, file.name);
  return parsed.ok ? parsed.document.issues.positions : undefined;
}

function summarise(findings: LintFinding[]): Record<Severity, number> {
  const summary: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) summary[finding.severity]++;
  return summary;
}
