/* global process, console, setInterval, clearInterval */
// Starts the demo shop by hand: `node test/demo-shop/serve-demo-shop.mjs [--port 8080]
// [--collector http://127.0.0.1:8787/g/collect]`, then open the printed URL. Vite loads the
// TypeScript server as it loads it for tests; Ctrl-C stops it.
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const { values } = parseArgs({
  options: { port: { type: 'string' }, collector: { type: 'string' } },
});
const loader = await createServer({
  configFile: false,
  logLevel: 'warn',
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
});
const { startDemoShop } = await loader.ssrLoadModule('/test/demo-shop/server/start-demo-shop.ts');
const shop = await startDemoShop({
  port: Number(values.port ?? 0),
  ...(values.collector ? { collectorUrl: values.collector } : {}),
});
console.log(`Tidewater Trail Co. is open at ${shop.url}/ (GA4 hits are printed as they arrive)`);

let printed = 0;
const timer = setInterval(() => {
  for (const hit of shop.hits.slice(printed))
    console.log(
      `${hit.method} ${hit.url}${hit.body ? `\n  ${hit.body.replaceAll('\r\n', '\n  ')}` : ''}`,
    );
  printed = shop.hits.length;
}, 500);
process.on('SIGINT', async () => {
  clearInterval(timer);
  await shop.close();
  await loader.close();
  process.exit(0);
});
