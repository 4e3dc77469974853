import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../cli/package-version.js';

/**
 * The extension's Chrome build, made now with vite's JS API into a temporary folder, so a
 * benchmark measures the code as it is and not an older `dist/extension`. The caller
 * removes the folder.
 */
export async function buildExtension(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'tagwarden-bench-extension-'));
  await build({
    configFile: join(packageRoot(), 'extension/vite.config.ts'),
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
