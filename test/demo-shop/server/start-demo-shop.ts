import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { answerCollectRequest } from './answer-collect-request.js';
import { ensurePageBundles } from './build-page-bundles.js';
import type { RecordedHit } from './recorded-hit.js';
import { serveShopFile, type ShopFiles } from './serve-shop-file.js';
import { repositoryRoot } from './repository-root.js';

const webMirrorTemplate = join(repositoryRoot, 'gtm-template/web-mirror/template.tpl');
const exampleWebTag = join(repositoryRoot, 'gtm-template/examples/web-pixel-tag/template.tpl');

export interface DemoShopOptions {
  /** 0 (the default) picks a free port. The shop listens on 127.0.0.1 only. */
  port?: number;
  /**
   * Where the web mirror tag sends (a collector's `/g/collect`). Without it the container has
   * no mirror tag and the page loads no template runtime.
   */
  collectorUrl?: string;
  /**
   * The web TAG template the mirror runs: by default `gtm-template/web-mirror/template.tpl`,
   * or the example pixel tag while that does not exist.
   */
  mirrorTemplate?: string;
}

export interface DemoShop {
  /** The shop's origin, e.g. `http://127.0.0.1:41234`; its product list is at `/`. */
  url: string;
  /** Every request the stand-in Google endpoint received, in arrival order (live array). */
  hits: RecordedHit[];
  close(): Promise<void>;
}

/**
 * Starts Tidewater Trail Co., the demo shop: its pages, the stand-in GTM container and gtag
 * that send real GA4 requests, and a stand-in for Google's `/g/collect` that records them.
 * The page scripts are built first when missing or stale (a few seconds, once).
 */
export async function startDemoShop(options: DemoShopOptions = {}): Promise<DemoShop> {
  await ensurePageBundles();
  const shop: ShopState = {
    origin: '',
    hits: [],
    files: {
      collectorUrl: options.collectorUrl ?? '',
      mirrorTemplate: () =>
        options.mirrorTemplate ??
        (existsSync(webMirrorTemplate) ? webMirrorTemplate : exampleWebTag),
    },
  };

  const server = createServer((request, response) => {
    handleRequest(request, response, shop).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  shop.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url: shop.origin,
    hits: shop.hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface ShopState {
  origin: string;
  hits: RecordedHit[];
  files: ShopFiles;
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  shop: ShopState,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path === '/g/collect') return answerCollectRequest(request, response, shop.origin, shop.hits);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (path === '/favicon.ico') response.writeHead(204).end();
  else serveShopFile(path, response, shop.files);
}
