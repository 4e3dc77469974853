import type { LogEntry } from '../runtime/realm.js';

/** Where a failure points: the scenario's code, the shared setup, or the template's code. */
export type FailureSource = 'code' | 'setup' | 'template';

export interface ScenarioFailure {
  message: string;
  /** 1-based line in `source`, when the failure has a place. */
  line?: number;
  column?: number;
  source?: FailureSource;
  /** assertion, permission, limit, type, reference, syntax, api… */
  kind: string;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  failures: ScenarioFailure[];
  logs: LogEntry[];
}

/** The outcome of one template's `___TESTS___`, as data. */
export interface TemplateTestReport {
  scenarios: ScenarioResult[];
  passed: number;
  failed: number;
}
