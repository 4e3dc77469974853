import type { TimelineRow } from '../model/timeline-row.js';

/**
 * A row as the JSON a tester pastes into a bug report: what it is, the plan's verdicts, and
 * the record itself (the push, or the request with its decoded event).
 */
export function rowToJson(row: TimelineRow): string {
  const { source } = row;
  const record =
    source.kind === 'push'
      ? { push: source.push.push, dataLayerName: source.push.dataLayerName }
      : {
          request: {
            method: source.hit.method,
            url: source.hit.url,
            body: source.hit.page?.body ?? source.hit.network?.body,
            state: source.hit.state,
            status: source.hit.network?.statusCode,
          },
          ...(source.kind === 'ga4' ? { decoded: source.event } : {}),
          ...(source.kind === 'vendor' ? { decoded: source.beacon } : {}),
        };
  const summary = {
    name: row.label,
    layer: row.layer,
    status: row.status,
    time: new Date(row.time).toISOString(),
    pageUrl: row.pageUrl,
    verdicts: row.verdicts.map(({ name, layer, status, violations }) => ({
      name,
      layer,
      status,
      violations,
    })),
    ...record,
  };
  return JSON.stringify(summary, null, 2);
}
