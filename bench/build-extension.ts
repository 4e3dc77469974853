import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * A copy of a built extension whose content scripts and background are emptied, everything
 * else (manifest, worlds, frames, `document_start`) kept: what any extension that injects at
 * the first byte costs a page before its own code does anything. `withoutPermissions` are
 * taken out of the manifest, to tell what holding one costs. The caller removes it.
 */
export function emptyScriptsCopy(
  extensionDir: string,
  { withoutPermissions = [] }: { withoutPermissions?: string[] } = {},
): string {
  const outDir = mkdtempSync(join(tmpdir(), 'tagwarden-bench-empty-extension-'));
  cpSync(extensionDir, outDir, { recursive: true });
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts?: Array<{ js?: string[] }>;
    background?: { service_worker?: string };
    permissions?: string[];
  };
  if (withoutPermissions.length > 0) {
    manifest.permissions = (manifest.permissions ?? []).filter(
      (permission) => !withoutPermissions.includes(permission),
    );
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  const scripts = (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
  const worker = manifest.background?.service_worker;
  for (const script of worker === undefined ? scripts : [...scripts, worker]) {
    writeFileSync(join(outDir, script), '// emptied for the benchmark\n');
  }
  return outDir;
}
