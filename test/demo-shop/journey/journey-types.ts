/** One step of a journey; elements are named by their `data-testid`. */
export type JourneyStep =
  | { kind: 'visit'; path: string }
  | { kind: 'click'; testId: string; navigates: boolean }
  | { kind: 'fill'; fields: Array<{ testId: string; value: string }> }
  | { kind: 'wait'; testId: string; text?: string }
  | { kind: 'consent'; answer: 'accept' | 'reject' };

/** A journey file read into data: what to do, and which GA4 events should come of it. */
export interface Journey {
  name: string;
  description?: string;
  steps: Array<JourneyStep & { line?: number }>;
  /** The GA4 event names the journey should send, in order; empty when the file lists none. */
  expectedEvents: string[];
}

/** A problem with a journey file: where it is, what is wrong and what to write instead. */
export interface JourneyError {
  file: string;
  line?: number;
  message: string;
  hint: string;
}

export type ReadJourneyResult =
  { ok: true; journey: Journey } | { ok: false; errors: JourneyError[] };
