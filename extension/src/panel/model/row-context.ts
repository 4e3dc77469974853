import type { DataLayerReplay } from '../../../../shared/datalayer/index.js';
import type { TabSession } from '../../common/session-types.js';
import { documentScopes } from './document-scopes.js';
import type { ConsentSummary } from './timeline-row.js';

/** What building rows carries from one record to the next. */
export interface RowContext {
  session: TabSession;
  scopes: Map<number, string>;
  /** One replay per page and dataLayer name, partitioned as `checkCaptures` partitions them. */
  replays: Map<string, DataLayerReplay>;
  /** The latest dataLayer consent per document, for hits that declare none themselves. */
  consentByScope: Map<string, ConsentSummary>;
}

export function createRowContext(session: TabSession): RowContext {
  return {
    session,
    scopes: documentScopes(session.navigations),
    replays: new Map(),
    consentByScope: new Map(),
  };
}

export function scopeOf(context: RowContext, navigationId: number): string {
  return context.scopes.get(navigationId) ?? 'doc0';
}
