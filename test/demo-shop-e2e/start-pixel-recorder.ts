import { createServer } from 'node:http';

export interface RecordedPixel {
  method: string;
  /** Path and query as received, e.g. `/g/collect?en=purchase&…`. */
  path: string;
  referer?: string;
}

/**
 * A stand-in collector for the mirror tag's pixels: records each request and answers 204.
 * Loopback only, on a free port.
 */
export async function startPixelRecorder(): Promise<{
  collectUrl: string;
  pixels: RecordedPixel[];
  close(): Promise<void>;
}> {
  const pixels: RecordedPixel[] = [];
  const server = createServer((request, response) => {
    const referer = request.headers.referer;
    pixels.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      ...(referer ? { referer } : {}),
    });
    request.resume();
    response.writeHead(204, { 'cache-control': 'no-store' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    collectUrl: `http://127.0.0.1:${port}/g/collect`,
    pixels,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
