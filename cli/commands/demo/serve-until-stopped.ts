import { relative } from 'node:path';
import type { RunningCollector } from '../../../collector/start-collector.js';
import type { DemoShop } from '../../../test/demo-shop/server/start-demo-shop.js';

export interface KeptServices {
  shop: DemoShop;
  collector: RunningCollector;
  extensionDir: string;
  root: string;
}

/**
 * `--keep-serving`: leaves the shop and the collector up for a person to walk by hand with the
 * extension loaded, until Ctrl-C; the collector then loads its spool into the warehouse.
 */
export function serveUntilStopped(services: KeptServices): Promise<void> {
  const { shop, collector } = services;
  process.stdout.write(
    [
      '',
      'Serving until Ctrl-C:',
      `  shop       ${shop.url}/`,
      `  collector  ${collector.url}/g/collect`,
      `  extension  chrome://extensions → Developer mode → Load unpacked → ${relative(services.root, services.extensionDir) || services.extensionDir}`,
      '',
    ].join('\n'),
  );
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void Promise.all([shop.close(), collector.close()]).then(() => done());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
