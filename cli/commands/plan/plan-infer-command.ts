import { inferPlanFromInputs } from '../../../shared/plan/infer/infer-plan-from-inputs.js';
import { writePlanDocument } from '../../../shared/plan/importers/write-plan-document.js';
import { collectInputFiles } from '../../collect-input-files.js';
import { exitCodes } from '../../exit-codes.js';
import { readInputFile } from '../../read-input-file.js';
import { UsageError } from '../../usage-error.js';
import { writeCommandOutput } from './write-command-output.js';

export interface PlanInferOptions {
  output?: string;
  name?: string;
  format: 'yaml' | 'json';
}

/**
 * `tagwarden plan infer`: a draft plan from example pushes or captured sessions. The draft is
 * marked as such at the top of the file, on the plan and on every event.
 */
export function runPlanInfer(inputs: string[], options: PlanInferOptions): void {
  const { files, errors } = collectInputFiles(inputs);
  const texts = files.map((file) => ({ name: file, text: readInputFile(file) }));
  const inferred = inferPlanFromInputs(texts, options.name ? { name: options.name } : {});
  errors.push(...inferred.errors);
  for (const error of errors)
    process.stderr.write(`tagwarden: ${error.message}\n  → ${error.hint}\n`);
  if (inferred.events === 0) {
    throw new UsageError(
      `no events found in ${inputs.join(', ')}`,
      'Pass example pushes (a JSON array, or one push a line) or captures that tagwarden check reads.',
    );
  }
  const comment = [
    `DRAFT: inferred by tagwarden plan infer from ${inferred.events} event${inferred.events === 1 ? '' : 's'} in ${files.join(', ')}.`,
    'It describes what was seen, mistakes included. Review every event before checking against it.',
  ];
  writeCommandOutput(
    writePlanDocument(inferred.plan, { format: options.format, comment }),
    options.output,
  );
  process.exitCode = errors.length > 0 ? exitCodes.usageOrInput : exitCodes.clean;
}
