import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders the extension is built from: a change in any of them means a rebuild. */
const SOURCE_FOLDERS = ['extension', 'shared'];

/**
 * The unpacked Chrome extension in `dist/extension/chrome/`, built with vite's JS API (as
 * `npm run build:extension` does) when it is missing or older than its sources, so the demo
 * works on a fresh clone. Returns the folder and whether it was built now.
 */
export async function ensureExtensionBuild(
  root: string,
): Promise<{ directory: string; isFresh: boolean }> {
  const directory = join(root, 'dist/extension/chrome');
  const manifest = join(directory, 'manifest.json');
  const newestSource = Math.max(...SOURCE_FOLDERS.map((folder) => newest(join(root, folder))));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource)
    return { directory, isFresh: false };

  const { build } = await import('vite');
  const saved = process.env.TAGWARDEN_E2E;
  process.env.TAGWARDEN_E2E = '0';
  try {
    await build({
      configFile: join(root, 'extension/vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir: directory, emptyOutDir: true },
    });
  } finally {
    if (saved === undefined) delete process.env.TAGWARDEN_E2E;
    else process.env.TAGWARDEN_E2E = saved;
  }
  return { directory, isFresh: true };
}

function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (/\.(ts|tsx|json|html|yaml|css)$/.test(entry.name))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}
