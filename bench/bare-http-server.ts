import { createServer, type Server } from 'node:http';

/**
 * The ceiling: a bare node:http server that reads each request's URL and whole body, splits the
 * body into lines, and answers 204 without storing anything. No collector can beat it on the
 * same machine, so the collector's share of it says what durability and decoding cost.
 */
export function startBareServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    const query = url.slice(url.indexOf('?') + 1);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const lines = Buffer.concat(chunks).toString('utf8').split('\n');
      response.writeHead(query.length > 0 && lines.length > 0 ? 204 : 400);
      response.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}
