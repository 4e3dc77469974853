import { writeFileSync } from 'node:fs';
import { readCapture } from '../../shared/capture/read-capture.js';
import type { CapturedRecord } from '../../shared/capture/captured-input.js';
import { checkCaptures } from '../../shared/check/check-captures.js';
import type { CheckReport } from '../../shared/check/check-report.js';
import type { Severity } from '../../shared/events/event-types.js';
import { collectInputFiles } from '../collect-input-files.js';
import { exitCodes } from '../exit-codes.js';
import { readInputFile } from '../read-input-file.js';
import { renderJson } from '../report/render-json.js';
import { renderJunit } from '../report/render-junit.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { renderText } from '../report/render-text.js';
import { resolvePlan } from '../resolve-plan.js';
import { UsageError } from '../usage-error.js';

export interface CheckOptions {
  plan: string;
  format: 'text' | 'json' | 'junit' | 'markdown';
  failOn: Severity | 'never';
  output?: string;
}

const renderers = {
  text: renderText,
  json: renderJson,
  junit: renderJunit,
  markdown: renderMarkdown,
};
const severityRank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `tagwarden check`: captures and a plan in, a report out, and an exit code CI can act on. */
export function runCheck(inputs: string[], options: CheckOptions): void {
  const plan = resolvePlan(options.plan);
  const { files, errors: inputErrors } = collectInputFiles(inputs);

  const records: CapturedRecord[] = [];
  for (const file of files) {
    const result = readCapture(readInputFile(file), file);
    records.push(...result.records);
    inputErrors.push(...result.errors);
  }

  const report = checkCaptures(records, plan, { inputs: files, inputErrors });
  const rendered = renderers[options.format](report);
  if (options.output) writeReport(options.output, rendered);
  else process.stdout.write(rendered);

  for (const error of inputErrors)
    process.stderr.write(`tagwarden: ${error.message}\n  → ${error.hint}\n`);
  process.exitCode = exitCodeFor(report, options.failOn);
}

function writeReport(path: string, rendered: string): void {
  try {
    writeFileSync(path, rendered);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `the report cannot be written to ${path} (${code})`,
      'Name a file in a folder that exists and that you can write to, or leave out --output to print the report.',
    );
  }
}

function exitCodeFor(report: CheckReport, failOn: Severity | 'never'): number {
  if (report.inputErrors.length > 0) return exitCodes.usageOrInput;
  if (failOn === 'never') return exitCodes.clean;
  const threshold = severityRank[failOn];
  const hasFailing = report.events.some((event) =>
    event.violations.some((violation) => severityRank[violation.severity] >= threshold),
  );
  return hasFailing ? exitCodes.violations : exitCodes.clean;
}
