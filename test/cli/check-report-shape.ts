import { expect } from 'vitest';
import { bundledCaptures, parseStdout, runCli, type CliRun } from './run-cli.js';

export interface ReportedViolation {
  code: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

export interface ReportedEvent {
  name: string | null;
  layer: string;
  status: 'valid' | 'invalid' | 'unplanned';
  violations: ReportedViolation[];
  source: { file: string; line?: number; entry?: number };
}

export interface CheckJsonReport {
  plan: { name: string; format: string };
  inputs: string[];
  summary: {
    events: number;
    valid: number;
    invalid: number;
    unplanned: number;
    violations: { error: number; warning: number; info: number };
  };
  events: ReportedEvent[];
  otherBeacons: { vendor: string; name?: string; accountId?: string }[];
  auxiliary: { kind: string; endpoint: string }[];
  unrecognised: number;
  missing: { name: string; layers: string[] }[];
  inputErrors: { source: { file: string; line?: number }; message: string; hint: string }[];
}

/** `tagwarden check` over the bundled real captures with the bundled GA4 plan. */
export function checkBundledCaptures(...options: string[]): CliRun {
  return runCli(['check', bundledCaptures, '--plan', 'ga4-recommended', ...options]);
}

/** The JSON report of a run, which must have printed nothing on stderr. */
export function jsonReport(run: CliRun): CheckJsonReport {
  expect(run.stderr).toBe('');
  return parseStdout<CheckJsonReport>(run);
}

/** The summary line the text report ends with, built from the JSON summary. */
export function summaryLine({ summary }: CheckJsonReport): string {
  const { violations } = summary;
  return (
    `${summary.events} events: ${summary.valid} valid, ${summary.invalid} invalid, ` +
    `${summary.unplanned} unplanned · ${violations.error} errors, ${violations.warning} ` +
    `warnings, ${violations.info} notes`
  );
}
