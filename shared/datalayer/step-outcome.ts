import type {
  GtagCall,
  ReplayConsentState,
  ReplayKind,
  ReplayWarning,
  TransportObject,
} from './replay-types.js';

/** What processing one message did, before the replay turns it into a `ReplayStep`. */
export interface StepOutcome {
  kind: ReplayKind;
  event: string | null;
  warnings: ReplayWarning[];
  /** Top-level model keys the step may have changed; `all` when it cannot tell (code ran). */
  changedKeys: 'all' | string[];
  /** True when two model branches may now share one container, which snapshots must know. */
  mayShareContainers: boolean;
  eventParams?: TransportObject;
  gtag?: GtagCall;
  /** The new consent state, when the step changed it. */
  consent?: ReplayConsentState;
}
