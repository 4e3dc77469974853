import { splitBodyLines } from '../../shared/ga4/split-body-lines.js';
import { QueryScanner } from '../../shared/text/query-scanner.js';

/** What the request thread learns of a hit before acknowledging it, without decoding it. */
export interface HitCount {
  /** `v=1` on the first event: a Universal Analytics hit. */
  isUniversal: boolean;
  /** `tid` on the first event (any value, as the decoder takes it). */
  hasMeasurementId: boolean;
  /** Events with a non-empty `en`: the ones the loader turns into rows. */
  named: number;
  /** Events without a name, which GA4 does not record either. */
  unnamed: number;
}

interface KeyState {
  version?: string;
  measurementId?: string;
  name?: string;
}

/**
 * Reads only `v`, `tid` and `en` of a `/g/collect` hit, the way the shared decoder would
 * (the query holds what the events share, each body line is one event whose own keys win, the
 * last of a repeated key wins), so the answer can name how many events will be stored while
 * the full decode and row building run later in the loader.
 */
export function countHitEvents(query: string, body: string | undefined): HitCount {
  const shared = readKeys(query, {});
  const lines = body === undefined || body === '' ? [] : splitBodyLines(body);
  const events = lines.length === 0 ? [shared] : lines.map((line) => readKeys(line, shared));
  const first = events[0] ?? shared;
  const named = events.filter((event) => event.name !== undefined && event.name !== '').length;
  return {
    isUniversal: first.version === '1',
    hasMeasurementId: first.measurementId !== undefined,
    named,
    unnamed: events.length - named,
  };
}

function readKeys(text: string, inherited: KeyState): KeyState {
  const state: KeyState = { ...inherited };
  const scanner = new QueryScanner(text);
  while (scanner.next()) {
    const key = scanner.key();
    if (key === 'v') state.version = scanner.value();
    else if (key === 'tid') state.measurementId = scanner.value();
    else if (key === 'en') state.name = scanner.value();
  }
  return state;
}
