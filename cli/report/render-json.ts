import type { CheckReport } from '../../shared/check/check-report.js';

/** The stable JSON contract of `tagwarden check --format json` (see the README). */
export function renderJson(report: CheckReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
