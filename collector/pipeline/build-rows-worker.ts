import { parentPort } from 'node:worker_threads';
import { buildSegmentRows } from './build-segment-rows.js';

/**
 * The loader's worker thread: builds a segment's rows file for each request it is sent, so
 * decoding and row building use another core than the one answering requests.
 */
export interface BuildRequest {
  id: number;
  segmentPath: string;
  rowsPath: string;
}

parentPort?.on('message', (request: BuildRequest) => {
  buildSegmentRows(request.segmentPath, request.rowsPath).then(
    (built) => parentPort?.postMessage({ id: request.id, built }),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
