import { EMPTY_CONSENT_STATE } from './apply-consent-command.js';
import { createModelSnapshotter, type ModelSnapshotter } from './create-model-snapshotter.js';
import { deepFreeze } from './deep-freeze.js';
import { processMessage } from './process-message.js';
import { readModelVersion } from './read-model-version.js';
import type { DataLayerModel, ReplayConsentState, ReplayStep } from './replay-types.js';
import { reviveTransportValue } from './revive-transport-value.js';
import { serialiseValue } from './serialise-value.js';

/** One dataLayer and the GTM data model built from it, message by message. */
export interface DataLayerReplay {
  /**
   * Processes messages as `dataLayer.push(a, b, …)` would, and returns the steps they
   * produced. Values may be in-page values or their transport form. A push made while a
   * message is being processed (from a pushed function) is queued and processed after the
   * messages already waiting, as GTM does; that inner call returns `[]` and its steps come
   * back from the outer one.
   */
  push(...values: unknown[]): ReplayStep[];
  /** Every step so far, in processing order. */
  readonly steps: readonly ReplayStep[];
  /** The live model (not a snapshot); read it with `getModelValue`. */
  readonly model: DataLayerModel;
  /** The consent state after the last step. */
  readonly consent: ReplayConsentState;
}

interface ReplayState {
  model: DataLayerModel;
  steps: ReplayStep[];
  queue: unknown[];
  snapshotter: ModelSnapshotter;
  consent: ReplayConsentState;
  isProcessing: boolean;
}

/** Starts a replay with an empty model, as GTM has before the first message. */
export function createDataLayerReplay(): DataLayerReplay {
  const state: ReplayState = {
    model: {},
    steps: [],
    queue: [],
    snapshotter: createModelSnapshotter(),
    consent: EMPTY_CONSENT_STATE,
    isProcessing: false,
  };

  return {
    push: (...values) => pushMessages(state, values),
    get steps() {
      return state.steps;
    },
    model: state.model,
    get consent() {
      return state.consent;
    },
  };
}

// The queue is what makes re-entrant pushes run after the current message (notes §11.1).
function pushMessages(state: ReplayState, values: unknown[]): ReplayStep[] {
  state.queue.push(...values);
  if (state.isProcessing) return [];

  state.isProcessing = true;
  const produced: ReplayStep[] = [];
  try {
    while (state.queue.length > 0) {
      const [value] = state.queue.splice(0, 1);
      produced.push(processNext(state, value));
    }
  } finally {
    state.isProcessing = false;
  }
  return produced;
}

function processNext(state: ReplayState, value: unknown): ReplayStep {
  const revived = reviveTransportValue(value);
  // Taken before processing: commands and functions may later mutate what was pushed.
  const push = deepFreeze(serialiseValue(revived.value));
  const outcome = processMessage(state.model, state.consent, revived.value);
  state.consent = outcome.consent ?? state.consent;

  const { changedKeys, mayShareContainers } = outcome;
  const version = state.snapshotter.snapshot(state.model, changedKeys, mayShareContainers);
  const step: ReplayStep = {
    index: state.steps.length,
    event: outcome.event,
    kind: outcome.kind,
    push,
    // Read on demand, so a long replay stores changes rather than one full copy per step.
    get model() {
      return readModelVersion(version);
    },
    consent: state.consent,
    warnings: [...revived.warnings, ...outcome.warnings],
  };
  if (outcome.eventParams) step.eventParams = deepFreeze(outcome.eventParams);
  if (outcome.gtag) step.gtag = deepFreeze(outcome.gtag);
  state.steps.push(step);
  return step;
}
