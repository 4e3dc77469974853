import { diffPlans } from '../../../shared/plan/diff/diff-plans.js';
import { loadPlanArgument } from './load-plan-argument.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from './render-plan-diff.js';
import { writeCommandOutput } from './write-command-output.js';

export interface PlanDiffOptions {
  format: 'text' | 'markdown' | 'json';
  oldFrom?: string;
  newFrom?: string;
  output?: string;
}

const renderers = { text: renderDiffText, markdown: renderDiffMarkdown, json: renderDiffJson };

/** `tagwarden plan diff`: what changed between two plans, in any formats tagwarden reads. */
export function runPlanDiff(oldPlan: string, newPlan: string, options: PlanDiffOptions): void {
  const before = loadPlanArgument(oldPlan, options.oldFrom);
  const after = loadPlanArgument(newPlan, options.newFrom);
  const diff = diffPlans(before.plan, after.plan);
  writeCommandOutput(renderers[options.format](diff), options.output);
}
