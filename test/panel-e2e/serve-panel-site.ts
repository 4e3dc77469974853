import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const siteRoot = fileURLToPath(new URL('./site/', import.meta.url));
const PAGES: Record<string, string> = {
  '/shop.html': 'shop.html',
  '/checkout/thanks': 'shop.html',
};

export interface PanelSite {
  origin: string;
  /** Plans and captures the tests serve for "load a plan from a URL". */
  serveText(path: string, text: string): void;
  close(): Promise<void>;
}

/**
 * The panel tests' shop on 127.0.0.1: its page, a collector answering 204 to `/g/collect`
 * (the server container) and `/tw` (the warehouse mirror), and any text a test adds.
 */
export async function servePanelSite(): Promise<PanelSite> {
  const texts = new Map<string, string>();
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    request.resume();
    if (pathname === '/g/collect' || pathname === '/tw') {
      response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    const text = texts.get(pathname);
    if (text !== undefined) {
      response
        .writeHead(200, {
          'content-type': 'text/plain; charset=utf-8',
          'access-control-allow-origin': '*',
        })
        .end(text);
      return;
    }
    const page = PAGES[pathname];
    if (page === undefined) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(readFileSync(`${siteRoot}${page}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    serveText: (path, text) => texts.set(path, text),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
