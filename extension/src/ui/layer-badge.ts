import { h, type ComponentChild } from 'preact';
import type { RowLayer } from '../panel/model/timeline-row.js';

export const LAYER_LABELS: Record<RowLayer, string> = {
  datalayer: 'dataLayer',
  ga4: 'GA4',
  sgtm: 'sGTM',
  mirror: 'Mirror',
  vendor: 'Vendor',
  other: 'Other',
};

/** The lane of a record as a small coloured label. */
export function LayerBadge(props: { layer: RowLayer }): ComponentChild {
  return h('span', { class: `layer-badge layer-${props.layer}` }, LAYER_LABELS[props.layer]);
}
