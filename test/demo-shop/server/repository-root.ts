import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root folder, found from this file upwards, so the shop finds its pages and
 * page sources whether it runs from `test/` (vitest) or from a compiled copy under `dist/`.
 */
export const repositoryRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'test/demo-shop/public/index.html'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the demo shop's pages were not found above ${start}`);
    dir = parent;
  }
  return dir;
}
