import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { productBySlug, SHOP_NAME } from '../page/shop/catalogue.js';
import { bundleDir } from './build-page-bundles.js';
import { repositoryRoot } from './repository-root.js';

const publicDir = join(repositoryRoot, 'test/demo-shop/public');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.tpl': 'text/plain; charset=utf-8',
};

/** Where the shop's pages and scripts come from, and which mirror template it serves. */
export interface ShopFiles {
  collectorUrl: string;
  mirrorTemplate: () => string;
}

/**
 * Serves a page, script, stylesheet or the mirror template for a path, or answers 404. Pages
 * get a per-response nonce for their inline GTM snippet and a content security policy without
 * 'unsafe-eval', so the template runtime is proven to run without code generation.
 */
export function serveShopFile(path: string, response: ServerResponse, files: ShopFiles): void {
  const page = pageOf(path);
  if (page) return servePage(page.file, page.title, response, files.collectorUrl);

  const file = staticFileOf(path, files);
  if (!file || !existsSync(file)) {
    response
      .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      .end(`${path} is not part of the demo shop\n`);
    return;
  }
  response
    .writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    })
    .end(readFileSync(file));
}

function pageOf(path: string): { file: string; title?: string } | undefined {
  const productSlug = /^\/products\/([a-z0-9-]+)$/.exec(path)?.[1];
  if (productSlug !== undefined) {
    const product = productBySlug(productSlug);
    return product ? { file: 'product.html', title: `${product.name} | ${SHOP_NAME}` } : undefined;
  }
  const pages: Record<string, string> = {
    '/': 'index.html',
    '/cart': 'cart.html',
    '/checkout': 'checkout.html',
    '/order/confirmation': 'confirmation.html',
  };
  const file = pages[path];
  return file === undefined ? undefined : { file };
}

function staticFileOf(path: string, files: ShopFiles): string | undefined {
  if (path === '/gtm.js') return join(bundleDir, 'gtm.js');
  if (path === '/mirror/template.tpl') return files.mirrorTemplate();
  if (path === '/css/shop.css') return join(publicDir, 'shop.css');
  const script = /^\/js\/(shop|mirror-runtime)\.js(\.map)?$/.exec(path);
  if (script) return join(bundleDir, `${script[1]}.js${script[2] ?? ''}`);
  const map = /^\/gtm\.js\.map$/.exec(path);
  return map ? join(bundleDir, 'gtm.js.map') : undefined;
}

function servePage(
  file: string,
  title: string | undefined,
  response: ServerResponse,
  collectorUrl: string,
): void {
  const nonce = randomBytes(16).toString('base64');
  let html = readFileSync(join(publicDir, file), 'utf8')
    .replaceAll('__NONCE__', nonce)
    .replaceAll('__COLLECTOR_URL__', escapeAttribute(collectorUrl));
  if (title !== undefined)
    html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeAttribute(title)}</title>`);

  const collectorOrigin = originOf(collectorUrl);
  const sources = collectorOrigin ? `'self' ${collectorOrigin}` : `'self'`;
  response
    .writeHead(200, {
      'content-type': contentTypes['.html'] ?? 'text/html',
      'cache-control': 'no-cache',
      'content-security-policy': [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        `connect-src ${sources}`,
        `img-src ${sources} data:`,
        "object-src 'none'",
        "base-uri 'none'",
      ].join('; '),
    })
    .end(html);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function originOf(url: string): string | undefined {
  try {
    return url === '' ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}
