import type { SessionFrame, TabSession } from '../common/session-types.js';

/**
 * Records what is known about a frame's current document, replacing the entry for the same
 * frame and document (or the same frame, when the browser gives no document ids).
 */
export function noteFrame(session: TabSession, frame: SessionFrame): void {
  const index = session.frames.findIndex(
    (known) => known.frameId === frame.frameId && known.documentId === frame.documentId,
  );
  if (index === -1) {
    session.frames.push(frame);
    return;
  }
  session.frames[index] = { ...session.frames[index], ...frame };
}
