/**
 * How the stand-in container and the mirror runtime meet on the page: the container creates
 * `window.tagwardenMirror` and queues one entry per GA4 event; the runtime, once loaded, runs
 * the queued entries and every later one, in order, and records each run.
 */

/** A GA4 event as the container fired it, with the page state the mirror tag must see. */
export interface MirrorEvent {
  name: string;
  measurementId: string;
  /** The GA4 tag's own parameters (ecommerce data comes from the model). */
  params: Record<string, unknown>;
  /** GTM's data model when the event fired (JSON transport form). */
  model: Record<string, unknown>;
  /** Effective consent per type when the event fired. */
  consent: Record<string, 'granted' | 'denied'>;
}

/** One run of the mirror tag, as data. */
export interface MirrorRunRecord {
  event: string;
  outcome: string;
  errors: string[];
  /** The APIs the tag called, in order (`sendPixel`, `gtmOnSuccess` …). */
  calls: string[];
}

export interface MirrorQueueEntry {
  event: MirrorEvent;
  /** Called once the run has finished, whatever its outcome (GTM's eventCallback waits for it). */
  done: () => void;
}

export interface MirrorHost {
  collectorUrl: string;
  templateUrl: string;
  containerId: string;
  queue: { push(entry: MirrorQueueEntry): unknown } & MirrorQueueEntry[];
  runs: MirrorRunRecord[];
  /** Events handed to the mirror so far; the mirror is idle once `runs` has as many. */
  fired: number;
  /** Set when the template cannot be loaded or is no web tag template. */
  problem?: string;
}

export function mirrorHostOf(target: object): MirrorHost | undefined {
  return (target as { tagwardenMirror?: MirrorHost }).tagwardenMirror;
}
