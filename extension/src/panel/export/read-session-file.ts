import type { InputError } from '../../../../shared/capture/captured-input.js';
import { readCapture } from '../../../../shared/capture/read-capture.js';
import type { TabSession } from '../../common/session-types.js';
import { recordsToSession } from './records-to-session.js';
import { isSessionExport, readSessionLines } from './read-session-lines.js';

/** An imported file, read into a session the panel shows and judges offline. */
export interface ImportedSession {
  session: TabSession;
  format: 'session' | 'har' | 'ndjson' | 'url-list';
  errors: InputError[];
}

/** The tab id imported sessions carry: no real tab has it. */
export const IMPORTED_TAB_ID = -1;

/**
 * Reads any file the panel can import: a session it exported (read back exactly), or any
 * capture `tagwarden check` reads (HAR, NDJSON, URL list), turned into a session. Problems
 * are listed with the line or entry they concern; never throws.
 */
export function readSessionFile(text: string, file: string): ImportedSession {
  if (isSessionExport(text)) {
    const { session, errors } = readSessionLines(text, file, IMPORTED_TAB_ID);
    return { session, format: 'session', errors };
  }
  const capture = readCapture(text, file);
  return {
    session: recordsToSession(capture.records, IMPORTED_TAB_ID),
    format: capture.format,
    errors: capture.errors,
  };
}
