import {
  dataLayerStepToTestInput,
  isGtmInternalEvent,
} from '../../../shared/check/datalayer-step-to-test-input.js';
import { warningsToViolations } from '../../../shared/check/warnings-to-violations.js';
import { createDataLayerReplay, type DataLayerReplay } from '../../../shared/datalayer/index.js';
import type { Violation } from '../../../shared/events/event-types.js';
import type { TrackingPlan } from '../../../shared/plan/plan-types.js';
import { createPlanValidator } from '../../../shared/validate/create-plan-validator.js';
import { ga4EventToTestInput } from '../../../shared/validate/ga4-event-to-test-input.js';
import type { SessionPush } from '../common/session-types.js';
import { decodeHitOnce } from './decode-hit-once.js';

/** The request a hit made, as the counter decodes it. */
export interface CountedRequest {
  url: string;
  method?: string;
  body?: string;
}

export interface ErrorCounter {
  /**
   * Error-severity violations of the events one push makes, replayed in order into GTM's
   * model of its page and layer, as `tagwarden check` replays a session export.
   */
  countPush(push: Pick<SessionPush, 'push' | 'pageUrl' | 'dataLayerName'>): number;
  /** Error-severity violations of the GA4 events one request carries; 0 for anything else. */
  countRequest(request: CountedRequest): number;
}

/**
 * Counts a tab's errors record by record, with the core's own steps: `decodeRequest` and
 * `ga4EventToTestInput` for hits, the dataLayer replay and `dataLayerStepToTestInput` for
 * pushes, and one `createPlanValidator` for the plan. Session-wide findings (duplicates,
 * planned events never seen) need the whole session and are left to the panel and the CLI.
 */
export function createErrorCounter(plan: TrackingPlan): ErrorCounter {
  const validator = createPlanValidator(plan);
  const replays = new Map<string, DataLayerReplay>();

  const replayOf = (pageUrl: string, layer: string): DataLayerReplay => {
    const key = `${pageUrl}\u0000${layer}`;
    let replay = replays.get(key);
    if (replay === undefined) {
      replay = createDataLayerReplay();
      replays.set(key, replay);
    }
    return replay;
  };

  return {
    countPush(push) {
      let errors = 0;
      for (const step of replayOf(push.pageUrl, push.dataLayerName).push(push.push)) {
        errors += countErrors(warningsToViolations(step.warnings));
        if (step.event === null || isGtmInternalEvent(step.event)) continue;
        const input = dataLayerStepToTestInput(step, push.pageUrl || undefined);
        errors += countErrors(validator.validate(input).violations);
      }
      return errors;
    },
    countRequest(request) {
      const decoded = decodeHitOnce(request);
      if (decoded.kind !== 'ga4') return 0;
      let errors = 0;
      for (const event of decoded.events) {
        errors += countErrors(warningsToViolations(event.warnings));
        errors += countErrors(validator.validate(ga4EventToTestInput(event)).violations);
      }
      return errors;
    },
  };
}

function countErrors(violations: readonly Violation[]): number {
  return violations.filter((violation) => violation.severity === 'error').length;
}
