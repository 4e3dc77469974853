import type { IncomingMessage } from 'node:http';

/** The body, or why it was not read. */
export type BodyReading = { body: Buffer } | { status: 413 | 400; reason: string };

/**
 * Reads a request body up to `limit` bytes. A declared or actual length past the limit stops
 * reading at once (413); the rest of the body is drained so the connection stays usable.
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
    let isOver = false;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        isOver = true;
        chunks.length = 0;
        return;
      }
      if (!isOver) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(isOver ? tooLarge(limit) : { body: Buffer.concat(chunks, length) }),
    );
    request.on('error', () =>
      resolve({ status: 400, reason: 'the request body could not be read' }),
    );
  });
}

function tooLarge(limit: number): BodyReading {
  return { status: 413, reason: `the body is over the ${limit}-byte limit (--max-body-kb)` };
}
