import type { Severity } from '../../shared/events/event-types.js';
import { escapeHtml } from './escape-html.js';
import type { ViolationExample, ViolationGroup } from './group-violations.js';
import { renderBarChartSvg, type ChartTone } from './render-bar-chart-svg.js';
import { renderTable } from './render-table.js';

const SEVERITY_TONES: Record<Severity, ChartTone> = { error: 'bad', warning: 'warn', info: 'info' };

/**
 * The violations grouped by code: a bar per code, then each code with its count, the events
 * that carried it and a few examples (event, layer, path, message, where it came from).
 */
export function renderViolationGroups(groups: ViolationGroup[]): string {
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const heading = `<h2>Violations by code: ${total} in ${groups.length} code${groups.length === 1 ? '' : 's'}</h2>`;
  if (groups.length === 0)
    return `<section data-testid="violation-groups">${heading}<p>No violations.</p></section>`;

  const chart = renderBarChartSvg({
    id: 'violations-chart',
    title: 'Violations per code',
    bars: groups.map((group) => ({
      label: group.code,
      segments: [
        { label: group.severity, value: group.count, tone: SEVERITY_TONES[group.severity] },
      ],
    })),
  });
  return [
    '<section data-testid="violation-groups">',
    heading,
    chart,
    ...groups.map(groupHtml),
    '</section>',
  ].join('\n');
}

function groupHtml(group: ViolationGroup, index: number): string {
  const names = group.eventNames.map(
    (name) => `<code>${escapeHtml(name === null ? '(no name)' : name)}</code>`,
  );
  const rows = group.examples.map(exampleRow);
  const more = group.count - group.examples.length;
  return [
    `<div class="code-group" data-code="${escapeHtml(group.code)}">`,
    `<h3><code>${escapeHtml(group.code)}</code>: ${group.count} (${escapeHtml(group.severity)})</h3>`,
    `<p>In ${names.join(', ')}.</p>`,
    renderTable(['event', 'layer', 'path', 'message', 'where'], rows, {
      id: `violation-examples-${index}`,
    }),
    more > 0 ? `<p class="more">and ${more} more of this code in the event table below.</p>` : '',
    '</div>',
  ].join('\n');
}

function exampleRow(example: ViolationExample): string[] {
  const where = example.page === undefined ? example.source : `${example.page} (${example.source})`;
  return [
    example.event === null ? '(no name)' : example.event,
    example.layer,
    example.path || '(event)',
    example.message,
    where,
  ];
}
