import { renderConsentFindings } from './render-consent-findings.js';
import { renderCoverageMatrix } from './render-coverage-matrix.js';
import { renderLineageGaps } from './render-lineage-gaps.js';
import { renderSummary, type SummaryFigure, type SummaryInput } from './render-summary.js';
import { renderViolationGroups } from './render-violation-groups.js';

/**
 * The sections every report opens with, in one order: the summary (after the report's own
 * `leading` figures), the coverage matrix, the violations by code, the consent findings and
 * the lineage gaps.
 */
export function renderFindingSections(input: SummaryInput, leading: SummaryFigure[]): string[] {
  return [
    renderSummary(input, leading),
    renderCoverageMatrix(input.coverage),
    renderViolationGroups(input.violations),
    renderConsentFindings(input.consent),
    renderLineageGaps(input.gaps),
  ];
}
