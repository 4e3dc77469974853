import {
  coverageGapKinds,
  type CoverageReport,
  type PlannedEventCoverage,
} from '../../../shared/container/coverage-types.js';

const requiredMarks = {
  sent: '✓',
  ecommerce: '(ecommerce)',
  unknown: '(run time)',
  missing: '✗ missing',
} as const;

/** The coverage table for a terminal: planned events, GA4 tags, then the gaps. */
export function renderCoverageText(report: CoverageReport): string {
  const { summary } = report;
  const container = [
    report.container.publicId,
    report.container.name && `(${report.container.name})`,
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `tagwarden coverage · ${container || report.container.file} · plan ${report.plan.name} ${report.plan.version}`,
    '',
    `Planned events: ${summary.expectedOnGa4} expected on GA4; ${summary.withGa4Tag} sent by a GA4 tag, ${summary.withMirrorTag} of them mirrored; ${summary.automatic} sent by gtag.js or GA4 itself.`,
  ];
  for (const event of report.events) lines.push(eventLine(event));

  lines.push('', `GA4 tags (${summary.ga4Tags}), mirror tags (${summary.mirrorTags}):`);
  for (const tag of report.tags) {
    const paused = tag.isPaused ? ' [paused]' : '';
    const mirror =
      tag.mirrorTags.length > 0
        ? `  mirror: ${tag.mirrorTags.map((mirrorTag) => mirrorTag.name).join(', ')}`
        : '';
    const names =
      tag.names.length > 0 && tag.names.join(',') !== tag.eventName
        ? `  (${tag.names.join(', ')})`
        : '';
    lines.push(
      `  ${tag.status.padEnd(10)}  ${tag.tag.name}${paused}: ${tag.eventName}${names}${mirror}`,
    );
  }

  lines.push('', report.gaps.length > 0 ? `Gaps (${report.gaps.length}):` : 'No gaps.');
  const byKind = [...report.gaps].sort(
    (left, right) => coverageGapKinds.indexOf(left.kind) - coverageGapKinds.indexOf(right.kind),
  );
  for (const gap of byKind) lines.push(`  ${gap.kind.padEnd(18)}  ${gap.message}`);
  return lines.join('\n') + '\n';
}

function eventLine(event: PlannedEventCoverage): string {
  const tags =
    event.ga4Tags.map((tag) => tag.name).join(', ') ||
    event.possibleTags.map((tag) => `${tag.name}?`).join(', ') ||
    '—';
  const mirror = event.mirrorTags.length > 0 ? 'mirrored' : '';
  const required = event.required
    .map((judgement) => `${judgement.parameter} ${requiredMarks[judgement.verdict]}`)
    .join(', ');
  const draft = event.planStatus === 'active' ? '' : ` [${event.planStatus}]`;
  return `  ${event.status.padEnd(10)}  ${(event.name + draft).padEnd(26)}  ${tags.padEnd(32)}  ${mirror.padEnd(8)}  ${required}`.trimEnd();
}
