import type { InputError } from '../../capture/captured-input.js';
import type { PlanDocument } from '../importers/import-types.js';
import { collectObservedEvents } from './collect-observed-events.js';
import { inferPlan, type InferPlanOptions } from './infer-plan.js';
import { readInferInput } from './read-infer-input.js';

export interface InferredPlan {
  plan: PlanDocument;
  /** How many events the plan was inferred from. */
  events: number;
  /** Inputs (or parts of them) that could not be read; the rest were still used. */
  errors: InputError[];
}

/**
 * A draft plan from the texts of example pushes or captured sessions (each `{name, text}`),
 * read as `tagwarden check` reads them.
 */
export function inferPlanFromInputs(
  inputs: ReadonlyArray<{ name: string; text: string }>,
  options: InferPlanOptions = {},
): InferredPlan {
  const errors: InputError[] = [];
  const records = inputs.flatMap((input) => {
    const read = readInferInput(input.text, input.name);
    errors.push(...read.errors);
    return read.records;
  });
  const events = collectObservedEvents(records);
  return { plan: inferPlan(events, options), events: events.length, errors };
}
