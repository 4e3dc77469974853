import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const siteRoot = fileURLToPath(new URL('./site', import.meta.url)).replace(/\/$/, '');
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** An analytics request the test site's collector received. */
export interface ReceivedHit {
  method: string;
  url: string;
  body: string;
}

export interface TestSite {
  origin: string;
  /** Every request to a collector path (`/g/collect`, `/collect`, `/tr`), in arrival order. */
  received: ReceivedHit[];
  close(): Promise<void>;
}

const COLLECTOR_PATHS = /\/(g\/collect|collect|tr\/?)$/;

/**
 * Serves the test site (`site/`) on 127.0.0.1 with a stand-in analytics collector that answers
 * 204 to GA4, Universal Analytics and pixel paths under any prefix, as first-party and
 * server-side endpoints do. Two instances on two ports give a cross-origin frame. The
 * repository's `serve-static` serves files only; the extension tests need the collector.
 */
export async function serveTestSite(): Promise<TestSite> {
  const received: ReceivedHit[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (COLLECTOR_PATHS.test(url.pathname)) {
      collect(request, response, received);
      return;
    }
    serveFile(url.pathname, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function collect(request: IncomingMessage, response: ServerResponse, received: ReceivedHit[]) {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ method: request.method ?? 'GET', url: request.url ?? '', body });
    response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
}

function serveFile(pathname: string, response: ServerResponse) {
  const path = normalize(join(siteRoot, pathname === '/' ? '/index.html' : pathname));
  if (!path.startsWith(siteRoot + sep)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const content = readFileSync(path);
    response.writeHead(200, {
      'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
    });
    response.end(content);
  } catch {
    response.writeHead(404).end();
  }
}
