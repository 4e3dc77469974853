import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledPlans, findBundledPlan } from '../shared/plan/bundled-plans.js';
import { loadPlan } from '../shared/plan/load-plan.js';
import type { TrackingPlan } from '../shared/plan/plan-types.js';
import { packageRoot } from './package-version.js';
import { readInputFile } from './read-input-file.js';
import { UsageError } from './usage-error.js';

/**
 * The plan `--plan` names: a bundled plan by name, or a file. A plan that does not load stops
 * the run with every error it has, each naming the file, the line and a fix.
 */
export function resolvePlan(reference: string): TrackingPlan {
  const bundled = findBundledPlan(reference);
  const path = bundled ? join(packageRoot(), bundled.path) : reference;
  if (!bundled && !existsSync(path)) {
    const names = bundledPlans.map((plan) => plan.name).join(', ');
    throw new UsageError(
      `plan ${reference}: no such file and no bundled plan of that name`,
      `Name a plan file, or one of the bundled plans: ${names}.`,
    );
  }

  if (!bundled && statSync(path).isDirectory()) {
    throw new UsageError(
      `plan ${reference} is a directory`,
      'Pass one plan file (YAML or JSON) to --plan, or a bundled plan name.',
    );
  }

  const result = loadPlan(readInputFile(path), bundled ? bundled.name : reference);
  if (result.ok) {
    for (const warning of result.warnings) {
      process.stderr.write(
        `tagwarden: ${warning.file}:${warning.line}:${warning.column}: ${warning.message}\n  → ${warning.hint}\n`,
      );
    }
    return result.plan;
  }
  const [first, ...rest] = result.errors;
  const details = rest
    .map(
      (error) =>
        `\n${error.file}:${error.line}:${error.column}: ${error.message}\n  → ${error.hint}`,
    )
    .join('');
  throw new UsageError(
    `${first?.file}:${first?.line}:${first?.column}: ${first?.message}${details}`,
    first?.hint ?? 'Fix the plan file and run again.',
  );
}
