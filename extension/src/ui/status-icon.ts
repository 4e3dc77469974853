import { h, type ComponentChild } from 'preact';
import type { RowStatus } from '../panel/model/timeline-row.js';

const GLYPHS: Record<RowStatus, string> = {
  valid: '✓',
  invalid: '✕',
  unplanned: '?',
  warning: '⚠',
  none: '·',
};

export const STATUS_LABELS: Record<RowStatus, string> = {
  valid: 'valid',
  invalid: 'invalid',
  unplanned: 'unplanned',
  warning: 'warning',
  none: 'not judged',
};

/** A status as a glyph in its colour; the word is the accessible name and the tooltip. */
export function StatusIcon(props: { status: RowStatus }): ComponentChild {
  const label = STATUS_LABELS[props.status];
  return h(
    'span',
    { class: `status-icon status-${props.status}`, role: 'img', 'aria-label': label, title: label },
    GLYPHS[props.status],
  );
}
