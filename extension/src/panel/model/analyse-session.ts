import type { CapturedRecord } from '../../../../shared/capture/captured-input.js';
import { checkCaptures } from '../../../../shared/check/check-captures.js';
import type { CheckReport, CheckedEvent } from '../../../../shared/check/check-report.js';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';
import type { TabSession } from '../../common/session-types.js';
import { buildHitRows } from './hit-rows.js';
import { buildPushRow } from './push-row.js';
import { createRowContext } from './row-context.js';
import { orderSessionEntries, sessionToRecords, type SessionEntry } from './session-records.js';
import type { TimelineRow } from './timeline-row.js';

/** The name a session's records carry as their input file, in the panel and in its export. */
export const SESSION_FILE = 'session.ndjson';

export interface SessionAnalysis {
  session: TabSession;
  entries: SessionEntry[];
  records: CapturedRecord[];
  /** Exactly what `tagwarden check` reports for the session's export and the same plan. */
  report: CheckReport;
  rows: TimelineRow[];
}

/**
 * Judges a session the way `tagwarden check` judges its export: the session becomes the
 * core's capture records, `checkCaptures` gives every verdict, and each verdict is attached
 * to the timeline row of the record it came from (matched by line). The rows add what the
 * panel shows beside the verdicts: decoded fields, replay steps, consent, personal data.
 */
export function analyseSession(session: TabSession, plan: TrackingPlan): SessionAnalysis {
  const entries = orderSessionEntries(session);
  const records = sessionToRecords(session, entries, SESSION_FILE);
  const report = checkCaptures(records, plan, { inputs: [SESSION_FILE] });
  const verdictsByLine = groupByLine(report.events);
  const context = createRowContext(session);
  const rows: TimelineRow[] = [];

  entries.forEach((entry, index) => {
    const verdicts = verdictsByLine.get(index + 1) ?? [];
    const record = records[index];
    if (entry.kind === 'push') {
      rows.push(buildPushRow(context, entry.push, index, verdicts));
    } else if (record?.kind === 'request') {
      rows.push(...buildHitRows(context, entry.hit, record, index, verdicts));
    }
  });
  return { session, entries, records, report, rows };
}

function groupByLine(events: CheckedEvent[]): Map<number, CheckedEvent[]> {
  const byLine = new Map<number, CheckedEvent[]>();
  for (const event of events) {
    const line = event.source.line;
    if (line === undefined) continue;
    const list = byLine.get(line);
    if (list === undefined) byLine.set(line, [event]);
    else list.push(event);
  }
  return byLine;
}
