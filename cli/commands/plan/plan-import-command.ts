import { writePlanDocument } from '../../../shared/plan/importers/write-plan-document.js';
import { loadPlanArgument } from './load-plan-argument.js';
import { writeCommandOutput } from './write-command-output.js';

export interface PlanImportOptions {
  from?: string;
  output?: string;
  format: 'yaml' | 'json';
}

/**
 * `tagwarden plan import`: a plan written for another tool, in tagwarden's format. What did
 * not translate is listed on standard error, each line naming the source file and line.
 */
export function runPlanImport(input: string, options: PlanImportOptions): void {
  const result = loadPlanArgument(input, options.from);
  const events = Object.keys(result.document.events).length;
  const comment = [
    `Imported by tagwarden plan import from ${input} (${result.format}): ${events} event${events === 1 ? '' : 's'}.`,
    result.warnings.length > 0
      ? `${result.warnings.length} part${result.warnings.length === 1 ? '' : 's'} did not translate; tagwarden listed them when importing.`
      : 'Everything translated.',
  ];
  const text = writePlanDocument(result.document, { format: options.format, comment });
  writeCommandOutput(text, options.output);
}
