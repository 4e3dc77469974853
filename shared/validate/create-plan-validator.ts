import type { Layer, Verdict, Violation } from '../events/event-types.js';
import type { TrackingPlan } from '../plan/plan-types.js';
import type { EventUnderTest } from './event-under-test.js';
import { findDuplicateEvents, type Duplicate } from './find-duplicate-events.js';
import { judgeEvent, prepareEvent, readLayer, type PreparedEvent } from './judge-event.js';
import { createValidatorContext } from './validator-context.js';
import { stableKey } from './stable-key.js';

export interface PlanValidator {
  readonly plan: TrackingPlan;
  /** The plan's verdict on one event. Never throws. */
  validate(event: EventUnderTest): Verdict;
  /**
   * Verdicts in input order, plus `duplicate_event` for events that repeat an earlier one.
   * `describe` names an earlier event in those messages (for example by its input file and
   * line); without it, events are named by their 1-based position.
   */
  validateAll(events: EventUnderTest[], options?: ValidateAllOptions): Verdict[];
}

export interface ValidateAllOptions {
  describe?: (index: number) => string;
}

/**
 * A validator for one plan. Each planned event's schema is compiled once, on first use, and
 * reused for every event of that name.
 */
export function createPlanValidator(plan: TrackingPlan): PlanValidator {
  const context = createValidatorContext(plan);

  const validateOne = (
    event: EventUnderTest,
  ): { verdict: Verdict; prepared: PreparedEvent | null } => {
    let prepared: PreparedEvent | null = null;
    try {
      prepared = prepareEvent(event, context);
      return { verdict: judgeEvent(prepared, context), prepared };
    } catch (error) {
      return { verdict: failedVerdict(event, error), prepared };
    }
  };

  return {
    plan,
    // Not through `validateOne`: a single verdict needs no prepared event kept beside it.
    validate(event) {
      try {
        return judgeEvent(prepareEvent(event, context), context);
      } catch (error) {
        return failedVerdict(event, error);
      }
    },
    validateAll(events, options) {
      const describe = options?.describe ?? ((index: number) => `event #${index + 1}`);
      const list = Array.isArray(events) ? events : [];
      const results = list.map(validateOne);
      const duplicates = safeDuplicates(
        results.map(({ prepared }, index) => ({ prepared, event: list[index] })),
      );
      for (const duplicate of duplicates) {
        const result = results[duplicate.index];
        if (result)
          addViolation(
            result.verdict,
            duplicateViolation(duplicate, result.verdict.name, describe(duplicate.firstIndex)),
          );
      }
      return results.map(({ verdict }) => verdict);
    },
  };
}

function safeDuplicates(
  entries: Array<{ prepared: PreparedEvent | null; event: EventUnderTest | undefined }>,
): Duplicate[] {
  try {
    const candidates = entries.map(({ prepared, event }) => ({
      name: prepared?.name ?? null,
      layer: prepared?.layer ?? ('other' as Layer),
      properties: prepared?.properties ?? {},
      uniqueBy: prepared?.planned?.uniqueBy ?? [],
      ...(prepared?.dedupeKey !== undefined ? { dedupeKey: prepared.dedupeKey } : {}),
      fingerprint: () => stableKey(event),
    }));
    return findDuplicateEvents(candidates);
  } catch {
    return [];
  }
}

function duplicateViolation(duplicate: Duplicate, name: string | null, earlier: string): Violation {
  const event = name ?? 'This event';
  if (duplicate.reason === 'same-request') {
    return {
      code: 'duplicate_event',
      severity: 'warning',
      path: '',
      message: `${event} is the same request as ${earlier}: it was captured or sent twice; check the tag does not fire twice.`,
      actual: duplicate.firstIndex,
    };
  }
  const fields = Object.keys(duplicate.values ?? {}).join(', ');
  return {
    code: 'duplicate_event',
    severity: 'error',
    path: '',
    message: `${event} repeats the ${fields} of ${earlier}: the same ${event} was sent twice; send it once.`,
    expected: `unique ${fields}`,
    actual: duplicate.values,
  };
}

function addViolation(verdict: Verdict, violation: Violation): void {
  verdict.violations.push(violation);
  if (verdict.status === 'valid' && violation.severity === 'error') verdict.status = 'invalid';
}

function failedVerdict(event: EventUnderTest, error: unknown): Verdict {
  const name = typeof event?.name === 'string' ? event.name : null;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return {
    name,
    layer: readLayer(event?.layer),
    status: 'invalid',
    violations: [
      {
        code: 'schema_violation',
        severity: 'error',
        path: '',
        message: `This event could not be validated (${reason}): check that it is plain data.`,
      },
    ],
  };
}
