import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'text/plain; charset=utf-8',
  '.har': 'application/json',
  '.ndjson': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the repository on 127.0.0.1 for in-page tests. HTML pages get a strict content
 * security policy without 'unsafe-eval', as MV3 extension pages have, so any run-time code
 * generation in the core fails the test. Extensionless module paths resolve to `.js`, as a
 * bundler would resolve them.
 */
export async function serveStatic(root: string, policyNonce: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = resolveInside(
      root,
      decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname),
    );
    if (!path) {
      response.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
    };
    if (path.endsWith('.html')) {
      headers['content-security-policy'] =
        `default-src 'self'; script-src 'self' 'nonce-${policyNonce}'; object-src 'none'`;
    }
    response.writeHead(200, headers).end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function resolveInside(root: string, urlPath: string): string | undefined {
  const candidate = normalize(join(root, urlPath));
  if (!candidate.startsWith(root + sep)) return undefined;
  for (const path of [candidate, `${candidate}.js`]) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}
