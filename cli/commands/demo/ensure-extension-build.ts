import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders the extension is built from: a change in any of them means a rebuild. */
const SOURCE_FOLDERS = ['extension', 'shared'];

/**
 * The unpacked Chrome extension in `dist/extension/chrome/`, built with vite (as
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

  // A child process: crxjs builds its content scripts in nested builds that ignore the
  // logLevel and print progress and bundler notes of their own. The demo's output is its
  // report, so the build's output is shown only when the build fails.
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '-c', 'extension/vite.config.ts', '--mode', 'production'];
  const build = spawnSync(
    process.execPath,
    [...args, '--logLevel', 'error', '--outDir', directory, '--emptyOutDir'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TAGWARDEN_E2E: '0' } },
  );
  if (build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim();
    throw new Error(`the extension build failed (npm run build:extension):\n${output}`);
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
