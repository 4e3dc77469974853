import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LinkPageServer {
  /** The origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** A site on 127.0.0.1 whose every page is `html`, recording what the crawler asks for. */
export async function serveLinkPage(html: (origin: string) => string): Promise<LinkPageServer> {
  const requests: string[] = [];
  let origin = '';
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html(origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
