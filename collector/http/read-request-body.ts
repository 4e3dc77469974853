import type { IncomingMessage } from 'node:http';

/** The body, or why it was not read. */
export type BodyReading = { body: Buffer } | { status: 413 | 400; reason: string };

/**
 * Reads a request body up to `limit` bytes. A declared length past the limit is refused before
 * any byte is read, and a body that grows past it is refused as soon as it does (413), so an
 * oversized body is never read to its end: the answer ends the connection (see
 * `isConnectionReusable`) and the bytes still arriving are discarded.
 */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<BodyReading> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) {
    request.resume();
    return Promise.resolve(tooLarge(limit));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      resolve(tooLarge(limit));
    });
    request.on('end', () => {
      if (length <= limit) resolve({ body: Buffer.concat(chunks, length) });
    });
    request.on('error', () =>
      resolve({ status: 400, reason: 'the request body could not be read' }),
    );
  });
}

function tooLarge(limit: number): BodyReading {
  return { status: 413, reason: `the body is over the ${limit}-byte limit (--max-body-kb)` };
}
