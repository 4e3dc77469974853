import { useMemo } from 'preact/hooks';
import type { TrackingPlan } from '../../../../shared/plan/plan-types.js';
import type { TabSession } from '../../common/session-types.js';
import { analyseSession, type SessionAnalysis } from '../model/analyse-session.js';
import { noteAnalysisTime } from './analysis-pace.js';
import { buildLineageView, type LineageView } from '../model/build-lineage-view.js';
import { siteKeyOf } from '../model/plan-choice.js';
import type { TimelineRow } from '../model/timeline-row.js';
import { sessionPageUrl, useSessionSource, type SessionSource } from './use-session-source.js';
import { useSitePlan, type SitePlan } from './use-site-plan.js';

export interface PanelData {
  source: SessionSource;
  session: TabSession | null;
  /** The origin the session's plan is kept under (`file:<name>` for an import). */
  site: string;
  sitePlan: SitePlan;
  plan: TrackingPlan;
  analysis: SessionAnalysis | null;
  rows: TimelineRow[];
  rowsById: Map<string, TimelineRow>;
  lineage: LineageView;
}

/**
 * The session shown (live or imported), its site's plan, and everything judged from them:
 * rows and verdicts through `checkCaptures`, and lineage. Recomputed when the session grows
 * or the plan changes, never on a mere change of view or filter.
 */
export function usePanelData(tabId: number | null): PanelData {
  const source = useSessionSource(tabId);
  const { session } = source;
  const fallback = source.imported ? `file:${source.imported.name}` : 'default';
  const site = siteKeyOf(sessionPageUrl(session), fallback);
  const sitePlan = useSitePlan(site);
  const { plan } = sitePlan.choice;

  const analysis = useMemo(() => {
    if (session === null) return null;
    const started = performance.now();
    const analysed = analyseSession(session, plan);
    noteAnalysisTime(performance.now() - started);
    return analysed;
  }, [session, source.version, plan]);
  const rows = analysis?.rows ?? [];
  const lineage = useMemo(() => buildLineageView(rows, plan), [analysis]);
  const rowsById = useMemo(() => new Map(rows.map((row) => [row.id, row])), [analysis]);
  return { source, session, site, sitePlan, plan, analysis, rows, rowsById, lineage };
}
