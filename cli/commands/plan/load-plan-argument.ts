import { findBundledPlan } from '../../../shared/plan/bundled-plans.js';
import { importPlan } from '../../../shared/plan/importers/import-plan.js';
import type { ImportResult, PlanSourceFile } from '../../../shared/plan/importers/import-types.js';
import { planFailure, printPlanWarnings } from './print-plan-issues.js';
import { readPlanFiles } from './read-plan-files.js';

export type ImportedPlanResult = Extract<ImportResult, { ok: true }> & {
  files: PlanSourceFile[];
};

/**
 * The plan a command argument names (a file, a folder or a bundled plan), in any format
 * tagwarden imports, with its warnings printed to standard error. A plan that cannot be read
 * stops the command with every error, each naming the file and the line.
 */
export function loadPlanArgument(
  reference: string,
  from?: string,
  options: { printWarnings?: boolean } = {},
): ImportedPlanResult {
  const files = readPlanFiles(reference);
  const format = from ?? (findBundledPlan(reference)?.name === reference ? reference : undefined);
  const result = importPlan(files, format === undefined ? {} : { from: format });
  if (!result.ok) throw planFailure(result.errors);
  if (options.printWarnings !== false) printPlanWarnings(result.warnings);
  return { ...result, files };
}
