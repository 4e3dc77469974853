import type { LineageGap } from '../commands/demo/find-lineage-gaps.js';
import { renderTable } from './render-table.js';

/** The records that did not reach the next layer, each with the reason the capture gives. */
export function renderLineageGaps(gaps: LineageGap[]): string {
  const rows = gaps.map((gap) => [
    gap.kind,
    gap.layer,
    gap.name ?? '(no name)',
    gap.reason,
    gap.page ?? '',
  ]);
  return [
    '<section data-testid="lineage-gaps">',
    `<h2>Lineage gaps: ${gaps.length}</h2>`,
    gaps.length === 0
      ? '<p>Every push reached GA4 and every hit its mirror copy.</p>'
      : renderTable(['gap', 'layer', 'event', 'why', 'page'], rows, { id: 'gaps' }),
    '</section>',
  ].join('\n');
}
