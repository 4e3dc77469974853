import type { CheckedEvent } from '../../../../shared/check/check-report.js';
import type { RowStatus } from './timeline-row.js';

/**
 * A row's status from the verdicts `checkCaptures` gave its events: invalid beats unplanned,
 * which beats a valid event carrying warnings; a row with no judged event has none.
 */
export function rowStatus(verdicts: readonly CheckedEvent[]): RowStatus {
  if (verdicts.length === 0) return 'none';
  if (verdicts.some((verdict) => verdict.status === 'invalid')) return 'invalid';
  if (verdicts.some((verdict) => verdict.status === 'unplanned')) return 'unplanned';
  const hasWarning = verdicts.some((verdict) =>
    verdict.violations.some((violation) => violation.severity === 'warning'),
  );
  return hasWarning ? 'warning' : 'valid';
}
