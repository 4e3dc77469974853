import type { CoverageReport } from '../../../shared/container/coverage-types.js';

/** Coverage as Markdown, for pull-request comments and CI job summaries. */
export function renderCoverageMarkdown(report: CoverageReport): string {
  const { summary } = report;
  const lines = [
    `## tagwarden coverage: ${escapeCell(report.container.publicId || report.container.file)} × ${escapeCell(report.plan.name)}`,
    '',
    '| expected on GA4 | with a GA4 tag | mirrored | automatic | GA4 tags | mirror tags | gaps |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row([
      summary.expectedOnGa4,
      summary.withGa4Tag,
      summary.withMirrorTag,
      summary.automatic,
      summary.ga4Tags,
      summary.mirrorTags,
      report.gaps.length,
    ]),
    '',
    '| event | coverage | GA4 tags | mirror tags | required parameters |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const event of report.events) {
    const tags = event.ga4Tags
      .map((tag) => tag.name)
      .concat(event.possibleTags.map((tag) => `${tag.name} (maybe)`));
    const required = event.required.map(
      (judgement) => `\`${judgement.parameter}\` ${judgement.verdict}`,
    );
    lines.push(
      row([
        `\`${event.name}\``,
        event.status,
        tags.join('<br>') || ' ',
        event.mirrorTags.map((tag) => tag.name).join('<br>') || ' ',
        required.join('<br>') || ' ',
      ]),
    );
  }
  lines.push('', '| GA4 tag | event name | status | mirror |', '| --- | --- | --- | --- |');
  for (const tag of report.tags) {
    lines.push(
      row([
        tag.tag.name + (tag.isPaused ? ' (paused)' : ''),
        `\`${tag.eventName}\``,
        tag.status,
        tag.mirrorTags.map((mirror) => mirror.name).join('<br>') || ' ',
      ]),
    );
  }
  if (report.gaps.length > 0) {
    lines.push('', `**Gaps (${report.gaps.length}):**`, '');
    for (const gap of report.gaps) lines.push(`- \`${gap.kind}\`: ${escapeCell(gap.message)}`);
  }
  return lines.join('\n') + '\n';
}

function row(cells: Array<string | number>): string {
  return `| ${cells.map((cell) => escapeCell(String(cell))).join(' | ')} |`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
