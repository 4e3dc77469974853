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
  version: string | undefined;
  measurementId: string | undefined;
  name: string | undefined;
}

/**
 * Reads only `v`, `tid` and `en` of a `/g/collect` hit, the way the shared decoder would
 * (the query holds what the events share, each body line is one event whose own keys win, the
 * last of a repeated key wins), so the answer can name how many events will be stored while
 * the full decode and row building run later in the loader.
 */
export function countHitEvents(query: string, body: string | undefined): HitCount {
  const shared = readKeys(query, { version: undefined, measurementId: undefined, name: undefined });
  const lines = body === undefined || body === '' ? [] : splitBodyLines(body);
  if (lines.length === 0) {
    return counted(shared, isNamed(shared) ? 1 : 0, 1);
  }
  // One state for every line, reset to the shared keys each time: this runs on the thread
  // that answers requests, where an object per line showed up in its profile.
  const line: KeyState = { ...shared };
  let first: KeyState | undefined;
  let named = 0;
  for (const text of lines) {
    Object.assign(line, shared);
    readKeys(text, line);
    first ??= { ...line };
    if (isNamed(line)) named += 1;
  }
  return counted(first ?? shared, named, lines.length);
}

function counted(first: KeyState, named: number, events: number): HitCount {
  return {
    isUniversal: first.version === '1',
    hasMeasurementId: first.measurementId !== undefined,
    named,
    unnamed: events - named,
  };
}

function isNamed(state: KeyState): boolean {
  return state.name !== undefined && state.name !== '';
}

/** Reads the three keys of one query or line into `state`, over what it held before. */
function readKeys(text: string, state: KeyState): KeyState {
  const scanner = new QueryScanner(text);
  while (scanner.next()) {
    const key = wantedKey(scanner);
    if (key === 'v') state.version = scanner.value();
    else if (key === 'tid') state.measurementId = scanner.value();
    else if (key === 'en') state.name = scanner.value();
  }
  return state;
}

/**
 * Which of the three keys the pair has, if any, found without cutting the key out of the text
 * unless it holds an escape: real lines are mostly other short keys (`dl`, `dt`, `_et`).
 */
function wantedKey(scanner: QueryScanner): 'v' | 'tid' | 'en' | undefined {
  if (scanner.keyHasEscape) {
    const key = scanner.key();
    return key === 'v' || key === 'tid' || key === 'en' ? key : undefined;
  }
  const { text, keyStart } = scanner;
  switch (scanner.keyEnd - keyStart) {
    case 1:
      return text.startsWith('v', keyStart) ? 'v' : undefined;
    case 2:
      return text.startsWith('en', keyStart) ? 'en' : undefined;
    case 3:
      return text.startsWith('tid', keyStart) ? 'tid' : undefined;
    default:
      return undefined;
  }
}
