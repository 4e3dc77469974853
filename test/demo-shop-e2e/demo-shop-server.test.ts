import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoShop, type DemoShop } from '../demo-shop/server/start-demo-shop.js';

let shop: DemoShop;

beforeAll(async () => {
  shop = await startDemoShop({
    collectorUrl: 'http://127.0.0.1:9411/g/collect',
    mirrorTemplate: new URL(
      '../../gtm-template/examples/web-pixel-tag/template.tpl',
      import.meta.url,
    ).pathname,
  });
}, 120_000);
afterAll(() => shop?.close());

// fetch normalises `..` away; the raw path is what a hostile client would send.
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(shop.url);
    httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('startDemoShop', () => {
  it('listens on loopback only', () => {
    expect(shop.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the product list with a per-response nonce, its collector and no unsafe-eval', async () => {
    const response = await fetch(`${shop.url}/`);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];

    expect(response.status).toBe(200);
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(
      '<meta name="tagwarden-collector" content="http://127.0.0.1:9411/g/collect" />',
    );
    expect(html).toContain('<script async src="/gtm.js?id=GTM-DEMO"></script>');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:9411");
    const second = await fetch(`${shop.url}/`);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
  });

  it('renames the dataLayer on the checkout, as its GTM snippet says', async () => {
    const html = await (await fetch(`${shop.url}/checkout`)).text();
    expect(html).toContain('<script async src="/gtm.js?id=GTM-DEMO&l=shopLayer"></script>');
    expect(html).toContain('<body data-page="checkout" data-layer="shopLayer">');
  });

  it('titles a product page after its product and answers 404 for an unknown one', async () => {
    const html = await (await fetch(`${shop.url}/products/alder-28l-daypack`)).text();
    expect(html).toContain('<title>Alder 28L Daypack | Tidewater Trail Co.</title>');
    expect((await fetch(`${shop.url}/products/unknown-boots`)).status).toBe(404);
  });

  it('serves the built page scripts and the mirror template it was given', async () => {
    for (const path of ['/gtm.js', '/js/shop.js', '/js/mirror-runtime.js']) {
      const response = await fetch(`${shop.url}${path}`);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
    const template = await (await fetch(`${shop.url}/mirror/template.tpl`)).text();
    expect(template).toContain('Pixel to collection endpoint');
  });

  it.each([
    '/../package.json',
    '/js/../../../package.json',
    '/public/index.html',
    '/server/start-demo-shop.ts',
  ])('answers 404 for %s, which is not part of the shop', async (path) =>
    expect(await rawGet(path)).toBe(404),
  );

  it('records a GET and a batched POST to /g/collect and answers them as Google does', async () => {
    const before = shop.hits.length;
    const get = await fetch(`${shop.url}/g/collect?v=2&tid=G-TWDEMO2025&en=page_view`);
    const post = await fetch(`${shop.url}/g/collect?v=2&tid=G-TWDEMO2025`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://127.0.0.1:1234' },
      body: 'en=page_view\r\nen=view_item_list',
    });

    expect([get.status, post.status]).toEqual([204, 204]);
    expect(post.headers.get('server')).toBe('Golfe2');
    expect(post.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(post.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1234');
    expect(post.headers.get('access-control-allow-credentials')).toBe('true');
    expect(shop.hits.slice(before)).toMatchObject([
      { method: 'GET', url: `${shop.url}/g/collect?v=2&tid=G-TWDEMO2025&en=page_view`, body: '' },
      {
        method: 'POST',
        url: `${shop.url}/g/collect?v=2&tid=G-TWDEMO2025`,
        body: 'en=page_view\r\nen=view_item_list',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://127.0.0.1:1234' },
      },
    ]);
  });

  it('answers a preflight, refuses other methods and an oversized body, and records neither', async () => {
    const before = shop.hits.length;
    const preflight = await fetch(`${shop.url}/g/collect`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1234' },
    });
    const put = await fetch(`${shop.url}/g/collect`, { method: 'PUT', body: 'x' });
    const huge = await fetch(`${shop.url}/g/collect?v=2`, {
      method: 'POST',
      body: 'x'.repeat(300 * 1024),
    });

    expect([preflight.status, put.status, huge.status]).toEqual([200, 405, 413]);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:1234');
    expect(shop.hits.length).toBe(before);
  });
});
